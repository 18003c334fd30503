// The All tokens view's calls over the bridge.
// TEMPORARY until the account contract lands: calls other than scan go to the account on screen.
import type { Bridge } from '../../../preload/contract.ts';
import type { AllTokensApi } from '../../stores/all-tokens-store.ts';

export function bridgeAllTokensApi(bridge: Bridge): AllTokensApi {
  return {
    scan: (accountId, offset) => bridge.tokens.scan({ accountId, offset }),
    create: (_accountId, name) => bridge.tokens.create({ name }),
    delete: (_accountId, id) => bridge.tokens.delete({ id }),
    reveal: (_accountId, id) => bridge.tokens.reveal({ id }),
    copy: (_accountId, id, example) => (example === undefined ? bridge.tokens.copy({ id }) : bridge.tokens.copyExample({ id, example })),
    test: (_accountId, id) => bridge.tokens.test({ id }),
  };
}
