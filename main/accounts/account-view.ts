// What the renderer may see of the accounts: each one's state in words, and the shown one's
// account. Nothing secret.
import type { Account, AccountEntry, AccountStatus, AppError, ErrorCode, SessionState } from '../../preload/contract.ts';
import type { AccountRecord, AccountRegistry } from './account-registry.ts';

/** Problems after which only a new sign-in helps; a locked keychain and an offline server pass: Retry. */
const ENDED_CODES: ErrorCode[] = ['session_expired', 'keychain_unavailable'];

function statusOf({ live, problem }: AccountRecord): AccountStatus {
  if (live) return live.persistence() === 'memory' ? 'memory_only' : 'signed_in';
  if (problem?.code === 'keychain_locked') return 'keychain_locked';
  return problem && !ENDED_CODES.includes(problem.code) ? 'unreachable' : 'session_ended';
}

function entryOf(record: AccountRecord, active: AccountRecord | null): AccountEntry {
  const { account, live, user, problem } = record;
  return {
    id: account.id,
    serverUrl: account.serverUrl,
    email: account.email,
    displayName: user?.displayName ?? null,
    status: statusOf(record),
    problem: live ? null : (problem?.message ?? null),
    // The renderer words it by code; only present when there is a problem.
    ...(live || !problem ? {} : { problemError: problem }),
    active: record === active,
  };
}

/** The state the renderer shows; `launchNotice` says why nothing could be restored, `listNotice` why the list was rebuilt. */
export function sessionStateOf(registry: AccountRegistry, launchNotice: AppError | null, listNotice: AppError | null): SessionState {
  const active = registry.active();
  const accounts = registry.records().map((record) => entryOf(record, active));
  const live = active?.live;
  if (active && live && active.user) {
    const account: Account = {
      serverUrl: active.account.serverUrl,
      email: active.user.email,
      userId: active.user.id,
      displayName: active.user.displayName,
    };
    return {
      status: 'signed_in',
      account,
      persistence: live.persistence(),
      persistenceWarning: live.persistenceWarning()?.message ?? null,
      ...(live.persistenceWarning() ? { persistenceProblem: live.persistenceWarning() } : {}),
      accounts,
      ...(listNotice ? { listNotice } : {}),
    };
  }
  const last = active?.account ?? registry.lastOpened();
  return {
    status: 'signed_out',
    prefill: last && { serverUrl: last.serverUrl, email: last.email },
    notice: active?.problem ?? launchNotice,
    accounts,
    ...(listNotice ? { listNotice } : {}),
  };
}
