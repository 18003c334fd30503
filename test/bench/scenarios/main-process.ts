// The app's main process without Electron: the real IPC router, argument checks, handlers, session
// and NocoDB client, on memory ports. What it adds to the raw API is the app's own overhead.
import { createHandlers } from '../../../main/create-handlers.ts';
import { createIpcRouter, type IpcSender } from '../../../main/ipc-router.ts';
import { APP_ENTRY_URL, createSenderCheck } from '../../../main/security.ts';
import type { NocodbCredentials } from '../../support/nocodb-env.ts';
import { memoryPorts } from '../../support/memory-ports.ts';
import { shownId } from '../../support/shown-account.ts';
import type { SessionState } from '../../../preload/contract.ts';

const WINDOW_ID = 1;
const SENDER: IpcSender = { webContentsId: WINDOW_ID, isMainFrame: true, url: APP_ENTRY_URL };

export interface MainProcess {
  /** `tokens:list` for page 1 through `router.dispatch`, as the renderer's bridge sends it. */
  listPage(pageSize: number): Promise<void>;
}

export async function signedInMainProcess(user: NocodbCredentials): Promise<MainProcess> {
  const { ports } = memoryPorts({ requestTimeoutMs: 30_000 });
  const router = createIpcRouter({ handlers: createHandlers(ports), isTrustedSender: createSenderCheck(() => WINDOW_ID) });
  const signIn = await router.dispatch('session:sign-in', SENDER, { serverUrl: user.url, email: user.email, password: user.password });
  if (!signIn.ok) throw new Error(`Signing in through the IPC router failed: ${signIn.error.code}.`);
  const accountId = shownId(signIn.value as SessionState);
  return {
    async listPage(pageSize) {
      const answer = await router.dispatch('tokens:list', SENDER, { accountId, page: 1, pageSize });
      if (!answer.ok) throw new Error(`tokens:list through the IPC router failed: ${answer.error.code}.`);
    },
  };
}
