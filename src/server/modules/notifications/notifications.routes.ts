import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireContext } from '../../platform/auth/plugin';
import { withProblems } from '../../platform/http/schemas';
import {
  IdParam,
  InboxItemSchema,
  InboxSchema,
  OutboxDetailSchema,
  OutboxEntrySchema,
  OutboxQuery,
  PageQuery,
  PreferencesBody,
  PreferencesSchema,
} from './notifications.schemas';
import type { NotificationsService } from './notifications.service';
import { z } from 'zod';

const tags = ['notifications'];

/** The citizen's inbox and preferences; the offices' outbox with its attempts, and retries. */
export const notificationsRoutes: FastifyPluginAsyncZod<{ notifications: NotificationsService }> = async (app, { notifications }) => {
  app.get(
    '/api/me/notifications',
    {
      schema: {
        tags,
        summary: 'Your in-app messages, newest first, with how many are unread',
        querystring: PageQuery,
        response: withProblems({ 200: InboxSchema }),
      },
    },
    async (request) => notifications.inbox(requireContext(request), request.query),
  );
  app.post(
    '/api/me/notifications/:id/read',
    { schema: { tags, summary: 'Mark one of your messages read', params: IdParam, response: withProblems({ 200: InboxItemSchema }) } },
    async (request) => notifications.markRead(requireContext(request), request.params.id),
  );
  app.get(
    '/api/me/notification-preferences',
    {
      schema: {
        tags,
        summary: 'Your notification channels, the kinds you opted out of, your language and addresses',
        querystring: z.strictObject({}),
        response: withProblems({ 200: PreferencesSchema }),
      },
    },
    async (request) => notifications.preferences(requireContext(request)),
  );
  app.put(
    '/api/me/notification-preferences',
    {
      schema: {
        tags,
        summary: 'Choose your channels, opt out of kinds, set your language and addresses',
        body: PreferencesBody,
        response: withProblems({ 200: PreferencesSchema }),
      },
    },
    async (request) => notifications.setPreferences(requireContext(request), request.body),
  );
  app.get(
    '/api/notifications/outbox',
    {
      schema: {
        tags,
        summary: 'Outgoing messages (LINE, SMS, e-mail) of your provinces, newest first, with their status; addresses masked',
        querystring: OutboxQuery,
        response: withProblems({ 200: z.array(OutboxEntrySchema) }),
      },
    },
    async (request) => notifications.outbox(requireContext(request), request.query),
  );
  app.get(
    '/api/notifications/outbox/:id',
    {
      schema: { tags, summary: 'One outgoing message with every attempt at sending it', params: IdParam, response: withProblems({ 200: OutboxDetailSchema }) },
    },
    async (request) => notifications.outboxDetail(requireContext(request), request.params.id),
  );
  app.post(
    '/api/notifications/outbox/:id/retry',
    {
      schema: {
        tags,
        summary: 'Send a failed or unknown message once more (the same idempotency key, so a provider that has it does not deliver it twice)',
        params: IdParam,
        response: withProblems({ 200: OutboxDetailSchema }),
      },
    },
    async (request) => notifications.retry(requireContext(request), request.params.id),
  );
};
