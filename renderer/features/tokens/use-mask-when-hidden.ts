import { useEffect } from 'react';
import { useTokenModelActions } from '../../stores/stores-context.tsx';

/**
 * Masks every revealed token when the window is hidden (minimised, closed to the tray, covered, or
 * the screen locked — Chromium reports each as a hidden page): a value shown stays shown only while
 * someone can read it.
 */
export function useMaskWhenHidden(): void {
  const { hideAll } = useTokenModelActions();
  useEffect(() => {
    const onChange = () => {
      if (document.visibilityState === 'hidden') hideAll();
    };
    document.addEventListener('visibilitychange', onChange);
    return () => document.removeEventListener('visibilitychange', onChange);
  }, [hideAll]);
}
