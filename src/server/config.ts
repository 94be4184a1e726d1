import { availableParallelism } from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { ROLES, type Role } from './platform/auth/actor';

/**
 * Configuration read once from the environment at start-up. A wrong value stops start-up with a
 * message naming the variable, rather than failing later in some unrelated place.
 */
const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  ARCHEEP_DATA_DIR: z.string().min(1).default('./data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  // Unset: Secure whenever PUBLIC_URL is https (issue 15); `false` only for plain-http set-ups.
  COOKIE_SECURE: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === 'true')),
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(100 * 1024 * 1024)
    .default(1024 * 1024),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  LOGIN_LOCK_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  // Uploaded import files (whole files of personal data) are purged this many days after upload:
  // their bytes, name and quoted cell values; counts and the SHA-256 stay (issue 15 §1).
  IMPORT_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  // The address printed in certificates' QR codes. Fixed by configuration, never taken from a
  // request's Host header, which a caller controls.
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  // Seals the issuers' signing keys in the database: 32 bytes in base64. Without it, a key kept in
  // the data folder is created on first use.
  CREDENTIAL_KEY_SECRET: z
    .string()
    .refine((v) => Buffer.from(v.trim(), 'base64').length === 32, 'must be 32 bytes in base64 (openssl rand -base64 32)')
    .optional(),
  // The audit trail's signed checkpoints are appended to a file here: beside the data folder, never
  // inside it (default `<data folder>-audit`).
  AUDIT_CHECKPOINT_DIR: z.string().min(1).optional(),
  AUDIT_CHECKPOINT_MINUTES: z.coerce
    .number()
    .min(0.1)
    .max(24 * 60)
    .default(5),
  // An event committed longer ago than this and still unsealed is a fault that verification reports.
  // Worker threads that sign credentials; one per core unless set.
  SIGNING_THREADS: z.coerce.number().int().min(1).max(256).optional(),
  AUDIT_SEAL_BOUND_SECONDS: z.coerce
    .number()
    .int()
    .min(5)
    .max(24 * 3600)
    .default(300),
  // Notifications (issue 21 §5): each channel is off while its variables are unset.
  LINE_CHANNEL_ACCESS_TOKEN: z.string().min(1).optional(),
  LINE_API_URL: z.url({ protocol: /^https?$/ }).default('https://api.line.me'),
  SMS_GATEWAY_URL: z.url({ protocol: /^https?$/ }).optional(),
  SMS_GATEWAY_API_KEY: z.string().min(1).optional(),
  SMS_SENDER: z.string().min(1).max(11).default('ARCHEEP'),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  SMTP_FROM: z.string().min(3).default('Archeep <no-reply@archeep.go.th>'),
  // First retry after this many seconds, doubling per failed attempt, up to NOTIFY_MAX_ATTEMPTS.
  NOTIFY_BACKOFF_SECONDS: z.coerce.number().min(0).max(86_400).default(60),
  NOTIFY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(6),
  // Issue 21: ThaiD (DOPA's OpenID provider) for citizens' sign-in; off unless the issuer is set.
  THAID_ISSUER: z.url({ protocol: /^https?$/ }).optional(),
  THAID_CLIENT_ID: z.string().min(1).optional(),
  THAID_CLIENT_SECRET: z.string().min(1).optional(),
  THAID_REDIRECT_URL: z.url({ protocol: /^https?$/ }).optional(),
  THAID_SCOPE: z.string().min(1).default('openid pid name birthdate'),
  // LINE Login, linked by a citizen after a ThaiD sign-in; off unless the channel id is set.
  LINE_ISSUER: z.url({ protocol: /^https?$/ }).default('https://access.line.me'),
  LINE_CHANNEL_ID: z.string().min(1).optional(),
  LINE_CHANNEL_SECRET: z.string().min(1).optional(),
  LINE_REDIRECT_URL: z.url({ protocol: /^https?$/ }).optional(),
  // Staff roles that must use a second factor (TOTP), comma-separated (e.g. `system_admin,fund_approver`).
  STAFF_TOTP_REQUIRED_ROLES: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((r) => r.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(ROLES))),
});

/** An OpenID provider the server signs citizens in with (ThaiD) or links (LINE). */
export interface OidcProviderConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUrl: string;
  scope: string;
}

/** Both or none: a provider named without its client is a mistake worth stopping for. */
function oidcProvider(
  name: string,
  values: { issuer: string | undefined; clientId: string | undefined; clientSecret: string | undefined; redirectUrl: string | undefined; scope: string },
  on: boolean,
): OidcProviderConfig | null {
  if (!on) return null;
  const missing = (['clientId', 'clientSecret', 'redirectUrl', 'issuer'] as const).filter((k) => !values[k]);
  if (missing.length) {
    throw new ConfigError(`Invalid configuration / ค่าตั้งระบบไม่ถูกต้อง:\n  ${name}: also set ${missing.join(', ')} / ต้องตั้งค่าให้ครบ`);
  }
  return values as OidcProviderConfig;
}

export type Config = {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  logLevel: z.infer<typeof ConfigSchema>['LOG_LEVEL'];
  sessionTtlHours: number;
  cookieSecure: boolean;
  bodyLimitBytes: number;
  loginMaxFailures: number;
  loginLockMinutes: number;
  importRetentionDays: number;
  /** Base address of the public pages (certificate verification), without a trailing slash. */
  publicUrl: string;
  /** The key-encryption key for issuers' signing keys, if set; otherwise one in the data folder. */
  credentialKeySecret: string | undefined;
  /** Folder of the audit trail's checkpoint file, outside the data folder. */
  auditCheckpointDir: string;
  /** How often a signed checkpoint of the audit chain is made (and at every stop). */
  auditCheckpointMinutes: number;
  /** How long an audit event may wait for its seal before verification reports it. */
  auditSealBoundSeconds: number;
  /** Worker threads that sign credentials (`SIGNING_THREADS`, default one per core). */
  signingThreads: number;
  /** Base delay added per consecutive failed sign-in, so guessing slows down before the lock. */
  loginFailureDelayMs: number;
  /** Notification channels; a channel is off while its address or credential is null. */
  notify: {
    lineAccessToken: string | null;
    lineApiUrl: string;
    smsGatewayUrl: string | null;
    smsApiKey: string | null;
    smsSender: string;
    smtpUrl: string | null;
    smtpFrom: string;
    backoffMs: number;
    maxAttempts: number;
  };
  /** ThaiD sign-in (issue 21), or null when THAID_ISSUER is unset. */
  thaid: OidcProviderConfig | null;
  /** LINE Login linking (issue 21), or null when LINE_CHANNEL_ID is unset. */
  line: OidcProviderConfig | null;
  /** Staff roles that must sign in with a TOTP code (STAFF_TOTP_REQUIRED_ROLES). */
  totpRequiredRoles: Role[];
};

export class ConfigError extends Error {}

/** Reads and validates configuration; throws ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${String(i.path[0])}: ${i.message}`);
    throw new ConfigError(`Invalid configuration / ค่าตั้งระบบไม่ถูกต้อง:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  const auditCheckpointDir = c.AUDIT_CHECKPOINT_DIR ?? `${c.ARCHEEP_DATA_DIR.replace(/[\\/]+$/, '')}-audit`;
  const data = path.resolve(c.ARCHEEP_DATA_DIR);
  const checkpoints = path.resolve(auditCheckpointDir);
  if (checkpoints === data || checkpoints.startsWith(data + path.sep)) {
    throw new ConfigError(
      `Invalid configuration / ค่าตั้งระบบไม่ถูกต้อง:\n  AUDIT_CHECKPOINT_DIR: must be outside ARCHEEP_DATA_DIR (${data}); a restore of the data folder would roll the checkpoints back with the trail they anchor / ต้องอยู่นอกโฟลเดอร์ข้อมูล`,
    );
  }
  return {
    port: c.PORT,
    host: c.HOST,
    databaseUrl: c.DATABASE_URL,
    dataDir: c.ARCHEEP_DATA_DIR,
    logLevel: c.LOG_LEVEL,
    sessionTtlHours: c.SESSION_TTL_HOURS,
    cookieSecure: c.COOKIE_SECURE ?? Boolean(c.PUBLIC_URL?.startsWith('https:')),
    bodyLimitBytes: c.BODY_LIMIT_BYTES,
    loginMaxFailures: c.LOGIN_MAX_FAILURES,
    loginLockMinutes: c.LOGIN_LOCK_MINUTES,
    importRetentionDays: c.IMPORT_RETENTION_DAYS,
    publicUrl: (c.PUBLIC_URL ?? `http://localhost:${c.PORT}`).replace(/\/+$/, ''),
    credentialKeySecret: c.CREDENTIAL_KEY_SECRET,
    auditCheckpointDir,
    auditCheckpointMinutes: c.AUDIT_CHECKPOINT_MINUTES,
    auditSealBoundSeconds: c.AUDIT_SEAL_BOUND_SECONDS,
    signingThreads: c.SIGNING_THREADS ?? availableParallelism(),
    loginFailureDelayMs: 250,
    notify: {
      lineAccessToken: c.LINE_CHANNEL_ACCESS_TOKEN ?? null,
      lineApiUrl: c.LINE_API_URL.replace(/\/+$/, ''),
      smsGatewayUrl: c.SMS_GATEWAY_URL ?? null,
      smsApiKey: c.SMS_GATEWAY_API_KEY ?? null,
      smsSender: c.SMS_SENDER,
      smtpUrl: c.SMTP_URL ?? null,
      smtpFrom: c.SMTP_FROM,
      backoffMs: c.NOTIFY_BACKOFF_SECONDS * 1000,
      maxAttempts: c.NOTIFY_MAX_ATTEMPTS,
    },
    thaid: oidcProvider(
      'THAID_ISSUER',
      { issuer: c.THAID_ISSUER, clientId: c.THAID_CLIENT_ID, clientSecret: c.THAID_CLIENT_SECRET, redirectUrl: c.THAID_REDIRECT_URL, scope: c.THAID_SCOPE },
      c.THAID_ISSUER !== undefined,
    ),
    line: oidcProvider(
      'LINE_CHANNEL_ID',
      { issuer: c.LINE_ISSUER, clientId: c.LINE_CHANNEL_ID, clientSecret: c.LINE_CHANNEL_SECRET, redirectUrl: c.LINE_REDIRECT_URL, scope: 'openid profile' },
      c.LINE_CHANNEL_ID !== undefined,
    ),
    totpRequiredRoles: c.STAFF_TOTP_REQUIRED_ROLES,
  };
}
