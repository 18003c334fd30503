import { CHANNELS, type ArgOf, type Channel, type Result, type ResultOf } from '../preload/contract.ts';
import { toAppError } from './app-error.ts';
import { checkArgument } from './ipc-arguments.ts';

/** One function per contract channel. It gets a checked argument and may throw an AppFailure. */
export type Handlers = { [C in Channel]: (arg: ArgOf<C>) => Promise<ResultOf<C>> | ResultOf<C> };

/** What main knows about who sent a message: enough to tell the app's own window from anything else. */
export interface IpcSender {
  webContentsId: number;
  /** The sending frame is the top frame of its window (not an iframe). */
  isMainFrame: boolean;
  /** The sending frame's URL. */
  url: string;
}

export interface IpcRouterOptions {
  handlers: Handlers;
  /** True only for the app's own window, main frame, on the app's own origin. */
  isTrustedSender: (sender: IpcSender) => boolean;
  /** Where failures are reported for developers: a channel and a code, never an argument or a secret. */
  log?: (line: string) => void;
}

export interface IpcRouter {
  readonly channels: readonly Channel[];
  dispatch(channel: string, sender: IpcSender, arg: unknown): Promise<Result<unknown>>;
}

const isChannel = (name: string): name is Channel => (CHANNELS as string[]).includes(name);

/**
 * The one door into main: refuses foreign senders, checks the argument, runs the handler and turns
 * every outcome into data. It never throws.
 */
export function createIpcRouter({ handlers, isTrustedSender, log = () => {} }: IpcRouterOptions): IpcRouter {
  return {
    channels: CHANNELS,
    async dispatch(channel, sender, arg) {
      if (!isTrustedSender(sender)) {
        // The channel name comes from the sender: only a known one is written to the log.
        log(`ipc: refused ${isChannel(channel) ? channel : 'an unknown call'} from an untrusted sender`);
        return { ok: false, error: { code: 'forbidden', message: 'This window may not call the app.' } };
      }
      if (!isChannel(channel)) {
        return { ok: false, error: { code: 'invalid_argument', message: 'Unknown call.' } };
      }
      const checked = checkArgument(channel, arg);
      if (!checked.ok) return { ok: false, error: { code: 'invalid_argument', message: checked.message } };
      try {
        const handler = handlers[channel] as (arg: unknown) => unknown;
        return { ok: true, value: await handler(checked.value) };
      } catch (error) {
        const data = toAppError(error);
        log(`ipc: ${channel} failed with ${data.code}`);
        return { ok: false, error: data };
      }
    },
  };
}
