import { createStore } from 'zustand/vanilla';
import type { AppError, Bridge, PasswordChange, Result, SessionState } from '../../preload/contract.ts';
import { errorMsg, type Text } from '../i18n/index.ts';
import { callBridge } from './call-bridge.ts';

export type FormStatus = 'idle' | 'saving' | 'done' | 'error';

/** The Profile name form and the Password form. Passwords pass through `changePassword`, never into the store. */
export interface ProfileStore {
  /** The account on screen: both forms act on it, named in the call. null: none shown. */
  accountId: string | null;
  name: { status: FormStatus; error: Text | null };
  password: { status: FormStatus; error: Text | null };
  /** Resolves to true when the server kept the name. */
  saveName: (displayName: string) => Promise<boolean>;
  /** Resolves to true when the password was changed. */
  changePassword: (change: Omit<PasswordChange, 'accountId'>) => Promise<boolean>;
  /** Forgets the last outcome of a form (the user is typing again). */
  resetName: () => void;
  resetPassword: () => void;
}

interface Deps {
  bridge: Bridge;
  /** Main answers both calls with the session, which carries the new name (or a new persistence). */
  onSession: (state: SessionState) => void;
  onFailure: (error: AppError) => void;
}

const IDLE = { status: 'idle', error: null } as const;

export function createProfileStore({ bridge, onSession, onFailure }: Deps) {
  return createStore<ProfileStore>()((set, get) => {
    /** Runs one form's request: busy while it is out, then done or the error in words. */
    async function submit(form: 'name' | 'password', run: (accountId: string) => Promise<Result<SessionState>>) {
      const { accountId } = get();
      if (accountId === null || get()[form].status === 'saving') return false;
      set({ [form]: { status: 'saving', error: null } });
      const result = await callBridge(() => run(accountId));
      if (!result.ok) {
        onFailure(result.error);
        set({ [form]: { status: 'error', error: errorMsg(result.error) } });
        return false;
      }
      onSession(result.value);
      set({ [form]: { status: 'done', error: null } });
      return true;
    }

    return {
      accountId: null,
      name: IDLE,
      password: IDLE,
      saveName: (displayName) => submit('name', (accountId) => bridge.profile.update({ accountId, displayName })),
      changePassword: ({ currentPassword, newPassword }) =>
        submit('password', (accountId) => bridge.profile.changePassword({ accountId, currentPassword, newPassword })),
      resetName: () => {
        if (get().name.status !== 'saving') set({ name: IDLE });
      },
      resetPassword: () => {
        if (get().password.status !== 'saving') set({ password: IDLE });
      },
    };
  });
}

export type ProfileStoreApi = ReturnType<typeof createProfileStore>;
