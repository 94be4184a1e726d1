import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { optionalContext, requireContext } from '../../platform/auth/plugin';
import { SESSION_COOKIE } from '../../platform/auth/sessions';
import { withProblems } from '../../platform/http/schemas';
import {
  ChangePasswordBody,
  CreateUserBody,
  CreatedUserSchema,
  MeSchema,
  SignInBody,
  UpdateUserBody,
  UserDetailSchema,
  UserIdParam,
  UserPageSchema,
  UserSchema,
  UsersQuery,
} from './identity.schemas';
import type { IdentityService } from './identity.service';

export interface IdentityRoutesOptions {
  identity: IdentityService;
  cookieSecure: boolean;
  /** Sign-in attempts allowed per client address per minute, before any account lock. */
  signInRateLimit: number;
}

export const identityRoutes: FastifyPluginAsyncZod<IdentityRoutesOptions> = async (app, { identity, cookieSecure, signInRateLimit }) => {
  const authTags = ['auth'];
  const userTags = ['users'];

  app.post(
    '/api/auth/sign-in',
    {
      config: { rateLimit: { max: signInRateLimit, timeWindow: '1 minute' } },
      schema: {
        tags: authTags,
        summary: 'Sign in with username and password; sets the session cookie',
        body: SignInBody,
        response: withProblems({ 200: MeSchema }),
      },
    },
    async (request, reply) => {
      const session = await identity.signIn(optionalContext(request), { ...request.body, userAgent: request.headers['user-agent'] });
      reply.setCookie(SESSION_COOKIE, session.token, {
        httpOnly: true,
        sameSite: 'strict',
        secure: cookieSecure,
        path: '/',
        expires: session.expiresAt,
      });
      return session.me;
    },
  );

  app.post(
    '/api/auth/sign-out',
    { schema: { tags: authTags, summary: 'End this session', response: withProblems({ 204: z.null() }) } },
    async (request, reply) => {
      const ctx = requireContext(request, { allowPendingPasswordChange: true });
      await identity.signOut(ctx, request.sessionToken!);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/auth/me',
    { schema: { tags: authTags, summary: 'The signed-in account, its roles and area', response: withProblems({ 200: MeSchema }) } },
    async (request) => identity.me(requireContext(request, { allowPendingPasswordChange: true })),
  );

  app.post(
    '/api/auth/password',
    {
      schema: {
        tags: authTags,
        summary: 'Change your password (required after a one-time password); ends your other sessions',
        body: ChangePasswordBody,
        response: withProblems({ 204: z.null() }),
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request, { allowPendingPasswordChange: true });
      await identity.changePassword(ctx, request.sessionToken!, request.body);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/users',
    {
      schema: { tags: userTags, summary: 'Accounts (administrators and executives)', querystring: UsersQuery, response: withProblems({ 200: UserPageSchema }) },
    },
    async (request) => {
      const { q, role, unit, status, limit, offset } = request.query;
      return identity.listUsers(requireContext(request), { q, role, unitCode: unit, status, limit, offset });
    },
  );

  app.post(
    '/api/users',
    {
      schema: {
        tags: userTags,
        summary: 'Create a staff account with roles; answers its one-time password once',
        body: CreateUserBody,
        response: withProblems({ 201: CreatedUserSchema }),
      },
    },
    async (request, reply) => {
      const created = await identity.createUser(requireContext(request), request.body);
      return reply.code(201).send(created);
    },
  );

  app.get(
    '/api/users/:id',
    { schema: { tags: userTags, summary: 'One account', params: UserIdParam, response: withProblems({ 200: UserDetailSchema }) } },
    async (request) => identity.getUser(requireContext(request), request.params.id),
  );

  app.patch(
    '/api/users/:id',
    {
      schema: {
        tags: userTags,
        summary: 'Change an account: name, status, roles',
        params: UserIdParam,
        body: UpdateUserBody,
        response: withProblems({ 200: UserSchema }),
      },
    },
    async (request) => identity.updateUser(requireContext(request), request.params.id, request.body),
  );

  app.post(
    '/api/users/:id/reset-password',
    {
      schema: {
        tags: userTags,
        summary: 'Issue a new one-time password, unlock the account and end its sessions',
        params: UserIdParam,
        response: withProblems({ 200: z.object({ oneTimePassword: z.string() }) }),
      },
    },
    async (request) => identity.resetPassword(requireContext(request), request.params.id),
  );
};
