// Builds main's services on the given ports and maps every IPC channel to one of them. Handlers
// stay thin: the router has already checked the argument, the services do the work.
import { createClipboardGuard } from './clipboard/clipboard-guard.ts';
import type { Handlers } from './ipc-router.ts';
import { createNocoClient } from './nocodb/nocodb-client.ts';
import { createServerCheck } from './nocodb/server-check.ts';
import type { AppPorts } from './ports.ts';
import { createSessionService } from './session/session-service.ts';
import { createSettingsService } from './settings/settings-service.ts';
import { createTokenService } from './tokens/token-service.ts';

export function createHandlers(ports: AppPorts): Handlers {
  const { timers, log } = ports;
  const settings = createSettingsService(ports.settingsFile);
  const session = createSessionService({
    secretStore: ports.secretStore,
    fallbackSecretStore: ports.fallbackSecretStore,
    settings,
    createClient: (serverUrl) => createNocoClient({ serverUrl, fetch: ports.fetch, timeoutMs: ports.requestTimeoutMs }),
    now: ports.now,
    log,
  });
  const serverCheck = createServerCheck({ fetch: ports.fetch, timeoutMs: ports.requestTimeoutMs, consentFile: ports.httpConsentFile, log });
  const clipboard = createClipboardGuard({ clipboard: ports.clipboard, timers, log });
  // A token copied just before quitting must not outlive the app on the clipboard.
  ports.onQuit?.(() => clipboard.clearNow());
  const tokens = createTokenService({ session, clipboard, settings, log });
  // Token values belong to one account: its Log Out or the end of its session drops them.
  session.onAccountEnded((account) => tokens.forgetValues(account));

  return {
    'session:get': () => session.getState(),
    'session:sign-in': async (request) => {
      await serverCheck.beforeSignIn(request.serverUrl, request.confirmInsecure === true);
      return session.signIn(request);
    },
    'session:sign-out': () => session.signOut(),
    'accounts:switch': ({ id }) => session.switchTo(id),
    'accounts:remove': ({ id }) => session.remove(id),
    'accounts:retry': ({ id }) => session.retry(id),
    'tokens:list': (request) => tokens.list(request),
    'tokens:create': (request) => tokens.create(request),
    'tokens:reveal': (request) => tokens.reveal(request),
    'tokens:copy': (request) => tokens.copy(request),
    'tokens:delete': (request) => tokens.delete(request),
    'settings:get': () => settings.get(),
    'settings:update': (patch) => settings.update(patch),
  };
}
