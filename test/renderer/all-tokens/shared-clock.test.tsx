import { render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useNow } from '../../../renderer/ui/use-now.ts';

function Cell() {
  return <span>{useNow()}</span>;
}

describe('the shared clock', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs one timer however many cells show a time, and none once they are gone', () => {
    const { unmount } = render(
      <>
        {Array.from({ length: 300 }, (_, i) => (
          <Cell key={i} />
        ))}
      </>,
    );
    expect(vi.getTimerCount()).toBe(1);
    unmount();
    expect(vi.getTimerCount()).toBe(0);
  });
});
