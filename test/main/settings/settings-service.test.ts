import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, createSettingsService } from '../../../main/settings/settings-service.ts';
import { memoryJsonFile } from '../../support/memory-ports.ts';

describe('settings', () => {
  it('defaults to clearing the clipboard after 30 seconds and keeping copies of created tokens', async () => {
    expect(await createSettingsService(memoryJsonFile()).get()).toEqual({
      clipboardClearSeconds: 30,
      keepTokenCopies: true,
      expiryReminders: true,
      language: null,
    });
    expect(DEFAULT_SETTINGS.clipboardClearSeconds).toBe(30);
  });

  it('persists an update, which a new instance reads back', async () => {
    const file = memoryJsonFile();
    expect(await createSettingsService(file).update({ clipboardClearSeconds: 0 })).toEqual({
      clipboardClearSeconds: 0,
      keepTokenCopies: true,
      expiryReminders: true,
      language: null,
    });
    expect(await createSettingsService(file).update({ keepTokenCopies: false, expiryReminders: false })).toEqual({
      clipboardClearSeconds: 0,
      keepTokenCopies: false,
      expiryReminders: false,
      language: null,
    });

    expect(await createSettingsService(file).get()).toEqual({
      clipboardClearSeconds: 0,
      keepTokenCopies: false,
      expiryReminders: false,
      language: null,
    });
  });

  it('keeps the chosen language across instances, and null follows the system again', async () => {
    const file = memoryJsonFile();
    expect((await createSettingsService(file).update({ language: 'de' })).language).toBe('de');
    expect((await createSettingsService(file).get()).language).toBe('de');
    expect((await createSettingsService(file).update({ clipboardClearSeconds: 5 })).language).toBe('de');
    expect((await createSettingsService(file).update({ language: null })).language).toBeNull();
    expect((await createSettingsService(memoryJsonFile({ language: 'tlh' })).get()).language).toBeNull();
  });

  it('keeps the other values when an update names none', async () => {
    const settings = createSettingsService(memoryJsonFile({ clipboardClearSeconds: 5, keepTokenCopies: false }));
    expect(await settings.update({})).toEqual({ clipboardClearSeconds: 5, keepTokenCopies: false, expiryReminders: true, language: null });
  });

  it.each([
    ['not an object', 'garbage'],
    ['a negative delay', { clipboardClearSeconds: -1 }],
    ['a delay that is not a number', { clipboardClearSeconds: '30' }],
    ['a copies setting that is not a boolean', { keepTokenCopies: 'no' }],
    ['unreadable', undefined],
  ])('falls back to the defaults when the file holds %s', async (_label, content) => {
    expect(await createSettingsService(memoryJsonFile(content)).get()).toEqual(DEFAULT_SETTINGS);
  });

  const ADA_REF = { serverUrl: 'http://127.0.0.1:8080', email: 'ada@example.com' };
  const ADA = { id: 'ada-id', ...ADA_REF };
  const GRACE = { id: 'grace-id', serverUrl: 'https://nocodb.example.com', email: 'grace@example.com' };

  it('keeps the account list (order and last active) next to the preferences, without losing either to concurrent changes', async () => {
    const file = memoryJsonFile();
    const settings = createSettingsService(file);

    await Promise.all([
      settings.update({ clipboardClearSeconds: 10 }),
      settings.rememberAccounts({ accounts: [GRACE, ADA], lastAccount: ADA_REF, loggingOut: [], notRecovered: false }),
    ]);

    expect(file.content).toEqual({
      clipboardClearSeconds: 10,
      keepTokenCopies: true,
      expiryReminders: true,
      language: null,
      accounts: [GRACE, ADA],
      lastAccount: ADA_REF,
      keychainMigrated: true,
    });
    expect(await createSettingsService(file).accountList()).toMatchObject({ accounts: [GRACE, ADA], lastAccount: ADA_REF, problem: null });
  });

  it('reads a file from before the account list as a list of its one last account', async () => {
    const settings = createSettingsService(memoryJsonFile({ clipboardClearSeconds: 7, lastAccount: ADA_REF }), () => 'new-id');
    expect(await settings.accountList()).toMatchObject({ accounts: [{ id: 'new-id', ...ADA_REF }], lastAccount: ADA_REF });
  });

  it('gives each account listed without an id (a file from before ids) an opaque id, once, and writes it', async () => {
    const file = memoryJsonFile({ clipboardClearSeconds: 7, accounts: [ADA_REF, GRACE] });
    let made = 0;
    const settings = createSettingsService(file, () => `made-${(made += 1)}`);

    const list = await settings.accountList();
    await settings.get();

    expect(list.accounts).toEqual([{ id: 'made-1', ...ADA_REF }, GRACE]);
    await expect.poll(() => file.content).toMatchObject({ accounts: [{ id: 'made-1', ...ADA_REF }, GRACE] });
    expect(await createSettingsService(file, () => 'never').accountList()).toMatchObject({ accounts: [{ id: 'made-1' }, GRACE] });
    expect(made).toBe(1);
  });

  it('drops damaged accounts but keeps the rest and the preferences', async () => {
    const settings = createSettingsService(
      memoryJsonFile({
        clipboardClearSeconds: 7,
        accounts: [ADA, { email: 3 }, 'x', { ...GRACE, jwt: 'dropped' }, { ...GRACE, id: 'not an id' }],
        lastAccount: { email: 3 },
      }),
    );
    expect(await settings.accountList()).toMatchObject({ accounts: [ADA, GRACE], lastAccount: null });
    expect(await settings.get()).toEqual({ clipboardClearSeconds: 7, keepTokenCopies: true, expiryReminders: true, language: null });
  });
});
