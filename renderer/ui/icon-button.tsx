import type { ReactNode } from 'react';

interface IconButtonProps {
  /** Both the tooltip and the accessible name. */
  label: string;
  icon: ReactNode;
  onClick: () => void;
  className?: string;
  testId?: string;
  /** Busy: announced as unavailable and clicks are ignored, but it keeps the focus (`disabled` would drop it). */
  busy?: boolean;
  pressed?: boolean;
  /**
   * Why the action cannot be used at all: the button stays focusable (aria-disabled, not disabled)
   * so keyboard and screen-reader users can reach it and read the reason in its tooltip.
   */
  unavailable?: string;
}

/** A small icon-only button with a dark tooltip (shown by TooltipLayer), keyboard reachable like any button. */
export function IconButton({ label, icon, onClick, className, testId, busy, pressed, unavailable }: IconButtonProps) {
  const inactive = busy === true || unavailable !== undefined;
  return (
    <button
      type="button"
      className={className ? `icon-button ${className}` : 'icon-button'}
      aria-label={label}
      aria-pressed={pressed}
      data-testid={testId}
      aria-disabled={inactive || undefined}
      data-unavailable={unavailable !== undefined || undefined}
      data-tooltip={unavailable ?? label}
      onClick={() => !inactive && onClick()}
    >
      {icon}
    </button>
  );
}
