// The precomputed sort keys must order texts exactly as each app language's collator does, or the
// All tokens list would change order depending on which rows happen to have keys.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../../preload/contract.ts';
import { compareTexts, sortKey } from '../../../renderer/domain/sort-key.ts';

const PRINTABLE = Array.from({ length: 95 }, (_, index) => String.fromCharCode(32 + index));
/** Printable ASCII, with digits and zeros often enough to make numbers, leading zeros and ties. */
const asciiText = fc.string({
  unit: fc.oneof(fc.constantFrom(...PRINTABLE), fc.constantFrom('0', '1', '9', 'a', 'A', ' ', '-')),
  maxLength: 12,
});
const sign = (n: number) => Math.sign(n);

describe('sort keys', () => {
  for (const language of LANGUAGES)
    it(`order printable ASCII as the ${language} collator does`, () => {
      const { compare } = new Intl.Collator(language, { sensitivity: 'base', numeric: true });
      fc.assert(
        fc.property(asciiText, asciiText, (a, b) => {
          expect(sign(compareTexts(a, sortKey(a), b, sortKey(b), compare))).toBe(sign(compare(a, b)));
        }),
        { numRuns: 2000 },
      );
    });

  it('orders numbers by value, case and leading zeros aside', () => {
    const order = (a: string, b: string) => sign(sortKey(a)! < sortKey(b)! ? -1 : sortKey(a)! > sortKey(b)! ? 1 : 0);
    expect(order('Token 9', 'token 10')).toBe(-1);
    expect(order('token 007', 'TOKEN 7')).toBe(0);
    expect(order('ci-deploy', 'ci_deploy')).toBe(1);
  });

  it('leaves other texts to the collator', () => {
    expect(sortKey('ñu')).toBeNull();
    expect(sortKey('tab\there')).toBeNull();
    expect(sortKey('1'.repeat(201))).toBeNull();
    expect(sortKey('a'.repeat(1001))).toBeNull();
    const { compare } = new Intl.Collator('es', { sensitivity: 'base', numeric: true });
    expect(compareTexts('ñu', null, 'nz', sortKey('nz'), compare)).toBe(1);
  });
});
