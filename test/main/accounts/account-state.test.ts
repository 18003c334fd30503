// The account state's transition table, case by case: what every event does in every state.
import { describe, expect, it } from 'vitest';
import { nextState, type AccountEvent, type AccountState } from '../../../main/accounts/account-state.ts';
import type { LiveSession } from '../../../main/session/live-session.ts';
import type { AppError } from '../../../preload/contract.ts';

const live = { account: { id: 'a' } } as unknown as LiveSession;
const other = { account: { id: 'b' } } as unknown as LiveSession;
const error: AppError = { code: 'server_unreachable', message: 'offline' };
const done = Promise.resolve();

const STATES: Record<AccountState['kind'], AccountState> = {
  restoring: { kind: 'restoring', done },
  signed_in: { kind: 'signed_in', live },
  keychain_locked: { kind: 'keychain_locked' },
  keychain_stopped: { kind: 'keychain_stopped' },
  damaged_entry: { kind: 'damaged_entry', why: 'unreadable' },
  server_refused: { kind: 'server_refused', error },
  unreachable: { kind: 'unreachable', error },
  session_ended: { kind: 'session_ended', reason: error },
  logging_out: { kind: 'logging_out' },
};

const EVENTS: Record<AccountEvent['type'], AccountEvent> = {
  retry: { type: 'retry', done },
  restored: { type: 'restored', live: other },
  signed_in: { type: 'signed_in', live: other },
  keychain_locked: { type: 'keychain_locked' },
  keychain_stopped: { type: 'keychain_stopped' },
  damaged: { type: 'damaged', why: 'mismatch' },
  refused: { type: 'refused', error },
  offline: { type: 'offline', error },
  ended: { type: 'ended', reason: error },
  log_out: { type: 'log_out' },
};

type Kind = AccountState['kind'] | 'same';
/** Row: the state; column: the event; cell: the state after it ('same' = unchanged). */
const TABLE: Record<AccountState['kind'], Record<AccountEvent['type'], Kind>> = {
  // prettier-ignore
  restoring:        { retry: 'same', restored: 'signed_in', signed_in: 'signed_in', keychain_locked: 'keychain_locked', keychain_stopped: 'keychain_stopped', damaged: 'damaged_entry', refused: 'server_refused', offline: 'unreachable', ended: 'session_ended', log_out: 'logging_out' },
  // prettier-ignore
  signed_in:        { retry: 'same', restored: 'same', signed_in: 'signed_in', keychain_locked: 'same', keychain_stopped: 'same', damaged: 'same', refused: 'same', offline: 'same', ended: 'session_ended', log_out: 'logging_out' },
  // prettier-ignore
  keychain_locked:  { retry: 'restoring', restored: 'same', signed_in: 'signed_in', keychain_locked: 'same', keychain_stopped: 'same', damaged: 'same', refused: 'same', offline: 'same', ended: 'same', log_out: 'logging_out' },
  // prettier-ignore
  keychain_stopped: { retry: 'restoring', restored: 'same', signed_in: 'signed_in', keychain_locked: 'same', keychain_stopped: 'same', damaged: 'same', refused: 'same', offline: 'same', ended: 'same', log_out: 'logging_out' },
  // prettier-ignore
  damaged_entry:    { retry: 'same', restored: 'same', signed_in: 'signed_in', keychain_locked: 'same', keychain_stopped: 'same', damaged: 'same', refused: 'same', offline: 'same', ended: 'same', log_out: 'logging_out' },
  // prettier-ignore
  server_refused:   { retry: 'restoring', restored: 'same', signed_in: 'signed_in', keychain_locked: 'same', keychain_stopped: 'same', damaged: 'same', refused: 'same', offline: 'same', ended: 'same', log_out: 'logging_out' },
  // prettier-ignore
  unreachable:      { retry: 'restoring', restored: 'same', signed_in: 'signed_in', keychain_locked: 'same', keychain_stopped: 'same', damaged: 'same', refused: 'same', offline: 'same', ended: 'same', log_out: 'logging_out' },
  // prettier-ignore
  session_ended:    { retry: 'same', restored: 'same', signed_in: 'signed_in', keychain_locked: 'same', keychain_stopped: 'same', damaged: 'same', refused: 'same', offline: 'same', ended: 'same', log_out: 'logging_out' },
  // Log Out is final: nothing brings the account back, not even a sign-in (it finishes the Log Out first).
  // prettier-ignore
  logging_out:      { retry: 'same', restored: 'same', signed_in: 'same', keychain_locked: 'same', keychain_stopped: 'same', damaged: 'same', refused: 'same', offline: 'same', ended: 'same', log_out: 'same' },
};

const cases = Object.entries(TABLE).flatMap(([state, row]) =>
  Object.entries(row).map(([event, after]) => [state as AccountState['kind'], event as AccountEvent['type'], after] as const),
);

describe('an account state’s transitions', () => {
  it.each(cases)('%s, then %s → %s', (state, event, after) => {
    const before = STATES[state];
    const next = nextState(before, EVENTS[event]);
    expect(next.kind).toBe(after === 'same' ? before.kind : after);
    // Unchanged means the very same state (its session, its work), not a copy.
    expect(after !== 'same' || next === before).toBe(true);
  });

  it('carries what the event brings: the new session, the reason, the Retry’s work', () => {
    expect(nextState(STATES.restoring, EVENTS.restored)).toEqual({ kind: 'signed_in', live: other });
    expect(nextState(STATES.signed_in, EVENTS.ended)).toEqual({ kind: 'session_ended', reason: error });
    expect(nextState(STATES.restoring, EVENTS.damaged)).toEqual({ kind: 'damaged_entry', why: 'mismatch' });
    const work = Promise.resolve();
    expect(nextState(STATES.keychain_locked, { type: 'retry', done: work })).toEqual({ kind: 'restoring', done: work });
  });
});
