// Reads a JWT's `exp` claim WITHOUT verifying the signature: main only needs to know whether the
// server will still accept it, and the server is the one that verifies.

/** A JWT counts as expired this long before its `exp`, so a request never races the deadline. */
export const JWT_EXPIRY_MARGIN_MS = 60_000;

/** The JWT's expiry in epoch milliseconds, or null when it is malformed or has no numeric `exp`. */
export function jwtExpiresAt(jwt: string): number | null {
  const payload = jwt.split('.')[1];
  if (payload === undefined) return null;
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    if (typeof claims !== 'object' || claims === null || !('exp' in claims)) return null;
    return typeof claims.exp === 'number' && Number.isFinite(claims.exp) ? claims.exp * 1000 : null;
  } catch {
    return null;
  }
}

/** True when the JWT is expired, expires within the margin, or cannot be read (which counts as expired). */
export function isJwtExpiring(jwt: string, now: number): boolean {
  const expiresAt = jwtExpiresAt(jwt);
  return expiresAt === null || expiresAt - JWT_EXPIRY_MARGIN_MS <= now;
}
