import { describe, expect, it } from 'vitest';
import type { TokenSummary } from '../../../preload/contract.ts';
import { expiryArgument, expiryOptions, rotationExpiry, tomorrow } from '../../../renderer/domain/token-expiry-choice.ts';

const token = (extra: Partial<TokenSummary>): TokenSummary => ({
  id: '1',
  name: 'ci',
  creator: null,
  createdAt: '2026-11-01 00:00:00+00:00',
  valueSource: 'none',
  prefix: null,
  ...extra,
});

describe('expiry choices', () => {
  it('are NocoDB’s, with "No expiry" only where the server allows it', () => {
    expect(expiryOptions({ noExpiry: true })).toEqual(['7', '30', '60', '90', '365', 'date', 'never']);
    expect(expiryOptions({ noExpiry: false })).toEqual(['7', '30', '60', '90', '365', 'date']);
  });

  it('become the create call’s expiry; a date choice without a date is not sent', () => {
    expect(expiryArgument('30', '')).toEqual({ days: 30 });
    expect(expiryArgument('365', '')).toEqual({ days: 365 });
    expect(expiryArgument('never', '2030-01-01')).toBeUndefined();
    expect(expiryArgument('date', '2030-01-01')).toEqual({ date: '2030-01-01' });
    expect(expiryArgument('date', '')).toBeNull();
  });

  it('the date picker starts tomorrow, in the user’s day', () => {
    const now = new Date(2026, 11, 31, 23, 30).getTime();
    expect(tomorrow(now)).toBe('2027-01-01');
  });

  it('a rotated token’s successor gets the old one’s length in days; none for a token that never expires or a server without expiry at creation', () => {
    expect(rotationExpiry(token({ expiry: '2026-12-01 00:00:00+00:00' }), { expiryAtCreation: true })).toEqual({ days: 30 });
    expect(rotationExpiry(token({ expiry: '2027-11-01T00:00:00Z' }), { expiryAtCreation: true })).toEqual({ days: 365 });
    expect(rotationExpiry(token({ expiry: null }), { expiryAtCreation: true })).toBeUndefined();
    expect(rotationExpiry(token({ expiry: '2026-12-01 00:00:00+00:00' }), { expiryAtCreation: false })).toBeUndefined();
  });
});
