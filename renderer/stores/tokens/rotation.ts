// Rotate, one of the model's row actions: a successor is created on the same account (and offered
// to copy), then the user revokes the old token or keeps both. One rotation at a time, of any account.
import { rotationExpiry } from '../../domain/token-expiry-choice.ts';
import { ACTION_WORDS, CREATE_WORDS } from '../../domain/token-messages.ts';
import { errorMsg } from '../../i18n/index.ts';
import type { ToastStoreApi } from '../toast-store.ts';
import type { TokenModel } from './account-tokens.ts';

type Get = () => TokenModel;
type Set = (change: Pick<TokenModel, 'rotation'>) => void;

export function rotationActions(get: Get, set: Set, toasts: ToastStoreApi): Pick<TokenModel, 'rotate' | 'revokeOld' | 'keepBoth'> {
  return {
    rotate: async (row, name) => {
      if (get().rotation) return;
      const { accountId } = row.account;
      set({ rotation: { row, phase: 'creating', created: null, error: null } });
      // The successor keeps the old token's expiry choice: as many days as it was given.
      const capabilities = get().capabilities[accountId];
      const result = await get().create(accountId, name, capabilities && rotationExpiry(row.token, capabilities));
      if (!result) return;
      if (!result.ok) {
        set({ rotation: null });
        toasts.getState().show({ tone: 'error', title: errorMsg(result.error, CREATE_WORDS) });
        return;
      }
      set({ rotation: { row, phase: 'choose', created: result.value, error: null } });
    },

    revokeOld: async () => {
      const rotation = get().rotation;
      if (!rotation || rotation.phase !== 'choose') return;
      set({ rotation: { ...rotation, phase: 'revoking', error: null } });
      const { account, token } = rotation.row;
      const result = await get().remove(account.accountId, token.id);
      if (!result) return;
      if (!result.ok) {
        set({ rotation: { ...rotation, phase: 'choose', error: errorMsg(result.error, ACTION_WORDS) } });
        return;
      }
      set({ rotation: null });
    },

    keepBoth: () => {
      if (get().rotation?.phase === 'choose') set({ rotation: null });
    },
  };
}
