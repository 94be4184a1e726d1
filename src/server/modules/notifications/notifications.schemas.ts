import { z } from 'zod';
import { NOTIFICATION_KINDS } from './data/templates';

export const ChannelSchema = z.enum(['in-app', 'line', 'sms', 'email']);
export const StatusSchema = z.enum(['pending', 'sending', 'sent', 'failed', 'unknown', 'skipped']);
export const KindSchema = z.enum(NOTIFICATION_KINDS);

export const PageQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

export const InboxItemSchema = z
  .object({
    id: z.number().int(),
    kind: z.string(),
    subject: z.string(),
    text: z.string(),
    createdAt: z.string(),
    readAt: z.string().nullable(),
  })
  .meta({ id: 'InboxItem' });

export const InboxSchema = z.object({ items: z.array(InboxItemSchema), unread: z.number().int() }).meta({ id: 'Inbox' });

export const IdParam = z.strictObject({
  id: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 53 - 1),
});

export const PreferencesSchema = z
  .object({
    language: z.enum(['th', 'en']),
    channels: z.array(ChannelSchema),
    optedOut: z.array(KindSchema),
    lineUserId: z.string().nullable(),
    /** She linked LINE Login to her account: LINE reaches her there without an id typed here. */
    lineLinked: z.boolean(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    /** Channels the service can send by now (the others are switched off by configuration). */
    available: z.array(ChannelSchema),
    kinds: z.array(z.object({ kind: KindSchema, labelTh: z.string(), labelEn: z.string() })),
  })
  .meta({ id: 'NotificationPreferences' });

export const PreferencesBody = z.strictObject({
  language: z.enum(['th', 'en']),
  channels: z.array(ChannelSchema).max(4),
  optedOut: z.array(KindSchema).max(NOTIFICATION_KINDS.length),
  lineUserId: z
    .string()
    .trim()
    .regex(/^U[0-9a-f]{32}$/, 'A LINE user id is U and 32 hex digits')
    .nullable()
    .default(null),
  phone: z
    .string()
    .trim()
    .regex(/^(\+66\d{8,9}|0\d{8,9})$/, 'A Thai phone number: 0 and 9 or 10 digits')
    .nullable()
    .default(null),
  email: z.email().max(254).nullable().default(null),
});

export const OutboxQuery = PageQuery.extend({
  status: StatusSchema.optional(),
  channel: z.enum(['line', 'sms', 'email']).optional(),
  kind: KindSchema.optional(),
});

export const OutboxEntrySchema = z
  .object({
    id: z.number().int(),
    personId: z.number().int(),
    provinceCode: z.string().nullable(),
    kind: z.string(),
    channel: ChannelSchema,
    address: z.string().nullable().describe('Masked'),
    status: StatusSchema,
    attempts: z.number().int(),
    nextAttemptAt: z.string().nullable(),
    sentAt: z.string().nullable(),
    lastError: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'OutboxEntry' });

export const AttemptSchema = z.object({
  attempt: z.number().int(),
  outcome: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  error: z.string().nullable(),
  retryAt: z.string().nullable(),
});

export const OutboxDetailSchema = OutboxEntrySchema.extend({ attemptLog: z.array(AttemptSchema) }).meta({ id: 'OutboxDetail' });
