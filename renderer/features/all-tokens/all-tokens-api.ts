// The All tokens view's calls over the bridge.
// TEMPORARY until the account contract lands: calls go to the account on screen, pages of 100.
import type { Bridge } from '../../../preload/contract.ts';
import type { AllTokensApi } from '../../stores/all-tokens-store.ts';

const PAGE = 100;

export function bridgeAllTokensApi(bridge: Bridge): AllTokensApi {
  return {
    scan: async (_accountId, offset) => {
      const result = await bridge.tokens.list({ page: offset / PAGE + 1, pageSize: PAGE });
      return result.ok
        ? { ok: true, value: { tokens: result.value.tokens, next: result.value.isLastPage ? null : offset + PAGE } }
        : result;
    },
    create: (_accountId, name) => bridge.tokens.create({ name }),
    delete: (_accountId, id) => bridge.tokens.delete({ id }),
    reveal: (_accountId, id) => bridge.tokens.reveal({ id }),
    copy: (_accountId, id, example) => (example === undefined ? bridge.tokens.copy({ id }) : bridge.tokens.copyExample({ id, example })),
    test: (_accountId, id) => bridge.tokens.test({ id }),
  };
}
