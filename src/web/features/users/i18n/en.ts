import type { Texts } from '../../../i18n/texts';
import type th from './th';

const en: Texts<typeof th> = {
  title: 'Users and roles',
  create: 'Create user',
  createTitle: 'Create an account',
  displayName: 'Display name',
  email: 'Email',
  locale: 'Language',
  role: 'Role',
  unit: 'Unit',
  unitHint: 'Type to search units (officers need one)',
  addRole: 'Add role',
  removeRole: 'Remove role',
  submit: 'Create',
  status: 'Status',
  active: 'Active',
  disabled: 'Disabled',
  lastSignIn: 'Last sign-in',
  roles: 'Roles',
  locked: 'Locked until',
  oneTimeTitle: 'Account created',
  oneTimeIntro: "{{username}}'s one-time password is shown only now. Hand it over safely; they choose a new one at first sign-in.",
  copy: 'Copy',
  copied: 'Copied',
  resetPassword: 'Issue a new password',
  disable: 'Disable account',
  enable: 'Enable account',
  detail: 'User details',
  saveRoles: 'Save roles',
  noUnit: 'No unit (nationwide)',
};

export default en;
