// Builds main's services on the given ports and maps every IPC channel to one of them. Handlers
// stay thin: the router has already checked the argument, the services do the work.
import { createBootService } from './boot/boot-service.ts';
import { createClipboardGuard } from './clipboard/clipboard-guard.ts';
import { carryingCapabilities } from './detected-capabilities.ts';
import type { Handlers } from './ipc-router.ts';
import { createNocoClient } from './nocodb/nocodb-client.ts';
import { createCapabilityRegistry } from './nocodb/server-capabilities.ts';
import { createServerCheck } from './nocodb/server-check.ts';
import type { AppPorts } from './ports.ts';
import { createPasswordChangeNotices, explainingPasswordChanges } from './profile/password-change-notice.ts';
import { createProfileService } from './profile/profile-service.ts';
import { createAccountsService } from './accounts/accounts-service.ts';
import { recordingLogOuts } from './accounts/log-out-record.ts';
import { createSettingsService } from './settings/settings-service.ts';
import { createDesktopHandlers } from './tokens/desktop-handlers.ts';
import { createTokenService } from './tokens/token-service.ts';

/** Main's services on the given ports: the IPC handlers, and `launch` to start restoring at once (see boot-service.ts). */
export function createApp(ports: AppPorts): { handlers: Handlers; launch: () => void } {
  const { timers, log } = ports;
  const settings = createSettingsService(ports.settingsFile);
  // A password change that timed out words the sign-in notice (see password-change-notice.ts).
  const passwordNotices = createPasswordChangeNotices();
  const capabilities = createCapabilityRegistry();
  const session = carryingCapabilities(
    explainingPasswordChanges(
      createAccountsService({
        secretStore: ports.secretStore,
        fallbackSecretStore: ports.fallbackSecretStore,
        // Its Log Outs recorded beside the settings file too: a damaged settings file must not undo one.
        settings: recordingLogOuts(settings, ports.logOutFile),
        createClient: (serverUrl) => createNocoClient({ serverUrl, fetch: ports.fetch, timeoutMs: ports.requestTimeoutMs }),
        now: ports.now,
        log,
        migrateKeychain: ports.migrateKeychain,
      }),
      passwordNotices,
    ),
    capabilities,
  );
  const serverCheck = createServerCheck({ fetch: ports.fetch, timeoutMs: ports.requestTimeoutMs, consentFile: ports.httpConsentFile, log });
  const clipboard = createClipboardGuard({ clipboard: ports.clipboard, timers, log });
  // A token copied just before quitting must not outlive the app on the clipboard.
  ports.onQuit?.(() => clipboard.clearNow());
  const tokens = createTokenService({ session, clipboard, settings, vault: ports.tokenVault, capabilities, log, now: ports.now });
  const profile = createProfileService({ session, notices: passwordNotices });
  // Token values belong to one account: its Log Out or the end of its session drops them; a Log Out
  // (from the menu or the overview) also forgets the keychain copies kept for it — or fails, visibly.
  session.onAccountEnded(async (account, why) => {
    tokens.forgetValues(account.id);
    if (why === 'logged_out') await tokens.forgetCopies(account.id);
  });

  const systemLanguages = () => ports.locale?.preferredLanguages() ?? [];
  const boot = createBootService({ session, settings, tokens, systemLanguages, timers, now: ports.now, log });

  const desktop = createDesktopHandlers({
    saveDialog: ports.saveDialog ?? { saveText: async () => null },
    notifications: ports.notifications ?? { show: () => {} },
    settings,
    now: ports.now,
    showWindow: ports.showWindow ?? (() => {}),
  });

  const handlers: Handlers = {
    ...desktop,
    'session:get': () => session.getState(),
    'session:sign-in': async (request) => {
      await serverCheck.beforeSignIn(request.serverUrl, request.confirmInsecure === true);
      return session.signIn(request);
    },
    'accounts:switch': ({ accountId }) => session.switchTo(accountId),
    'accounts:remove': ({ accountId }) => session.logOut(accountId),
    'accounts:retry': ({ accountId }) => session.retry(accountId),
    'accounts:recover': () => session.recover(),
    'tokens:list': (request) => boot.list(request),
    'tokens:scan': (request) => tokens.scan(request),
    'tokens:create': (request) => tokens.create(request),
    'tokens:reveal': (request) => tokens.reveal(request),
    'tokens:copy': (request) => tokens.copy(request),
    'tokens:delete': (request) => tokens.delete(request),
    'tokens:copy-example': (request) => tokens.copyExample(request),
    'tokens:test': (request) => tokens.test(request),
    'tokens:set-enabled': (request) => tokens.setEnabled(request),
    'profile:update': (request) => profile.updateDisplayName(request),
    'profile:change-password': (request) => profile.changePassword(request),
    'settings:get': () => settings.get(),
    async 'settings:update'(patch) {
      const next = await settings.update(patch);
      if (patch.keepTokenCopies === false) await tokens.forgetAllCopies();
      return next;
    },
    'app:boot': (request) => boot.boot(request),
    'app:system-languages': systemLanguages,
    'app:set-menu-labels': (labels) => {
      ports.menu?.setLabels(labels);
      return null;
    },
  };
  const launch = () => {
    // The keychain's worker starts while the settings are read, not on the first session read.
    ports.secretStore.warmUp?.();
    boot.launch();
  };
  return { handlers, launch };
}

/** The IPC handlers alone, restoring on the first call that needs the accounts. */
export const createHandlers = (ports: AppPorts): Handlers => createApp(ports).handlers;
