// Token copies in the keychain: a long page of today's servers (no values in the list) must not
// cost one keychain call per row, and a locked keychain must still be told from "no copies".
import { describe, expect, it } from 'vitest';
import { createKeychain } from '../../../main/keychain/keychain.ts';
import { tokenCopyEntryName } from '../../../main/keychain/keychain-names.ts';
import { createKeychainTokenVault } from '../../../main/keychain/keychain-token-vault.ts';
import type { KeytarCalls } from '../../../main/keychain/keytar-module.ts';
import { createFakeKeytar } from '../../support/fake-keytar.ts';

const SESSIONS = 'NocoDB session (test)';
const COPIES = 'NocoDB token copy (test)';
// Copies in a token's shape (40 of A-Za-z0-9_-): anything else in an entry is not handed out.
const VALUE = (n: number) => `copy-of-token-${n}`.padEnd(40, 'x');

/** A vault over the fake keytar, counting every keytar call. */
function setUp() {
  const fake = createFakeKeytar();
  const calls: string[] = [];
  const counted = Object.fromEntries(
    Object.entries(fake.keytar).map(([op, fn]) => [
      op,
      (...args: string[]) => (calls.push(op), (fn as (...a: string[]) => unknown)(...args)),
    ]),
  ) as unknown as KeytarCalls;
  const keychain = createKeychain({ canaryService: SESSIONS, loadKeytar: async () => counted });
  return { fake, calls, vault: createKeychainTokenVault(keychain, COPIES) };
}

/** Every copy is still wanted when the keychain writes it. */
const wanted = async () => true;

describe('keychain token copies', () => {
  it("hands out a copy only in a token's shape: 40 characters, or nc_pat_ + 40", async () => {
    const { vault } = setUp();
    const pat = `nc_pat_${'A1_-'.repeat(10)}`;
    await vault.put('acc', 'pat', pat, wanted);
    await vault.put('acc', 'classic', VALUE(1), wanted);
    await vault.put('acc', 'short', 'nc_pat_tooShort', wanted);
    await vault.put('acc', 'spaced', `${'x'.repeat(39)} `, wanted);
    await vault.put('acc', 'other_prefix', `xx_pat_${'a'.repeat(40)}`, wanted);

    const copies = await vault.load('acc', ['pat', 'classic', 'short', 'spaced', 'other_prefix']);

    expect(copies).toEqual(
      new Map([
        ['pat', pat],
        ['classic', VALUE(1)],
      ]),
    );
  });

  it('a page of 1,000 rows with 3 copies costs one listing and 3 reads, not 1,000 reads', async () => {
    const { calls, vault } = setUp();
    for (const n of [7, 500, 999]) await vault.put('acc', `t${n}`, VALUE(n), wanted);
    await vault.put('other', 't1', VALUE(1), wanted); // another account's copy is not this account's
    calls.length = 0;

    const copies = await vault.load(
      'acc',
      Array.from({ length: 1000 }, (_, n) => `t${n}`),
    );

    expect(copies).toEqual(new Map([7, 500, 999].map((n) => [`t${n}`, VALUE(n)])));
    expect(calls.filter((op) => op === 'names')).toHaveLength(1);
    expect(calls.filter((op) => op === 'getPassword').length).toBeLessThanOrEqual(3 + 1); // + the open check
  });

  it('a few rows are read one by one, without a listing', async () => {
    const { calls, vault } = setUp();
    await vault.put('acc', 't1', VALUE(1), wanted);
    calls.length = 0;
    expect(await vault.load('acc', ['t1', 't2'])).toEqual(new Map([['t1', VALUE(1)]]));
    expect(calls).not.toContain('names');
  });

  it('a locked keychain is an error for a long page too (never "no copies"), and nothing is listed while locked', async () => {
    const { fake, vault } = setUp();
    await vault.put('acc', 't1', VALUE(1), wanted);
    fake.state.locked = true;
    await expect(
      vault.load(
        'acc',
        Array.from({ length: 100 }, (_, n) => `t${n}`),
      ),
    ).rejects.toMatchObject({ code: 'keychain_locked' });
    expect(fake.state.crashes).toBe(0);
    expect(fake.peek(COPIES, tokenCopyEntryName('acc', 't1'))).toBe(VALUE(1));
  });
});
