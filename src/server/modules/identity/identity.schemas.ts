import { z } from 'zod';
import { CAPABILITIES } from '../../../shared/capabilities';
import { ROLES } from '../../platform/auth/actor';

export const RoleEnum = z.enum(ROLES).meta({ id: 'Role' });

export const RoleAssignmentSchema = z.object({
  role: RoleEnum,
  unitCode: z.string().nullable(),
  unitNameTh: z.string().nullable(),
  unitNameEn: z.string().nullable(),
});

export const UserSchema = z
  .object({
    id: z.uuid(),
    username: z.string(),
    displayName: z.string(),
    email: z.string().nullable(),
    locale: z.enum(['th', 'en']),
    status: z.enum(['active', 'disabled']),
    mustChangePassword: z.boolean(),
    lockedUntil: z.string().nullable(),
    lastSignInAt: z.string().nullable(),
    createdAt: z.string(),
    personId: z.number().int().nullable().describe('A citizen account: the registered person it belongs to'),
    roles: z.array(RoleAssignmentSchema),
  })
  .meta({ id: 'User' });

export const MeSchema = UserSchema.extend({
  scopeProvinceCodes: z
    .array(z.string())
    .nullable()
    .describe("Provinces the account's government roles cover; null for nationwide, empty when it holds none (a citizen, a partner)"),
  capabilities: z
    .array(z.enum(CAPABILITIES))
    .describe("What the account may use, from the same policies the API enforces: the web app's navigation and home page show these"),
  mustEnrolSecondFactor: z.boolean().describe('A role requires a second factor not yet set up: nothing else is allowed until it is'),
  secondFactor: z.boolean().describe('Sign-in asks for a TOTP code'),
}).meta({ id: 'Me' });

export const UserDetailSchema = UserSchema.extend({
  secondFactorEnrolled: z.boolean().describe('A confirmed second factor (TOTP) is set up: an administrator may reset it'),
}).meta({ id: 'UserDetail' });
export const UserPageSchema = z.object({ items: z.array(UserSchema), total: z.number().int() }).meta({ id: 'UserPage' });

export const SignInBody = z.strictObject({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(200),
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, '6 digits')
    .optional()
    .describe('The authenticator app’s 6-digit code, for an account with a second factor'),
});

export const ChangePasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(1).max(200),
});

const RoleInput = z.strictObject({ role: RoleEnum, unitCode: z.string().min(1).max(40).nullable().default(null) });

export const CreateUserBody = z.strictObject({
  username: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9][a-z0-9._-]{2,63}$/, '3–64 characters: a–z, 0–9, dot, dash or underscore, starting with a letter or digit'),
  displayName: z.string().trim().min(1).max(200),
  email: z.email().max(200).nullable().optional(),
  locale: z.enum(['th', 'en']).default('th'),
  roles: z.array(RoleInput).min(1, 'Give the account at least one role').max(20),
});

export const UpdateUserBody = z.strictObject({
  displayName: z.string().trim().min(1).max(200).optional(),
  email: z.email().max(200).nullable().optional(),
  locale: z.enum(['th', 'en']).optional(),
  status: z.enum(['active', 'disabled']).optional(),
  roles: z.array(RoleInput).min(1).max(20).optional(),
});

export const CreatedUserSchema = z
  .object({ user: UserSchema, oneTimePassword: z.string().describe('Shown once; the user must change it at first sign-in') })
  .meta({ id: 'CreatedUser' });

export const UsersQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  role: RoleEnum.optional(),
  unit: z.string().max(40).optional(),
  status: z.enum(['active', 'disabled']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const UserIdParam = z.strictObject({ id: z.uuid() });
