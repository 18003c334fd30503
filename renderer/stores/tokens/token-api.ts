// The token calls over the bridge: every one names its account.
import type {
  Bridge,
  CopyResult,
  DeleteResult,
  ExpiringToken,
  ReminderWords,
  Result,
  TokenPage,
  TokenExpiryChoice,
  TokenScanPage,
  TokenSummary,
  TokenTestResult,
  UsageExample,
} from '../../../preload/contract.ts';

/** The calls the token model and its screens make (a seam for tests). */
export interface TokenApi {
  list(accountId: string, page: number, pageSize: number): Promise<Result<TokenPage>>;
  scan(accountId: string, offset: number): Promise<Result<TokenScanPage>>;
  create(accountId: string, name: string, expiry?: TokenExpiryChoice): Promise<Result<TokenSummary>>;
  setEnabled(accountId: string, id: string, enabled: boolean): Promise<Result<{ enabled: boolean }>>;
  delete(accountId: string, id: string): Promise<Result<DeleteResult>>;
  reveal(accountId: string, id: string): Promise<Result<string>>;
  copy(accountId: string, id: string, example?: UsageExample): Promise<Result<CopyResult>>;
  test(accountId: string, id: string): Promise<Result<TokenTestResult>>;
  exportCsv(text: string): Promise<Result<{ saved: boolean }>>;
  remind(tokens: ExpiringToken[], words: ReminderWords): Promise<Result<{ notified: number }>>;
  reminderOpened(): Promise<Result<Array<{ accountId: string; id: string }> | null>>;
  /** Calls `listener` each time main says the OS locked the screen; answers how to stop. */
  onScreenLocked(listener: () => void): () => void;
}

export function bridgeTokenApi(bridge: Bridge): TokenApi {
  return {
    list: (accountId, page, pageSize) => bridge.tokens.list({ accountId, page, pageSize }),
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
    onScreenLocked: (listener) => bridge.events.onScreenLocked(listener),
  };
}
