import { MAX_DISPLAY_NAME_LENGTH, MIN_PASSWORD_LENGTH, type PasswordChange } from '../../../preload/contract.ts';

/** What is wrong with a name before it is sent (NocoDB's server checks nothing), or null. */
export function displayNameProblem(name: string): string | null {
  const trimmed = name.trim();
  if (trimmed === '') return 'Name should not be empty';
  if (trimmed.length > MAX_DISPLAY_NAME_LENGTH) return `Name should not be more than ${MAX_DISPLAY_NAME_LENGTH} characters`;
  return null;
}

export interface PasswordDraft extends Omit<PasswordChange, 'accountId'> {
  confirmPassword: string;
}

export type PasswordProblems = Partial<Record<keyof PasswordDraft, string>>;

/** The problems of the password form, per field; empty when it may be sent. */
export function passwordProblems({ currentPassword, newPassword, confirmPassword }: PasswordDraft): PasswordProblems {
  const problems: PasswordProblems = {};
  if (currentPassword === '') problems.currentPassword = 'Enter your current password';
  if (newPassword.length < MIN_PASSWORD_LENGTH) problems.newPassword = `The new password needs at least ${MIN_PASSWORD_LENGTH} characters`;
  // NocoDB's own words for this.
  if (confirmPassword !== newPassword) problems.confirmPassword = 'Passwords do not match';
  return problems;
}

export const PASSWORD_CHANGED = 'Password changed. NocoDB has signed you out on every other device and browser; this app stays signed in.';
