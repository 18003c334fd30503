import { useI18n } from '../../stores/i18n-context.tsx';
import { ToggleSetting } from './toggle-setting.tsx';

/** Whether tokens created in the app are kept in the OS keychain; turning it off forgets every copy. */
export function TokenCopiesSetting() {
  const { t } = useI18n();
  return (
    <ToggleSetting field="keepTokenCopies" testId="nc-keep-token-copies" title={t('profile.copies.title')}>
      {t('profile.copies.text')}
    </ToggleSetting>
  );
}
