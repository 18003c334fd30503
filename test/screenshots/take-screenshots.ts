// `npm run screenshots`: the README's pictures, drawn by the built app through the e2e harness
// against fake NocoDB servers of today's generation with realistic names (never run in CI).
// Each picture is the 1280 × 800 window, squeezed by pngquant and optipng when they are installed.
import { execFileSync } from 'node:child_process';
import { mkdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { NocodbCredentials } from '../support/nocodb-env.ts';
import { startFakeNocodb, type FakeNocodb } from '../support/fake-nocodb.ts';
import { fetchResolvingTestNames, lanUrlFor } from '../support/resolving-fetch.ts';
import { launchApp, shutdownHarness, type LaunchedApp } from '../e2e/harness.ts';
import { signInAccounts } from '../e2e/steps.ts';

const DOCS = path.resolve(import.meta.dirname, '../../docs/screenshots');
const HOUR = 3600_000;
const DAY = 24 * HOUR;
const at = (offset: number) => new Date(Date.now() + offset).toISOString();

/** Two servers of a small company, three accounts, tokens in every state a user meets. */
async function seedServers() {
  const acme = await startFakeNocodb({ generation: '2026', admin: { email: 'ada.lovelace@acme.example', password: 'screenshot-pass' } });
  const crm = await startFakeNocodb({ generation: '2026', admin: { email: 'ops@acme.example', password: 'screenshot-pass' } });
  const grace = acme.addUser({ email: 'grace.hopper@acme.example', password: 'screenshot-pass' });
  const add = (server: FakeNocodb, email: string, description: string, lastUsed: number | null, expiry: number | null) =>
    server.addToken(email, {
      description,
      lastUsedAt: lastUsed === null ? null : at(-lastUsed),
      expiry: expiry === null ? null : at(expiry),
    });
  add(acme, acme.admin.email, 'Old CSV import', 190 * DAY, -20 * DAY);
  add(acme, acme.admin.email, 'Grafana dashboard', null, null);
  add(acme, acme.admin.email, 'Nightly backup script', 9 * HOUR, 5 * DAY);
  add(acme, acme.admin.email, 'Zapier: new leads → CRM', 3 * DAY, 180 * DAY);
  add(acme, acme.admin.email, 'GitHub Actions deploy', 2 * HOUR, 90 * DAY);
  add(acme, grace.email, 'Metabase reports', 1 * DAY, null);
  add(acme, grace.email, 'Jupyter notebook', 120 * DAY, 12 * DAY);
  add(crm, crm.admin.email, 'n8n invoice workflow', 40 * 60_000, null);
  add(crm, crm.admin.email, 'Support inbox sync', 2 * DAY, 60 * DAY);
  const accounts: [NocodbCredentials, NocodbCredentials, NocodbCredentials] = [
    { url: lanUrlFor(acme.url, 'nocodb.acme.example.test'), ...acme.admin },
    { url: lanUrlFor(acme.url, 'nocodb.acme.example.test'), email: grace.email, password: grace.password },
    { url: lanUrlFor(crm.url, 'crm.acme.example.test'), ...crm.admin },
  ];
  return { servers: [acme, crm], accounts };
}

/** User menu → All tokens (its item is the same in every language). */
async function openAllTokens(page: Page) {
  await page.getByTestId('nc-sidebar-userinfo').click();
  await page.getByRole('menu').getByTestId('nc-all-tokens').click();
}

/** The window as shown, settled (no pointer over a tooltip, animations done), squeezed if the tools are here. */
async function capture(page: Page, name: string) {
  // The screenshots keep sessions in memory (never the user's keychain); a real install does not show this banner.
  const memoryOnlyBanner = page.locator('.banner button');
  if (await memoryOnlyBanner.isVisible()) await memoryOnlyBanner.click();
  await page.mouse.move(0, 799);
  await page.waitForTimeout(400);
  const file = path.join(DOCS, `${name}.png`);
  await writeFile(file, await page.screenshot({ animations: 'disabled' }));
  const squeezed = squeeze(file);
  console.log(
    `${path.relative(process.cwd(), file)}: ${Math.round((await stat(file)).size / 1024)} KB${squeezed ? '' : ' (not compressed)'}`,
  );
}

function squeeze(file: string) {
  try {
    execFileSync('pngquant', ['--force', '--skip-if-larger', '--quality=70-95', '--strip', '--output', file, file]);
    execFileSync('optipng', ['-quiet', '-o2', '-strip', 'all', file]);
    return true;
  } catch (error) {
    console.warn(
      `pngquant/optipng: ${(error as Error).message.split('\n')[0]} — install them (apt-get install pngquant optipng) for small files.`,
    );
    return false;
  }
}

async function main() {
  await mkdir(DOCS, { recursive: true });
  const { servers, accounts } = await seedServers();
  const [ada, grace, ops] = accounts;
  const launches: LaunchedApp[] = [];
  try {
    const app = await launchApp({ secretStore: 'memory', clipboard: 'memory', fetch: fetchResolvingTestNames });
    launches.push(app);
    await signInAccounts(app.page, [ops, grace, ada]);
    const { page } = app;

    await page.getByTestId('nc-sidebar-userinfo').click();
    await page.getByRole('menuitem', { name: 'API Tokens' }).click();
    await page.getByTestId('nc-token-list').first().waitFor();
    await capture(page, 'tokens-tab');

    await openAllTokens(page);
    await page.getByTestId('nc-all-tokens-row').nth(8).waitFor();
    await capture(page, 'all-tokens');

    const arabic = await launchApp({ secretStore: 'memory', clipboard: 'memory', fetch: fetchResolvingTestNames, systemLanguages: ['ar'] });
    launches.push(arabic);
    await arabic.page.emulateMedia({ colorScheme: 'dark' });
    await signInAccounts(arabic.page, [ops, ada]);
    await openAllTokens(arabic.page);
    await arabic.page.getByTestId('nc-all-tokens-row').nth(6).waitFor();
    await capture(arabic.page, 'all-tokens-arabic-dark');
  } finally {
    for (const launch of launches) await launch.close();
    await shutdownHarness();
    for (const server of servers) await server.close();
  }
}

await main();
