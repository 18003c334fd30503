import { ToggleSetting } from './toggle-setting.tsx';

/** Whether tokens created in the app are kept in the OS keychain; turning it off forgets every copy. */
export function TokenCopiesSetting() {
  return (
    <ToggleSetting field="keepTokenCopies" testId="nc-keep-token-copies" title="Keep a copy of tokens I create in this computer's keychain">
      Servers that show a token only once (NocoDB 2026 and newer) cannot show it again; with a copy, Show and Copy keep working here.
      Turning this off removes every copy from the keychain.
    </ToggleSetting>
  );
}
