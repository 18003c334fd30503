// The window's one tooltip: what Radix's per-button tooltip did, for every button that names its
// text in data-tooltip — hover after a delay, keyboard focus at once, not on a click, Escape, and
// the trigger described by it while it shows.
import { act, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TooltipLayer } from '../../../renderer/ui/tooltip-layer.tsx';

function Buttons() {
  const [busy, setBusy] = useState(false);
  const [shown, setShown] = useState(true);
  return (
    <main>
      {shown && (
        <button type="button" data-tooltip={busy ? 'Copying…' : 'Copy'} onClick={() => setBusy(true)}>
          copy
        </button>
      )}
      <button type="button" data-tooltip="Delete" onClick={() => setShown(false)}>
        delete
      </button>
      <TooltipLayer />
    </main>
  );
}

const tooltip = () => screen.queryByRole('tooltip');
const button = (name: string) => screen.getByRole('button', { name });

describe('the shared tooltip', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('opens 300 ms after the pointer rests on a button, describes it, and closes when the pointer leaves', () => {
    render(<Buttons />);
    fireEvent.pointerOver(button('copy'));
    act(() => vi.advanceTimersByTime(299));
    expect(tooltip()).toBeNull();
    act(() => vi.advanceTimersByTime(1));
    expect(tooltip()?.textContent).toBe('Copy');
    expect(button('copy').getAttribute('aria-describedby')).toBe(tooltip()!.id);
    // Inside the button's landmark, so axe finds no content outside one.
    expect(tooltip()!.closest('main')).not.toBeNull();

    fireEvent.pointerOut(button('copy'), { relatedTarget: document.body });
    expect(tooltip()).toBeNull();
    expect(button('copy').hasAttribute('aria-describedby')).toBe(false);
  });

  it('moving on from an open tooltip to the next button opens the next one at once', () => {
    render(<Buttons />);
    fireEvent.pointerOver(button('copy'));
    act(() => vi.advanceTimersByTime(300));
    fireEvent.pointerOut(button('copy'), { relatedTarget: button('delete') });
    fireEvent.pointerOver(button('delete'));
    expect(tooltip()?.textContent).toBe('Delete');
  });

  it('a pointer that leaves before the delay opens nothing', () => {
    render(<Buttons />);
    fireEvent.pointerOver(button('copy'));
    fireEvent.pointerOut(button('copy'), { relatedTarget: document.body });
    act(() => vi.advanceTimersByTime(1000));
    expect(tooltip()).toBeNull();
  });

  it('keyboard focus opens it at once and Escape closes it; focus from a click opens nothing', () => {
    render(<Buttons />);
    act(() => button('delete').focus());
    expect(tooltip()?.textContent).toBe('Delete');
    fireEvent.keyDown(button('delete'), { key: 'Escape' });
    expect(tooltip()).toBeNull();
    act(() => button('delete').blur());

    fireEvent.pointerDown(button('copy'));
    act(() => button('copy').focus());
    expect(tooltip()).toBeNull();
  });

  it('follows the button’s text while open, and goes with a button that leaves the page', async () => {
    render(<Buttons />);
    act(() => button('copy').focus());
    expect(tooltip()?.textContent).toBe('Copy');
    await act(async () => {
      fireEvent.click(button('copy'));
      await Promise.resolve();
    });
    expect(tooltip()?.textContent).toBe('Copying…');

    // Copy's row goes (here: Delete's click removes it) while its tooltip is open.
    await act(async () => {
      fireEvent.click(button('delete'));
      await Promise.resolve();
    });
    expect(screen.queryByRole('button', { name: 'copy' })).toBeNull();
    expect(tooltip()).toBeNull();
  });
});
