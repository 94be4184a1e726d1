import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Executor } from '../../db/executor';
import type { ActorContext, RequestContext } from '../context';
import { problems } from '../problem';
import type { Actor } from './actor';
import type { ActorCache } from './actor-cache';
import { resolveSession, SESSION_COOKIE } from './sessions';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    sessionToken: string | null;
  }
}

export interface AuthPluginOptions {
  db: Executor;
  /** Loads the actor for a user id; null when the user no longer exists or is disabled. */
  loadActor(userId: string): Promise<Actor | null>;
  cache: ActorCache;
}

/** Resolves the session cookie to an actor on every request; routes decide whether one is needed. */
export const authPlugin = fp<AuthPluginOptions>(
  async (app: FastifyInstance, options) => {
    app.decorateRequest('actor', null);
    app.decorateRequest('sessionToken', null);
    app.addHook('onRequest', async (request) => {
      const token = request.cookies[SESSION_COOKIE];
      if (!token || !request.url.startsWith('/api/')) return;
      const cached = options.cache.get(token);
      if (cached) {
        request.actor = cached;
        request.sessionToken = token;
        return;
      }
      const userId = await resolveSession(options.db, token);
      if (!userId) return;
      request.actor = await options.loadActor(userId);
      request.sessionToken = request.actor ? token : null;
      if (request.actor) options.cache.set(token, request.actor);
    });
  },
  { name: 'archeep-auth', dependencies: ['@fastify/cookie'] },
);

/**
 * The request's context for a service call, refusing anonymous callers. Until a one-time password
 * is replaced, only the password change itself is allowed.
 */
export function requireContext(request: FastifyRequest, options: { allowPendingPasswordChange?: boolean } = {}): ActorContext {
  const actor = request.actor;
  if (!actor) throw problems.unauthenticated();
  if (actor.mustChangePassword && !options.allowPendingPasswordChange) {
    throw problems.forbidden({
      en: 'Change your one-time password before doing anything else.',
      th: 'กรุณาเปลี่ยนรหัสผ่านชั่วคราวก่อนใช้งานส่วนอื่น',
    });
  }
  if (actor.mustEnrolSecondFactor && !options.allowPendingPasswordChange) {
    throw problems.forbidden({
      en: 'Set up your second factor (an authenticator app) before doing anything else.',
      th: 'กรุณาตั้งค่าการยืนยันตัวตนสองชั้น (แอปยืนยันตัวตน) ก่อนใช้งานส่วนอื่น',
    });
  }
  return { actor, requestId: String(request.id), ip: request.ip };
}

/** The context of a request that may be anonymous (sign-in, public pages). */
export function optionalContext(request: FastifyRequest): RequestContext {
  return { actor: request.actor, requestId: String(request.id), ip: request.ip };
}
