import { describe, expect, it } from 'vitest';
import { isJwtExpiring, jwtExpiresAt } from '../../../main/session/jwt-expiry.ts';
import { makeJwt } from '../../support/in-memory-noco-client.ts';

const NOW = Date.parse('2026-01-01T00:00:00Z');
const jwtExpiringIn = (seconds: number) => makeJwt({ exp: NOW / 1000 + seconds });

describe('JWT expiry', () => {
  it('reads `exp` from the payload without needing the signature', () => {
    expect(jwtExpiresAt(jwtExpiringIn(100))).toBe(NOW + 100_000);
  });

  it.each([
    ['good for ten more minutes', 600, false],
    ['expiring within the 60 s margin', 59, true],
    ['already expired', -1, true],
  ])('treats a JWT %s accordingly', (_label, seconds, expiring) => {
    expect(isJwtExpiring(jwtExpiringIn(seconds), NOW)).toBe(expiring);
  });

  it.each([['no dots'], ['a.%%%.c'], [makeJwt({ exp: 'tomorrow' })], [makeJwt({})]])('counts the malformed JWT %s as expired', (jwt) => {
    expect(isJwtExpiring(jwt, NOW)).toBe(true);
  });
});
