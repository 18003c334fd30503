// What the renderer may see of the accounts: each one's state (as account-state.ts holds it, never
// guessed from an error), the words' code for its detail, and the shown one's account. Nothing secret.
import type { Account, AccountEntry, AccountStatus, AppError, SessionState } from '../../preload/contract.ts';
import { keychainLocked } from '../keychain/keychain.ts';
import type { AccountRecord, AccountRegistry } from './account-registry.ts';

function statusOf({ state }: AccountRecord): AccountStatus {
  if (state.kind === 'signed_in') return state.live.persistence() === 'memory' ? 'memory_only' : 'signed_in';
  return state.kind;
}

/** The detail the card words after its status, when the state carries one. */
function detailOf({ state }: AccountRecord): AppError | null {
  switch (state.kind) {
    case 'session_ended':
      return state.reason;
    case 'server_refused':
    case 'unreachable':
      return state.error;
    case 'keychain_locked':
      return { ...keychainLocked().toData(), params: { reason: 'retry' } };
    default:
      return null;
  }
}

function entryOf(record: AccountRecord, active: AccountRecord | null): AccountEntry {
  const { account, user } = record;
  const detail = detailOf(record);
  return {
    id: account.id,
    serverUrl: account.serverUrl,
    email: account.email,
    displayName: user?.displayName ?? null,
    status: statusOf(record),
    ...(detail ? { problemError: detail } : {}),
    active: record === active,
  };
}

/** The state the renderer shows; `launchNotice` says why nothing could be restored, `listNotice` why the list was rebuilt (or is not yet). */
export function sessionStateOf(registry: AccountRegistry, launchNotice: AppError | null, listNotice: AppError | null): SessionState {
  const active = registry.active();
  const accounts = registry.records().map((record) => entryOf(record, active));
  const list = {
    ...(listNotice ? { listNotice } : {}),
    ...(registry.listState() === 'not_recovered' ? { list: 'not_recovered' as const } : {}),
  };
  if (active?.state.kind === 'signed_in' && active.user) {
    const { live } = active.state;
    const account: Account = {
      serverUrl: active.account.serverUrl,
      email: active.user.email,
      userId: active.user.id,
      displayName: active.user.displayName,
    };
    const warning = live.persistenceWarning();
    return {
      status: 'signed_in',
      account,
      persistence: live.persistence(),
      ...(warning ? { persistenceProblem: warning } : {}),
      accounts,
      ...list,
    };
  }
  const last = active?.account ?? registry.lastOpened();
  return {
    status: 'signed_out',
    prefill: last && { serverUrl: last.serverUrl, email: last.email },
    notice: (active && detailOf(active)) ?? launchNotice,
    accounts,
    ...list,
  };
}
