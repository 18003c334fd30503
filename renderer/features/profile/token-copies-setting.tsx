import { useState } from 'react';
import { useSettings } from '../../stores/stores-context.tsx';

/** Whether tokens created in the app are kept in the OS keychain; turning it off forgets every copy. */
export function TokenCopiesSetting() {
  const settings = useSettings((s) => s.settings);
  const status = useSettings((s) => s.status);
  const update = useSettings((s) => s.update);
  // The box follows the click at once; if main refuses, it falls back to the saved value.
  const [pending, setPending] = useState<boolean | null>(null);
  const keep = pending ?? settings?.keepTokenCopies ?? false;

  const change = async (next: boolean) => {
    setPending(next);
    await update({ keepTokenCopies: next });
    setPending(null);
  };

  return (
    <div className="card setting">
      <label className="setting-check">
        <input
          type="checkbox"
          data-testid="nc-keep-token-copies"
          checked={keep}
          disabled={settings === null || (status === 'saving' && pending !== null)}
          onChange={(e) => void change(e.target.checked)}
        />
        <span className="setting-title">Keep a copy of tokens I create in this computer's keychain</span>
      </label>
      <p className="muted">
        Servers that show a token only once (NocoDB 2026 and newer) cannot show it again; with a copy, Show and Copy keep working here.
        Turning this off removes every copy from the keychain.
      </p>
    </div>
  );
}
