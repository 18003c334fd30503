import { describe, expect, it } from 'vitest';
import { defaultTokenName, NAME_EMPTY, NAME_TOO_LONG, tokenNameProblem } from '../../../renderer/domain/token-name.ts';

describe('token names', () => {
  it('default to the first Token-N no visible row uses', () => {
    expect(defaultTokenName([])).toBe('Token-1');
    expect(defaultTokenName(['Token-1', null, 'Token-3'])).toBe('Token-2');
    expect(defaultTokenName(['Token-1', 'Token-2'])).toBe('Token-3');
  });

  it('must not be blank or longer than 255 characters', () => {
    expect(tokenNameProblem('')).toBe(NAME_EMPTY);
    expect(tokenNameProblem('   ')).toBe(NAME_EMPTY);
    expect(tokenNameProblem('x'.repeat(255))).toBeNull();
    expect(tokenNameProblem('x'.repeat(256))).toBe(NAME_TOO_LONG);
    expect(NAME_TOO_LONG).toEqual({ key: 'tokens.name.tooLong', values: { max: 255 } });
  });
});
