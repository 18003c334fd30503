// One account's state, and the one place that moves it. Every other file reads the state; only
// `nextState` decides what an event does to it, so "can Retry sign a logged-out account back in?"
// is answered by one table (test/main/accounts/account-state.test.ts checks it case by case).
//
//   restoring ──restored──► signed_in ──server rejected the refresh──► session_ended
//   restoring ──keychain locked / stopped, entry damaged, server refused or offline──► that state
//   keychain_locked | keychain_stopped | server_refused | unreachable ──retry──► restoring
//   any ──Log Out──► logging_out (final: only its completion takes the account off the list)
//   any but logging_out ──new sign-in──► signed_in
import type { AppError } from '../../preload/contract.ts';
import type { LiveSession } from '../session/live-session.ts';

/** Why an entry cannot be used: not a session, a server the app cannot talk to, or another account's. */
export type DamageReason = 'unreadable' | 'server' | 'mismatch';

export type AccountState =
  | { readonly kind: 'restoring'; readonly done: Promise<void> }
  | { readonly kind: 'signed_in'; readonly live: LiveSession }
  | { readonly kind: 'keychain_locked' }
  | { readonly kind: 'keychain_stopped' }
  | { readonly kind: 'damaged_entry'; readonly why: DamageReason }
  | { readonly kind: 'server_refused'; readonly error: AppError }
  | { readonly kind: 'unreachable'; readonly error: AppError }
  /** The server ended it, or there is no entry to resume: only a new sign-in helps. */
  | { readonly kind: 'session_ended'; readonly reason: AppError }
  /** Log Out was chosen (and written down); its keychain entries are not all gone yet. */
  | { readonly kind: 'logging_out' };

export type AccountEvent =
  | { readonly type: 'retry'; readonly done: Promise<void> }
  | { readonly type: 'restored'; readonly live: LiveSession }
  | { readonly type: 'signed_in'; readonly live: LiveSession }
  | { readonly type: 'keychain_locked' }
  | { readonly type: 'keychain_stopped' }
  | { readonly type: 'damaged'; readonly why: DamageReason }
  | { readonly type: 'refused'; readonly error: AppError }
  | { readonly type: 'offline'; readonly error: AppError }
  | { readonly type: 'ended'; readonly reason: AppError }
  | { readonly type: 'log_out' };

/** States a Retry may leave: the world was in the way, and the entry is still there. */
const RETRYABLE: ReadonlySet<AccountState['kind']> = new Set(['keychain_locked', 'keychain_stopped', 'server_refused', 'unreachable']);

/** What a restore may end in (only while restoring: a late answer never overrides a later decision). */
const RESTORE_OUTCOMES: ReadonlySet<AccountEvent['type']> = new Set([
  'restored',
  'keychain_locked',
  'keychain_stopped',
  'damaged',
  'refused',
  'offline',
  'ended',
]);

/** The state after `event`; an event the state does not accept leaves it as it is. */
export function nextState(state: AccountState, event: AccountEvent): AccountState {
  // Log Out is final: nothing but its completion (the account leaves the list) ends it.
  if (state.kind === 'logging_out') return state;
  switch (event.type) {
    case 'log_out':
      return { kind: 'logging_out' };
    case 'signed_in':
      return { kind: 'signed_in', live: event.live };
    case 'retry':
      return RETRYABLE.has(state.kind) ? { kind: 'restoring', done: event.done } : state;
    case 'ended':
      // A signed-in session the server refused to refresh, or a restore that found it over.
      return state.kind === 'signed_in' || state.kind === 'restoring' ? { kind: 'session_ended', reason: event.reason } : state;
    default:
      if (state.kind !== 'restoring' || !RESTORE_OUTCOMES.has(event.type)) return state;
      return restoreOutcome(event);
  }
}

function restoreOutcome(event: AccountEvent): AccountState {
  switch (event.type) {
    case 'restored':
      return { kind: 'signed_in', live: event.live };
    case 'damaged':
      return { kind: 'damaged_entry', why: event.why };
    case 'refused':
      return { kind: 'server_refused', error: event.error };
    case 'offline':
      return { kind: 'unreachable', error: event.error };
    case 'keychain_locked':
      return { kind: 'keychain_locked' };
    default:
      return { kind: 'keychain_stopped' };
  }
}

/** The live session of a signed-in account; null in every other state. */
export const liveOf = (state: AccountState): LiveSession | null => (state.kind === 'signed_in' ? state.live : null);
