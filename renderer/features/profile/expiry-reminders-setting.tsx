import { ToggleSetting } from './toggle-setting.tsx';

/** Whether the app raises one OS notification a day for tokens that expire within 7 days. */
export function ExpiryRemindersSetting() {
  return (
    <ToggleSetting field="expiryReminders" testId="nc-expiry-reminders" title="Remind me of tokens that expire within 7 days">
      At launch and once a day, one notification says how many tokens of your accounts expire this week; clicking it opens All tokens with
      them.
    </ToggleSetting>
  );
}
