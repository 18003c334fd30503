import type { Account } from '../../../preload/contract.ts';
import { useI18n } from '../../stores/i18n-context.tsx';
import { initialsOf } from '../../ui/initials.ts';
import { ClipboardSetting } from './clipboard-setting.tsx';
import { LanguageSetting } from './language-setting.tsx';
import { ProfileNameForm } from './profile-name-form.tsx';
import { ExpiryRemindersSetting } from './expiry-reminders-setting.tsx';
import { TokenCopiesSetting } from './token-copies-setting.tsx';
import './profile.css';

/** Account Details (the name is editable, as in NocoDB) and the app's own setting. */
export function ProfilePage({ account }: { account: Account }) {
  const { t } = useI18n();
  return (
    <section className="profile" aria-labelledby="profile-title">
      <h2 id="profile-title" className="section-title">
        {t('profile.title')}
      </h2>
      <div className="card profile-card">
        <div className="avatar avatar-large" aria-hidden="true">
          {initialsOf(account.displayName, account.email)}
        </div>
        <ProfileNameForm account={account} />
      </div>
      <LanguageSetting />
      <ClipboardSetting />
      <TokenCopiesSetting />
      <ExpiryRemindersSetting />
    </section>
  );
}
