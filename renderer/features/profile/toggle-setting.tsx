import { useState, type ReactNode } from 'react';
import type { Settings } from '../../../preload/contract.ts';
import { useSettings } from '../../stores/stores-context.tsx';

type Toggle = { [K in keyof Settings]: Settings[K] extends boolean ? K : never }[keyof Settings];

/** One on/off preference as a card: the box follows the click at once, and falls back if main refuses. */
export function ToggleSetting({ field, testId, title, children }: { field: Toggle; testId: string; title: string; children: ReactNode }) {
  const settings = useSettings((s) => s.settings);
  const status = useSettings((s) => s.status);
  const update = useSettings((s) => s.update);
  const [pending, setPending] = useState<boolean | null>(null);
  const on = pending ?? settings?.[field] ?? false;

  const change = async (next: boolean) => {
    setPending(next);
    await update({ [field]: next });
    setPending(null);
  };

  return (
    <div className="card setting">
      <label className="setting-check">
        <input
          type="checkbox"
          data-testid={testId}
          checked={on}
          disabled={settings === null || (status === 'saving' && pending !== null)}
          onChange={(e) => void change(e.target.checked)}
        />
        <span className="setting-title">{title}</span>
      </label>
      <p className="muted">{children}</p>
    </div>
  );
}
