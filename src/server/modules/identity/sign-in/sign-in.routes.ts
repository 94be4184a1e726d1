import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { optionalContext, requireContext } from '../../../platform/auth/plugin';
import { SESSION_COOKIE } from '../../../platform/auth/sessions';
import { withProblems } from '../../../platform/http/schemas';
import { Problem } from '../../../platform/problem';
import { UserIdParam } from '../identity.schemas';
import type { IdentityService } from '../identity.service';
import type { CitizenSignInService, SelfRegistrationInput } from './citizen-sign-in.service';

export interface SignInRoutesOptions {
  signIn: CitizenSignInService;
  identity: IdentityService;
  cookieSecure: boolean;
  /** Where the provider sends the browser back to (the configured redirect URLs' origin is the app's). */
  publicUrl: string;
  /** The registry's person form without ID and name (registry.schemas' SelfRegistrationBody, handed in by app.ts). */
  selfRegistrationBody: z.ZodType<SelfRegistrationInput>;
}

/** The browser's half of an authorisation request: sent back on the provider's top-level redirect (SameSite=Lax). */
const OIDC_COOKIE = 'archeep_oidc';

const Providers = z.object({ thaid: z.boolean(), line: z.boolean() }).meta({ id: 'SignInProviders' });
const Links = z
  .object({
    thaid: z.boolean(),
    line: z.boolean(),
    lineAvailable: z.boolean(),
    needsRegistration: z.boolean().describe('Signed in with ThaiD, not yet in the registry: the self-registration form is next'),
  })
  .meta({ id: 'AccountLinks' });
const FixedIdentity = z
  .object({ nationalId: z.string(), firstNameTh: z.string(), lastNameTh: z.string(), birthDate: z.string().nullable() })
  .meta({ id: 'FixedIdentity', description: 'From the verified ThaiD token: the self-registration form shows these and cannot change them' });
const SecondFactorStatus = z.object({ enrolled: z.boolean(), required: z.boolean() }).meta({ id: 'SecondFactorStatus' });
const ResetBody = z.strictObject({
  reason: z.string().trim().min(3).max(200).describe('Why the second factor is reset (e.g. a lost phone); recorded in the audit trail'),
});
const CodeBody = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, '6 digits'),
});
const CallbackQuery = z.looseObject({
  code: z.string().max(2000).optional(),
  state: z.string().max(200).optional(),
  error: z.string().max(200).optional(),
});
const Redirect = z.null().describe('Redirect (Location header)');

export const signInRoutes: FastifyPluginAsyncZod<SignInRoutesOptions> = async (app, { signIn, identity, cookieSecure, publicUrl, selfRegistrationBody }) => {
  const tags = ['auth'];
  // The service answers on the configured redirect URL with this request's query (a proxy in front may rename the host).
  const callbackUrl = (request: FastifyRequest) => new URL(request.url, publicUrl);
  const setBinding = (reply: FastifyReply, binding: string) =>
    reply.setCookie(OIDC_COOKIE, binding, { httpOnly: true, sameSite: 'lax', secure: cookieSecure, path: '/api/auth', maxAge: 600 });
  const clearBinding = (reply: FastifyReply) => reply.clearCookie(OIDC_COOKIE, { path: '/api/auth' });
  /** A browser that followed the provider's redirect lands on a page, not on a problem document. */
  const wantsPage = (request: FastifyRequest) => (request.headers.accept ?? '').includes('text/html');

  app.get(
    '/api/auth/providers',
    { schema: { tags, summary: 'Which sign-in providers this server offers (ThaiD; LINE to link)', security: [], response: withProblems({ 200: Providers }) } },
    async () => signIn.providers(),
  );

  app.get(
    '/api/auth/thaid/start',
    {
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Sign in with ThaiD: redirects to ThaiD (OpenID Connect, code flow with PKCE)',
        security: [],
        response: withProblems({ 302: Redirect }),
      },
    },
    async (_request, reply) => {
      const started = await signIn.startThaid();
      setBinding(reply, started.binding);
      return reply.redirect(started.url, 302);
    },
  );

  app.get(
    '/api/auth/thaid/callback',
    {
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: "ThaiD's redirect back: verifies the ID token, signs the citizen in (linked to her record, or to register herself)",
        security: [],
        querystring: CallbackQuery,
        response: withProblems({ 302: Redirect }),
      },
    },
    async (request, reply) => {
      try {
        const done = await signIn.finishThaid(optionalContext(request), {
          callbackUrl: callbackUrl(request),
          binding: request.cookies[OIDC_COOKIE],
          userAgent: request.headers['user-agent'],
        });
        clearBinding(reply);
        reply.setCookie(SESSION_COOKIE, done.token, { httpOnly: true, sameSite: 'strict', secure: cookieSecure, path: '/', expires: done.expiresAt });
        return reply.redirect(done.needsRegistration ? '/register-self' : '/', 302);
      } catch (error) {
        clearBinding(reply);
        if (error instanceof Problem && error.status === 401 && wantsPage(request)) return reply.redirect('/sign-in?failed=thaid', 302);
        throw error;
      }
    },
  );

  app.get(
    '/api/auth/links',
    { schema: { tags, summary: 'The providers linked to your account (ThaiD, LINE)', response: withProblems({ 200: Links }) } },
    async (request) => signIn.linksOf(requireContext(request)),
  );

  app.get(
    '/api/auth/self-registration',
    { schema: { tags, summary: 'Your national ID and name from ThaiD, fixed on the self-registration form', response: withProblems({ 200: FixedIdentity }) } },
    async (request) => signIn.fixedIdentity(requireContext(request)),
  );

  app.post(
    '/api/auth/self-registration',
    {
      schema: {
        tags,
        summary: "Register yourself in the registry (after a ThaiD sign-in): the registry's form, your ID and name from the token",
        body: selfRegistrationBody,
        response: withProblems({ 201: z.object({ personId: z.number().int(), created: z.boolean() }) }),
      },
    },
    async (request, reply) => reply.code(201).send(await signIn.registerSelf(requireContext(request), request.body)),
  );

  app.get(
    '/api/auth/line/start',
    {
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: { tags, summary: 'Link LINE to your account (after a ThaiD sign-in): redirects to LINE Login', response: withProblems({ 302: Redirect }) },
    },
    async (request, reply) => {
      const started = await signIn.startLine(requireContext(request));
      setBinding(reply, started.binding);
      return reply.redirect(started.url, 302);
    },
  );

  app.get(
    '/api/auth/line/callback',
    {
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: "LINE Login's redirect back: verifies the ID token and keeps the LINE user id on the account that started",
        security: [],
        querystring: CallbackQuery,
        response: withProblems({ 302: Redirect }),
      },
    },
    async (request, reply) => {
      try {
        await signIn.finishLine(optionalContext(request), { callbackUrl: callbackUrl(request), binding: request.cookies[OIDC_COOKIE] });
        clearBinding(reply);
        return reply.redirect('/account?linked=line', 302);
      } catch (error) {
        clearBinding(reply);
        if (error instanceof Problem && (error.status === 401 || error.status === 409) && wantsPage(request))
          return reply.redirect('/account?failed=line', 302);
        throw error;
      }
    },
  );

  app.delete(
    '/api/auth/line',
    { schema: { tags, summary: 'Unlink LINE from your account', response: withProblems({ 204: z.null() }) } },
    async (request, reply) => {
      await signIn.unlinkLine(requireContext(request));
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/auth/second-factor',
    { schema: { tags, summary: 'Your second factor (TOTP): set up or not, required by a role or not', response: withProblems({ 200: SecondFactorStatus }) } },
    async (request) => identity.secondFactorStatus(requireContext(request, { allowPendingPasswordChange: true })),
  );

  app.post(
    '/api/auth/second-factor',
    {
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Start setting up a second factor (staff): the secret as a QR code and otpauth URI, shown this once',
        response: withProblems({ 201: z.object({ secret: z.string(), uri: z.string(), qrSvg: z.string() }).meta({ id: 'SecondFactorEnrolment' }) }),
      },
    },
    async (request, reply) => reply.code(201).send(await identity.beginSecondFactor(requireContext(request, { allowPendingPasswordChange: true }))),
  );

  app.post(
    '/api/auth/second-factor/confirm',
    {
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: { tags, summary: 'Confirm the second factor with its first code', body: CodeBody, response: withProblems({ 200: SecondFactorStatus }) },
    },
    async (request) => identity.confirmSecondFactor(requireContext(request, { allowPendingPasswordChange: true }), request.body.code),
  );

  app.post(
    '/api/users/:id/second-factor/reset',
    {
      schema: {
        tags: ['users'],
        summary: 'Reset another account’s second factor (administrators), with the reason audited; its sessions end',
        params: UserIdParam,
        body: ResetBody,
        response: withProblems({ 204: z.null() }),
      },
    },
    async (request, reply) => {
      await identity.resetSecondFactorOf(requireContext(request), request.params.id, request.body.reason);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/auth/second-factor/remove',
    {
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Remove your second factor with a current code (not where your role requires one)',
        body: CodeBody,
        response: withProblems({ 204: z.null() }),
      },
    },
    async (request, reply) => {
      await identity.removeSecondFactor(requireContext(request), request.body.code);
      return reply.code(204).send(null);
    },
  );
};
