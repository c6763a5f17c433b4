// The contract's password rule (API.md: at least 12 characters), checked before the API checks it.
import type { TFunction } from 'i18next';
import { checks, type FieldErrors } from '../../components/form';

export const MIN_PASSWORD_LENGTH = 12;

export function checkNewPassword(t: TFunction, password: string, confirmation: string): FieldErrors {
  const problems: FieldErrors = {};
  if (!checks.minLength(password, MIN_PASSWORD_LENGTH)) problems.password = [t('validation.passwordTooShort', { min: MIN_PASSWORD_LENGTH })];
  if (password !== confirmation) problems.passwordConfirmation = [t('validation.passwordsDiffer')];
  return problems;
}
