// Builds a session service on two in-memory NocoDB servers, a switchable keychain, a memory
// fallback and an in-memory settings file, with a clock the test controls.
import { createCapabilityRegistry, type CapabilityRegistry } from '../../../main/nocodb/server-capabilities.ts';
import type { AccountRef, StoredSession, TokenVault } from '../../../main/ports.ts';
import { createAccountsService } from '../../../main/accounts/accounts-service.ts';
import { recordingLogOuts } from '../../../main/accounts/log-out-record.ts';
import { createMemorySecretStore } from '../../../main/keychain/memory-secret-store.ts';
import type { NocoClient } from '../../../main/nocodb/types.ts';
import { createSettingsService, type SettingsService } from '../../../main/settings/settings-service.ts';
import { createClipboardGuard } from '../../../main/clipboard/clipboard-guard.ts';
import { createMemoryTokenVault } from '../../../main/keychain/memory-token-vault.ts';
import { createTokenService, type TokenService } from '../../../main/tokens/token-service.ts';
import { createInMemoryNoco } from '../../support/in-memory-noco-client.ts';
import { memoryJsonFile } from '../../support/memory-ports.ts';
import { createSwitchableKeychain } from './switchable-store.ts';

export const SERVER = 'http://127.0.0.1:8080';
export const EMAIL = 'ada@example.com';
export const PASSWORD = 'correct horse battery';
/** A second server, and a second user on the first one. */
export const SERVER_B = 'https://nocodb.example.com';
export const GRACE = { email: 'grace@example.com', password: 'another password' };

/** The id of the account whose session a harness with `storedJwtExpiresIn` starts with. */
export const STORED_ID = 'stored-ada';

export interface HarnessOptions {
  /** Seconds until the stored JWT expires (negative: already expired); no stored session when omitted. */
  storedJwtExpiresIn?: number;
  /** The signed-in user is a super admin (default: an ordinary user). */
  superAdmin?: boolean;
}

export function sessionHarness({ storedJwtExpiresIn, superAdmin = false }: HarnessOptions = {}) {
  const clock = { now: Date.parse('2026-01-01T00:00:00Z') };
  const noco = createInMemoryNoco({ now: () => clock.now });
  noco.addUser(EMAIL, PASSWORD, 'Ada', superAdmin);
  noco.addUser(GRACE.email, GRACE.password, 'Grace Hopper');
  // The same person on another server: another account.
  const nocoB = createInMemoryNoco({ now: () => clock.now });
  nocoB.addUser(EMAIL, PASSWORD, 'Ada on B');
  const stored: StoredSession | null =
    storedJwtExpiresIn === undefined ? null : { serverUrl: SERVER, email: EMAIL, ...noco.issueSession(EMAIL, storedJwtExpiresIn) };
  const keychain = createSwitchableKeychain();
  const fallback = createMemorySecretStore();
  const ada: AccountRef = { serverUrl: SERVER, email: EMAIL };
  // A launch before this one left Ada listed, with her session in the keychain.
  if (stored) keychain.seed(STORED_ID, stored);
  const settingsFile = memoryJsonFile(
    stored ? { accounts: [{ id: STORED_ID, ...ada }], lastAccount: ada, keychainMigrated: true } : undefined,
  );
  // The record of Log Outs beside it: a relaunch reads what the run before wrote.
  const logOutFile = memoryJsonFile();
  const logs: string[] = [];
  const servers = { noco, nocoB };
  /** A new service on the same keychain and settings file, as after a restart of the app. */
  const launch = () =>
    createAccountsService({
      secretStore: keychain.store,
      fallbackSecretStore: fallback,
      settings: recordingLogOuts(createSettingsService(settingsFile), logOutFile),
      createClient: (serverUrl) => (serverUrl === SERVER_B ? servers.nocoB : servers.noco).client(serverUrl),
      now: () => clock.now,
      log: (line) => logs.push(line),
    });
  return { clock, noco, nocoB, stored, keychain, fallback, settingsFile, logOutFile, logs, service: launch(), launch };
}

type Service = ReturnType<typeof createAccountsService>;

/** An account's readable name in tests, "server email" (its real id is opaque). */
export const nameOf = ({ serverUrl, email }: AccountRef) => `${serverUrl} ${email}`;

/** The opaque id of the listed account with that readable name ('unlisted' when it is not listed). */
export async function idOf(service: Service, name: string): Promise<string> {
  return (await service.getState()).accounts.find((account) => nameOf(account) === name)?.id ?? 'unlisted';
}

/** The id of the account the service shows now, as the renderer names it in its calls ('none' when none). */
export async function shownId(service: Service): Promise<string> {
  return (await service.getState()).accounts.find((account) => account.active)?.id ?? 'none';
}

/** Runs an authenticated call on the account shown when it starts (a call from that account's screen). */
export async function onShown<T>(service: Service, run: (client: NocoClient, jwt: string) => Promise<T>): Promise<T> {
  return (await service.pin(await shownId(service))).withSession(run);
}

/** Log Out from the user menu: of the account shown. */
export const signOutShown = async (service: Service) => service.logOut(await shownId(service));

/** The token service as a screen uses it: each call names the account shown when the call starts. */
export function tokensFromShownScreen(service: Service, tokens: TokenService) {
  const named =
    <R extends { accountId: string }, O>(run: (request: R) => Promise<O>) =>
    async (request: Omit<R, 'accountId'>): Promise<O> =>
      run({ ...request, accountId: await shownId(service) } as R);
  return {
    ...tokens,
    list: named(tokens.list),
    scan: named(tokens.scan),
    create: named(tokens.create),
    reveal: named(tokens.reveal),
    copy: named(tokens.copy),
    delete: named(tokens.delete),
    copyExample: named(tokens.copyExample),
    test: named(tokens.test),
  };
}

/** The token service on a session service, with a clipboard that keeps nothing and (by default) a memory vault. */
export function tokenServiceOn(
  service: Service,
  vault: TokenVault = createMemoryTokenVault(),
  settings: Pick<SettingsService, 'get'> = createSettingsService(memoryJsonFile()),
  capabilities: CapabilityRegistry = createCapabilityRegistry(),
) {
  return createTokenService({
    capabilities,
    session: service,
    clipboard: createClipboardGuard({
      clipboard: { readText: () => '', writeText: () => {} },
      timers: { setTimeout: () => 0, clearTimeout: () => {} },
      log: () => {},
    }),
    settings,
    vault,
    log: () => {},
  });
}
