import { useI18n } from '../../stores/i18n-context.tsx';
import { ToggleSetting } from './toggle-setting.tsx';

/** Whether the app raises one OS notification a day for tokens that expire within 7 days. */
export function ExpiryRemindersSetting() {
  const { t } = useI18n();
  return (
    <ToggleSetting field="expiryReminders" testId="nc-expiry-reminders" title={t('profile.reminders.title')}>
      {t('profile.reminders.text')}
    </ToggleSetting>
  );
}
