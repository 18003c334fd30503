import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ADMIN, createTestBridge, seedToken, type TestBridge } from '../test-bridge.ts';
import { renderTokensPage, rowNamed, toastTexts } from '../render-app.tsx';

const tokens = [seedToken('ci'), seedToken('reports')];
/** The value the server gave a seeded token. */
const valueOf = (fake: TestBridge, name: string) => fake.seededToken(name).token;

/**
 * An account listed by a version before sign-in checked server names: its files (the account list and
 * the keychain entry) name a server a shell would run; main starts again and reads them.
 */
async function listedWithHostileServer(hostileUrl: string) {
  const plain = { serverUrl: 'http://ada.example.test', email: 'ada@example.com', tokens: [seedToken('old')] };
  const fake = await createTestBridge({ otherAccounts: [plain] });
  const id = fake.idOf(plain.email);
  const file = fake.settingsFile;
  file.content = JSON.parse(JSON.stringify(file.content).replaceAll(plain.serverUrl, hostileUrl));
  const entry = await fake.keychain.secretStore.load(id);
  if (entry.status !== 'ok') throw new Error('The account has no session to rewrite.');
  await fake.keychain.secretStore.save(id, { ...entry.session, serverUrl: hostileUrl });
  fake.alias(hostileUrl, plain.serverUrl);
  fake.restart();
  await fake.setUp('accounts:switch', { accountId: id });
  return fake;
}

describe('using a token: the Use it panel', () => {
  it('shows the header block and a bash/zsh line for the account’s server, with the token masked', async () => {
    const { user, fake } = await renderTokensPage({ tokens });
    await user.click(within(rowNamed('reports')).getByRole('button', { name: 'Use it' }));

    const panel = await screen.findByTestId('nc-token-usage');
    expect(within(panel).getByRole('heading').textContent).toBe('Use “reports”');
    const [headers, curl] = Array.from(panel.querySelectorAll('pre')).map((pre) => pre.textContent);
    expect(JSON.parse(headers!)).toEqual({ headers: { 'xc-token': '••••••••••••' } });
    expect(curl).toBe(`curl -H 'xc-token: ••••••••••••' '${ADMIN.serverUrl}/api/v1/auth/user/me'`);
    expect(within(panel).getByRole('combobox', { name: 'Example for' })).toHaveProperty('value', 'sh');
    expect(document.body.textContent).not.toContain(valueOf(fake, 'reports'));
  });

  it('offers the example for each shell and language, shows the chosen one masked and copies it by name', async () => {
    const { user, fake } = await renderTokensPage({ tokens });
    await user.click(within(rowNamed('ci')).getByRole('button', { name: 'Use it' }));
    const panel = await screen.findByTestId('nc-token-usage');
    const target = within(panel).getByRole('combobox', { name: 'Example for' });
    expect(Array.from(target.querySelectorAll('option')).map((option) => option.textContent)).toEqual([
      'bash/zsh',
      'fish',
      'PowerShell',
      'cmd',
      'JavaScript (fetch)',
      'Python (requests)',
      '.env',
    ]);

    await user.selectOptions(target, 'PowerShell');
    expect(within(panel).getByTestId('nc-token-usage-code').textContent).toBe(
      `Invoke-RestMethod -Uri '${ADMIN.serverUrl}/api/v1/auth/user/me' -Headers @{ 'xc-token' = '••••••••••••' }`,
    );
    await user.click(within(panel).getByTestId('nc-token-usage-copy'));
    await user.selectOptions(target, '.env');
    expect(within(panel).getByTestId('nc-token-usage-code').textContent).toBe(
      `NOCODB_URL='${ADMIN.serverUrl}/api/v1/auth/user/me'\nNOCODB_TOKEN='••••••••••••'`,
    );
    await waitFor(() => expect(fake.callsTo('tokens.copyExample')).toHaveLength(1));
    expect(fake.callsTo('tokens.copyExample')[0]?.arg).toEqual({
      accountId: fake.idOf(),
      id: fake.tokenIdNamed('ci'),
      example: 'powershell',
    });
  });

  it('opens with the PowerShell example on Windows', async () => {
    const agent = vi.spyOn(navigator, 'userAgent', 'get').mockReturnValue('Mozilla/5.0 (Windows NT 10.0; Win64; x64) Electron/45.5.0');
    try {
      const { user } = await renderTokensPage({ tokens });
      await user.click(within(rowNamed('ci')).getByRole('button', { name: 'Use it' }));
      const panel = await screen.findByTestId('nc-token-usage');
      expect(within(panel).getByRole('combobox', { name: 'Example for' })).toHaveProperty('value', 'powershell');
    } finally {
      agent.mockRestore();
    }
  });

  // A keychain copy may hold any printable character (a server shows today's tokens once, so main
  // reads the value from the copy); cmd cannot take a `%` safely.
  it('says which example could not hold the token when main refuses to copy it', async () => {
    const fake = await createTestBridge({ generation: '2026', tokens: [seedToken('ci')] });
    await fake.keychain.tokenVault.put(fake.idOf(), fake.tokenIdNamed('ci'), 'value-with-%PATH%-inside', async () => true);
    const { user } = await renderTokensPage({ fake });
    await user.click(within(rowNamed('ci')).getByRole('button', { name: 'Use it' }));
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Example for' }), 'cmd');
    await user.click(await screen.findByTestId('nc-token-usage-copy'));

    await waitFor(() =>
      expect(toastTexts().join()).toContain(
        'This token has characters that cmd cannot take safely, so nothing was copied. Choose another example.',
      ),
    );
  });

  it('gives no example for an account whose server name a shell would run (listed before sign-in checked names)', async () => {
    const fake = await listedWithHostileServer('http://a$(id).example.test');
    const { user } = await renderTokensPage({ fake });
    await user.click(within(rowNamed('old')).getByRole('button', { name: 'Use it' }));

    const panel = await screen.findByTestId('nc-token-usage');
    expect(within(panel).getByTestId('nc-token-usage-unsafe').textContent).toContain('could run as a command');
    expect(panel.querySelector('pre')).toBeNull();
    expect(within(panel).queryByRole('button', { name: /^Copy/ })).toBeNull();
  });

  it('Copy example asks main to copy the curl line by id, and says when the clipboard is cleared', async () => {
    const { user, fake } = await renderTokensPage({ tokens });
    await user.click(within(rowNamed('ci')).getByRole('button', { name: 'Use it' }));
    await user.click(await screen.findByTestId('nc-token-usage-copy'));

    await waitFor(() => expect(toastTexts().join()).toContain('Copied to clipboard'));
    expect(toastTexts().join()).toContain('The clipboard will be cleared in 30 seconds.');
    expect(fake.callsTo('tokens.copyExample')).toEqual([
      { method: 'tokens.copyExample', arg: { accountId: fake.idOf(), id: fake.tokenIdNamed('ci'), example: 'sh' } },
    ]);

    await user.click(screen.getByTestId('nc-token-usage-copy-headers'));
    await waitFor(() => expect(fake.callsTo('tokens.copyExample')).toHaveLength(2));
    expect(fake.callsTo('tokens.copyExample')[1]?.arg).toEqual({ accountId: fake.idOf(), id: fake.tokenIdNamed('ci'), example: 'headers' });
  });

  it('opens for a token just created, and closes with its Close button', async () => {
    const { user } = await renderTokensPage({ tokens });
    await user.click(screen.getByRole('button', { name: 'Add New API Token' }));
    await user.keyboard('{Control>}a{/Control}fresh{Enter}');

    const panel = await screen.findByTestId('nc-token-usage');
    expect(within(panel).getByRole('heading').textContent).toBe('Use “fresh”');
    await user.click(within(panel).getByRole('button', { name: 'Close' }));
    expect(screen.queryByTestId('nc-token-usage')).toBeNull();
  });

  it('closes when its token is deleted', async () => {
    const { user } = await renderTokensPage({ tokens });
    await user.click(within(rowNamed('ci')).getByRole('button', { name: 'Use it' }));
    await screen.findByTestId('nc-token-usage');
    await user.click(within(rowNamed('ci')).getByTestId('nc-token-row-action-icon'));
    await user.click(await screen.findByTestId('nc-delete-modal-delete-btn'));

    await waitFor(() => expect(screen.queryByTestId('nc-token-usage')).toBeNull());
  });

  // main copies the value it holds; on a server that shows tokens once, turning "keep token copies"
  // off (in another window) makes it forget the kept ones.
  it('shows a failed copy as an error', async () => {
    const fake = await createTestBridge({ generation: '2026' });
    await fake.setUp('tokens:create', { accountId: fake.idOf(), name: 'ci' });
    const { user } = await renderTokensPage({ fake });
    await fake.setUp('settings:update', { keepTokenCopies: false });
    await user.click(within(rowNamed('ci')).getByRole('button', { name: 'Use it' }));
    await user.click(await screen.findByTestId('nc-token-usage-copy'));

    await waitFor(() => expect(toastTexts().join()).toContain('This token is no longer in the list.'));
  });
});

/** What the server does that makes Test answer each result: nothing; the token deleted elsewhere; deleted but still accepted (0.301.3's cache). */
const TEST_SITUATIONS = {
  works: () => {},
  rejected: (fake: TestBridge) => fake.server().removeToken(fake.tokenIdNamed('reports')),
  deleted_but_accepted: (fake: TestBridge) => {
    fake.server().modes.deletedTokensStillWork = true;
    fake.server().removeToken(fake.tokenIdNamed('reports'));
  },
};

describe('testing a token', () => {
  it.each([
    ['works', 'Works'],
    ['rejected', 'Rejected by the server'],
    ['deleted_but_accepted', 'Deleted, still accepted'],
  ] as const)('shows what the server made of it (%s) in the row, never the value', async (result, text) => {
    const { user, fake } = await renderTokensPage({ tokens });
    TEST_SITUATIONS[result](fake);
    const release = fake.hold('tokens.test');
    await user.click(within(rowNamed('reports')).getByTestId('nc-token-row-test'));

    expect(within(rowNamed('reports')).getByRole('status').textContent).toBe('Testing…');
    release();
    await waitFor(() => expect(within(rowNamed('reports')).getByRole('status').textContent).toBe(text));
    expect(within(rowNamed('ci')).getByRole('status').textContent).toBe('');
    expect(fake.callsTo('tokens.test')).toEqual([
      { method: 'tokens.test', arg: { accountId: fake.idOf(), id: fake.seededToken('reports').id } },
    ]);
    expect(document.body.textContent).not.toContain(valueOf(fake, 'reports'));
  });

  it('shows a failed test as an error and leaves the row as it was', async () => {
    const { user, fake } = await renderTokensPage({ tokens });
    fake.setOffline(ADMIN.serverUrl);
    await user.click(within(rowNamed('ci')).getByTestId('nc-token-row-test'));

    await waitFor(() => expect(toastTexts().join()).toContain('Cannot reach http://localhost:8080.'));
    expect(within(rowNamed('ci')).getByRole('status').textContent).toBe('');
  });
});
