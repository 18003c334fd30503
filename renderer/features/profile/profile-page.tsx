import type { Account } from '../../../preload/contract.ts';
import { initialsOf } from '../../ui/initials.ts';
import { ClipboardSetting } from './clipboard-setting.tsx';
import { TokenCopiesSetting } from './token-copies-setting.tsx';
import './profile.css';

/** Account Details (read-only here: the app does not edit NocoDB profiles) and the app's own setting. */
export function ProfilePage({ account }: { account: Account }) {
  return (
    <section className="profile" aria-labelledby="profile-title">
      <h2 id="profile-title" className="section-title">
        Account Details
      </h2>
      <div className="card profile-card">
        <div className="avatar avatar-large" aria-hidden="true">
          {initialsOf(account.displayName, account.email)}
        </div>
        <div className="profile-fields">
          <div className="profile-row">
            <label className="field-label" htmlFor="profile-name">
              Name
            </label>
            <span className="profile-user-id">USER ID: {account.userId}</span>
          </div>
          <input id="profile-name" className="input" readOnly value={account.displayName ?? ''} placeholder="Name" />
          <label className="field-label" htmlFor="profile-email">
            Account Email ID
          </label>
          <input id="profile-email" className="input" disabled value={account.email} />
        </div>
      </div>
      <ClipboardSetting />
      <TokenCopiesSetting />
    </section>
  );
}
