// Accounts still restoring when the first screen starts: main's boot answer does not wait for them,
// so the session store asks `session.get` (answered once they settled) and shows what it says —
// unless a change the user made was answered meanwhile, which wins.
import { describe, expect, it } from 'vitest';
import type { AccountEntry, Bridge, Result, SessionState } from '../../../preload/contract.ts';
import { createSessionStore } from '../../../renderer/stores/session-store.ts';
import { createToastStore } from '../../../renderer/stores/toast-store.ts';

const entry = (id: string, status: AccountEntry['status'], active = false): AccountEntry => ({
  id,
  serverUrl: `https://${id}.example.com`,
  email: `${id}@example.com`,
  displayName: null,
  status,
  active,
});

const stateWith = (...accounts: AccountEntry[]): SessionState => ({
  status: 'signed_in',
  account: { serverUrl: accounts[0]!.serverUrl, email: accounts[0]!.email, userId: 'u1', displayName: null },
  persistence: 'keychain',
  accounts,
});

/** A bridge whose `session.get` and `accounts.switch` answer when the test says. */
function bridgeWithHeldAnswers() {
  const gets: Array<(state: SessionState) => void> = [];
  const switches: Array<(state: SessionState) => void> = [];
  const held = (queue: Array<(state: SessionState) => void>) => () =>
    new Promise<Result<SessionState>>((resolve) => queue.push((value) => resolve({ ok: true, value })));
  const bridge = { session: { get: held(gets) }, accounts: { switch: held(switches) } } as unknown as Bridge;
  return { bridge, gets, switches };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const statuses = (state: SessionState | null) => state?.accounts.map((account) => account.status);

describe('accounts still restoring at start-up', () => {
  it('the boot state shows them restoring; main’s settled state follows', async () => {
    const { bridge, gets } = bridgeWithHeldAnswers();
    const store = createSessionStore(bridge, createToastStore());

    store.getState().startWith(stateWith(entry('home', 'signed_in', true), entry('away', 'restoring')));
    expect(statuses(store.getState().state)).toEqual(['signed_in', 'restoring']);
    await settle();
    expect(gets).toHaveLength(1);

    gets[0]!(stateWith(entry('home', 'signed_in', true), entry('away', 'unreachable')));
    await settle();
    expect(statuses(store.getState().state)).toEqual(['signed_in', 'unreachable']);
  });

  it('a state with none restoring asks nothing more', async () => {
    const { bridge, gets } = bridgeWithHeldAnswers();
    const store = createSessionStore(bridge, createToastStore());

    store.getState().startWith(stateWith(entry('home', 'signed_in', true), entry('away', 'signed_in')));
    await settle();

    expect(gets).toHaveLength(0);
  });

  it('a switch answered meanwhile wins over the older settled state, and is followed in turn', async () => {
    const { bridge, gets, switches } = bridgeWithHeldAnswers();
    const store = createSessionStore(bridge, createToastStore());
    store.getState().startWith(stateWith(entry('home', 'signed_in', true), entry('away', 'restoring'), entry('third', 'restoring')));
    await settle();

    const switched = store.getState().switchTo('away');
    await settle();
    switches[0]!(stateWith(entry('home', 'signed_in'), entry('away', 'signed_in', true), entry('third', 'restoring')));
    await switched;
    // Asked before the switch: it shows 'home' active, so it must not undo the switch.
    gets[0]!(stateWith(entry('home', 'signed_in', true), entry('away', 'signed_in'), entry('third', 'restoring')));
    await settle();
    expect(store.getState().state?.accounts.find((account) => account.active)?.id).toBe('away');

    expect(gets).toHaveLength(2);
    gets[1]!(stateWith(entry('home', 'signed_in'), entry('away', 'signed_in', true), entry('third', 'signed_in')));
    await settle();
    expect(statuses(store.getState().state)).toEqual(['signed_in', 'signed_in', 'signed_in']);
    expect(store.getState().state?.accounts.find((account) => account.active)?.id).toBe('away');
  });
});
