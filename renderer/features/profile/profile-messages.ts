import { MAX_DISPLAY_NAME_LENGTH, MIN_PASSWORD_LENGTH, type PasswordChange } from '../../../preload/contract.ts';
import { msg, type Text } from '../../i18n/index.ts';

/** What is wrong with a name before it is sent (NocoDB's server checks nothing), or null. */
export function displayNameProblem(name: string): Text | null {
  const trimmed = name.trim();
  if (trimmed === '') return msg('profile.name.empty');
  if (trimmed.length > MAX_DISPLAY_NAME_LENGTH) return msg('profile.name.tooLong', { max: MAX_DISPLAY_NAME_LENGTH });
  return null;
}

export interface PasswordDraft extends Omit<PasswordChange, 'accountId'> {
  confirmPassword: string;
}

export type PasswordProblems = Partial<Record<keyof PasswordDraft, Text>>;

/** The problems of the password form, per field; empty when it may be sent. */
export function passwordProblems({ currentPassword, newPassword, confirmPassword }: PasswordDraft): PasswordProblems {
  const problems: PasswordProblems = {};
  if (currentPassword === '') problems.currentPassword = msg('password.error.current');
  if (newPassword.length < MIN_PASSWORD_LENGTH) problems.newPassword = msg('password.error.short', { min: MIN_PASSWORD_LENGTH });
  // NocoDB's own words for this.
  if (confirmPassword !== newPassword) problems.confirmPassword = msg('password.error.mismatch');
  return problems;
}
