// The All tokens view's calls over the bridge: every one names its account.
import type { Bridge } from '../../../preload/contract.ts';
import type { AllTokensApi } from '../../stores/all-tokens-store.ts';

export function bridgeAllTokensApi(bridge: Bridge): AllTokensApi {
  return {
    scan: (accountId, offset) => bridge.tokens.scan({ accountId, offset }),
    create: (accountId, name, expiry) => bridge.tokens.create(expiry ? { accountId, name, expiry } : { accountId, name }),
    setEnabled: (accountId, id, enabled) => bridge.tokens.setEnabled({ accountId, id, enabled }),
    delete: (accountId, id) => bridge.tokens.delete({ accountId, id }),
    reveal: (accountId, id) => bridge.tokens.reveal({ accountId, id }),
    copy: (accountId, id, example) =>
      example === undefined ? bridge.tokens.copy({ accountId, id }) : bridge.tokens.copyExample({ accountId, id, example }),
    test: (accountId, id) => bridge.tokens.test({ accountId, id }),
    exportCsv: (text) => bridge.tokens.exportCsv({ text }),
    remind: (tokens, words) => bridge.reminders.check({ tokens, words }),
    reminderOpened: () => bridge.reminders.opened(),
  };
}
