import { useSettings } from '../../stores/stores-context.tsx';

/** Whether tokens created in the app are kept in the OS keychain; turning it off forgets every copy. */
export function TokenCopiesSetting() {
  const settings = useSettings((s) => s.settings);
  const status = useSettings((s) => s.status);
  const update = useSettings((s) => s.update);
  const keep = settings?.keepTokenCopies ?? false;

  return (
    <div className="card setting">
      <label className="setting-check">
        <input
          type="checkbox"
          data-testid="nc-keep-token-copies"
          checked={keep}
          disabled={settings === null || status === 'saving'}
          onChange={(e) => void update({ keepTokenCopies: e.target.checked })}
        />
        <span className="setting-title">Keep a copy of tokens I create in this computer's keychain</span>
      </label>
      <p className="muted">
        Servers that show a token only once (NocoDB 2026 and newer) cannot show it again; with a copy, Show and Copy keep
        working here. Turning this off removes every copy from the keychain.
      </p>
    </div>
  );
}
