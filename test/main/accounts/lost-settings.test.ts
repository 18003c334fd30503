// The account list is never lost by accident: an empty, damaged or unreadable settings file is not
// "no accounts". The keychain keeps every entry, the list is rebuilt from it, the user is told,
// and a damaged file is kept aside. A failed write leaves memory and disk equal.
import { describe, expect, it } from 'vitest';
import { KEYCHAIN_SERVICES } from '../../../main/keychain/keychain-names.ts';
import { createSettingsService } from '../../../main/settings/settings-service.ts';
import { memoryJsonFile } from '../../support/memory-ports.ts';
import { EMAIL, GRACE, PASSWORD, SERVER, sessionHarness } from './accounts-harness.ts';

async function twoAccounts() {
  const h = sessionHarness();
  await h.service.signIn({ serverUrl: SERVER, email: EMAIL, password: PASSWORD });
  await h.service.signIn({ serverUrl: SERVER, email: GRACE.email, password: GRACE.password });
  const ids = (await h.service.getState()).accounts.map((account) => account.id);
  return { h, ids, entries: () => h.keychain.fake.entries(KEYCHAIN_SERVICES.sessions) };
}

describe('a settings file that cannot be used at launch', () => {
  it.each([
    ['empty', 'damaged'],
    ['damaged', 'damaged'],
  ] as const)('%s: keeps it aside, rebuilds both accounts from the keychain, says so, and deletes nothing', async (_label, status) => {
    const { h, ids, entries } = await twoAccounts();
    const before = entries();
    h.settingsFile.status = status;

    const state = await h.launch().getState();

    expect(state.accounts.map((account) => account.status)).toEqual(['signed_in', 'signed_in']);
    expect(new Set(state.accounts.map((account) => account.id))).toEqual(new Set(ids));
    expect(state.listNotice).toMatchObject({
      code: 'settings_unreadable',
      message: expect.stringMatching(/damaged.*kept as settings\.json\.damaged-/),
    });
    expect(h.settingsFile.keptAside).toEqual([expect.stringMatching(/^damaged-\d{4}-\d\d-\d\dT/)]);
    expect(entries()).toEqual(before);
    // The rebuilt list is written, so the next launch reads it as usual.
    expect(h.settingsFile.content).toMatchObject({ accounts: expect.arrayContaining([expect.objectContaining({ id: ids[0] })]) });
  });

  it('unreadable: rebuilds from the keychain, says so, writes nothing, and the accounts are back from the file once it is fixed', async () => {
    const { h, ids, entries } = await twoAccounts();
    const before = entries();
    const content = h.settingsFile.content;
    h.settingsFile.status = 'unreadable';

    const state = await h.launch().getState();

    expect(new Set(state.accounts.map((account) => account.id))).toEqual(new Set(ids));
    expect(state.listNotice).toMatchObject({ code: 'settings_unreadable', message: expect.stringMatching(/cannot be read/) });
    expect(entries()).toEqual(before);
    expect(h.settingsFile.keptAside).toEqual([]);
    expect(h.settingsFile.content).toEqual(content);

    h.settingsFile.status = 'ok';
    const fixed = await h.launch().getState();
    expect(fixed.accounts.map((account) => account.id)).toEqual(ids);
    expect(fixed.listNotice).toBeUndefined();
  });

  it('a missing file is a first launch: no notice, nothing rebuilt', async () => {
    const h = sessionHarness();
    const state = await h.service.getState();
    expect(state).toMatchObject({ status: 'signed_out', accounts: [] });
    expect(state.listNotice).toBeUndefined();
  });
});

describe('writing the settings', () => {
  it('a failed write leaves memory as it was, equal to the disk', async () => {
    const file = memoryJsonFile({ clipboardClearSeconds: 5, keepTokenCopies: true });
    const settings = createSettingsService(file);
    await settings.get();
    file.failWrites = true;

    await expect(settings.update({ clipboardClearSeconds: 60 })).rejects.toThrow(/disk full/);

    expect(await settings.get()).toEqual({ clipboardClearSeconds: 5, keepTokenCopies: true, expiryReminders: true, language: null });
    expect(file.content).toMatchObject({ clipboardClearSeconds: 5 });
  });
});
