// The keychain services the app writes under. Windows' Credential Manager lists a service as a
// PREFIX (`service*`), so no service name may be the start of another one — today's names are not,
// and neither starts the legacy names below, which were ("NocoDB Account Manager" begins
// "NocoDB Account Manager API tokens": listing sessions read every token copy as an account).

export interface KeychainServices {
  /** One entry per account, named by its opaque id: the session (server, email, JWT, refresh token). */
  sessions: string;
  /** One entry per kept token copy, named `<account id> <token id>`: the token's value. */
  tokenCopies: string;
}

export const KEYCHAIN_SERVICES: KeychainServices = {
  sessions: 'NocoDB session (Account Manager)',
  tokenCopies: 'NocoDB token copy (Account Manager)',
};

/** Where versions before account ids kept their entries; read once by keychain-migration.ts. */
export const LEGACY_KEYCHAIN_SERVICES: KeychainServices = {
  sessions: 'NocoDB Account Manager',
  tokenCopies: 'NocoDB Account Manager API tokens',
};

/** The name of an account's session entry, and of one of its token copies. */
export const sessionEntryName = (accountId: string) => accountId;
export const tokenCopyEntryName = (accountId: string, tokenId: string) => `${accountId} ${tokenId}`;
