import { Tooltip } from 'radix-ui';
import type { ReactNode } from 'react';

interface IconButtonProps {
  /** Both the tooltip and the accessible name. */
  label: string;
  icon: ReactNode;
  onClick: () => void;
  className?: string;
  testId?: string;
  disabled?: boolean;
  pressed?: boolean;
  /**
   * Why the action cannot be used at all: the button stays focusable (aria-disabled, not disabled)
   * so keyboard and screen-reader users can reach it and read the reason in its tooltip.
   */
  unavailable?: string;
}

/** A small icon-only button with a dark tooltip, keyboard reachable like any button. */
export function IconButton({ label, icon, onClick, className, testId, disabled, pressed, unavailable }: IconButtonProps) {
  return (
    <Tooltip.Root>
      <Tooltip.Trigger asChild>
        <button
          type="button"
          className={className ? `icon-button ${className}` : 'icon-button'}
          aria-label={label}
          aria-pressed={pressed}
          aria-disabled={unavailable !== undefined || undefined}
          data-testid={testId}
          disabled={disabled}
          onClick={unavailable === undefined ? onClick : undefined}
        >
          {icon}
        </button>
      </Tooltip.Trigger>
      <Tooltip.Portal>
        <Tooltip.Content className="tooltip" sideOffset={6}>
          {unavailable ?? label}
        </Tooltip.Content>
      </Tooltip.Portal>
    </Tooltip.Root>
  );
}
