import { createHash, randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { isValidNationalId, normalizeNationalId } from '../../../../shared/national-id';
import type { Config } from '../../../config';
import type { Executor } from '../../../db/executor';
import type { DB } from '../../../db/schema';
import type { Actor } from '../../../platform/auth/actor';
import { hashPassword } from '../../../platform/auth/passwords';
import { createSession } from '../../../platform/auth/sessions';
import { recordAudit } from '../../../platform/audit/audit.service';
import type { ActorContext, RequestContext } from '../../../platform/context';
import { Problem, problems } from '../../../platform/problem';
import * as identityRepository from '../identity.repository';
import type { IdentityService } from '../identity.service';
import { createOidcClient, type OidcClient, type VerifiedClaims } from './oidc-client';
import * as repository from './sign-in.repository';

type Provider = 'thaid' | 'line';

/** How long an authorisation request may wait for its callback. */
const TRANSACTION_MINUTES = 10;

const hashBinding = (binding: string) => createHash('sha256').update(`archeep-oidc:${binding}`).digest('hex');

const providerOff = (provider: Provider) =>
  new Problem(
    404,
    'sign-in-provider-off',
    'Not available',
    'ไม่เปิดให้ใช้งาน',
    provider === 'thaid' ? 'Sign-in with ThaiD is not set up on this server.' : 'Linking LINE is not set up on this server.',
    provider === 'thaid' ? 'ระบบนี้ยังไม่ได้เปิดการเข้าสู่ระบบด้วย ThaiD' : 'ระบบนี้ยังไม่ได้เปิดการเชื่อมบัญชี LINE',
  );

const refused = (provider: Provider, reason: string) =>
  new Problem(
    401,
    'sign-in-refused',
    'Sign-in refused',
    'เข้าสู่ระบบไม่สำเร็จ',
    `${provider === 'thaid' ? 'ThaiD' : 'LINE'}'s answer was not accepted (${reason}). Start again from the sign-in page.`,
    `ไม่ยอมรับคำตอบจาก ${provider === 'thaid' ? 'ThaiD' : 'LINE'} (${reason}) กรุณาเริ่มใหม่จากหน้าเข้าสู่ระบบ`,
  );

/**
 * What sign-in asks of the registry (handed in by app.ts; identity does not import the registry,
 * which imports identity): who holds an ID, and her own registration on its form.
 */
export interface RegistryForSignIn {
  personIdsByDocuments(docNumbers: readonly string[]): Promise<Map<string, number>>;
  registerSelf(
    ctx: ActorContext,
    input: SelfRegistrationInput & { docType: string; docNumber: string; firstNameTh: string; lastNameTh: string },
    link: (trx: Transaction<DB>, personId: number) => Promise<void>,
  ): Promise<{ personId: number; created: boolean }>;
}

/** The registry's person form without the ID and name (those come from the token). */
export type SelfRegistrationInput = {
  title: string;
  sex: string;
  birthDate: string;
  subdistrictCode: string;
  targetGroups: string[];
  consents?: { purpose: 'sensitive-data' | 'share-lazada' | 'share-gsb' | 'share-partners' | 'contact'; evidence?: string | null }[];
} & Record<string, unknown>;

/** What the self-registration form fixes from the verified token. */
export interface FixedIdentity {
  nationalId: string;
  firstNameTh: string;
  lastNameTh: string;
  birthDate: string | null;
}

/**
 * Citizens' sign-in (issue 21 §1–2): ThaiD through OpenID Connect, LINE linked afterwards, and
 * self-registration. The national ID comes only from a verified ID token's `pid`, checksum
 * checked. A ThaiD ID already registered signs in to (or is linked to) that person's account;
 * a new one gets one account, even from two sign-ins at once (the unique provider and subject,
 * the unique national ID and the unique person of an account make the second insert conflict;
 * it rolls back and takes the first one's account).
 */
export function createCitizenSignInService(deps: { db: Kysely<DB>; config: Config; identity: IdentityService; registry: RegistryForSignIn }) {
  const { db, config, identity, registry } = deps;
  const clients: Record<Provider, OidcClient | null> = {
    thaid: config.thaid ? createOidcClient(config.thaid) : null,
    line: config.line ? createOidcClient(config.line) : null,
  };
  const clientOf = (provider: Provider) => {
    const client = clients[provider];
    if (!client) throw providerOff(provider);
    return client;
  };

  const selfOf = (user: { id: string; username: string; display_name: string; person_id: number | null }): Actor => ({
    userId: user.id,
    username: user.username,
    displayName: user.display_name,
    mustChangePassword: false,
    grants: [],
    personId: user.person_id,
  });

  /** Begins an authorisation request: its secrets stay in the database under `state`, bound to the browser's cookie. */
  async function start(provider: Provider, userId: string | null) {
    const { url, secrets } = await clientOf(provider).start();
    const binding = randomBytes(24).toString('base64url');
    await repository.insertTransaction(db, {
      state: secrets.state,
      provider,
      binding_hash: hashBinding(binding),
      nonce: secrets.nonce,
      code_verifier: secrets.codeVerifier,
      user_id: userId,
      expires_at: new Date(Date.now() + TRANSACTION_MINUTES * 60_000),
    });
    return { url: url.href, binding };
  }

  /** Takes the request's secrets (once) and verifies the provider's answer; the claims or a refusal. */
  async function finish(ctx: RequestContext, provider: Provider, input: { callbackUrl: URL; binding: string | undefined }) {
    const client = clientOf(provider);
    const state = input.callbackUrl.searchParams.get('state') ?? '';
    const tx = state ? await repository.takeTransaction(db, provider, state) : undefined;
    const fail = async (reason: string, detail?: string) => {
      await db.transaction().execute((trx) =>
        recordAudit(trx, ctx, {
          action: 'session.sign_in_refused',
          entityType: 'user',
          entityId: tx?.user_id ?? null,
          after: { provider, reason, ...(detail ? { detail } : {}) },
        }),
      );
      return refused(provider, reason);
    };
    if (!tx) throw await fail('unknown-or-used-state');
    if (!input.binding || hashBinding(input.binding) !== tx.binding_hash) throw await fail('other-browser');
    if (tx.expires_at.getTime() < Date.now()) throw await fail('expired-request');
    const error = input.callbackUrl.searchParams.get('error');
    if (error) throw await fail('provider-error', error.slice(0, 100));
    try {
      const answered = new URL(client.provider.redirectUrl);
      answered.search = input.callbackUrl.search;
      const claims = await client.finish(answered, { state: tx.state, nonce: tx.nonce, codeVerifier: tx.code_verifier });
      return { claims, userId: tx.user_id };
    } catch (e) {
      throw await fail('token-not-verified', whyNot(e));
    }
  }

  /** The client library's reason, for the audit trail: its message, code and the claim it compared. */
  const whyNot = (e: unknown): string => {
    if (!(e instanceof Error)) return 'unknown';
    const { code, cause } = e as Error & { code?: string; cause?: { claim?: string; message?: string; code?: string } };
    const parts = [e.message, code, cause?.claim ? `claim ${cause.claim}` : null, cause?.code ?? null, cause?.message ?? null];
    return parts.filter(Boolean).join('; ').slice(0, 300);
  };

  const isUniqueViolation = (e: unknown) => (e as { code?: string } | null)?.code === '23505';

  /** The ThaiD account for the verified claims: found, linked to the registered person's account, or created. */
  async function accountFor(ctx: RequestContext, claims: VerifiedClaims, pid: string) {
    // Nobody knows this password: the account signs in with ThaiD.
    const unusablePassword = await hashPassword(randomBytes(32).toString('base64url'));
    for (let attempt = 0; ; attempt++) {
      // Read before the transaction (the registry reads on its own connection).
      const personId = (await registry.personIdsByDocuments([pid])).get(pid) ?? null;
      try {
        return await db.transaction().execute(async (trx) => {
          const linked = await repository.findIdentity(trx, 'thaid', claims.sub);
          if (linked) {
            const user = (await identityRepository.findUserById(trx, linked.user_id))!;
            return { user, created: false, linkedNow: await attachPerson(trx, ctx, user, personId) };
          }
          const existing = personId === null ? undefined : await identityRepository.findUserByPerson(trx, personId);
          const user =
            existing ??
            (await identityRepository.insertUser(trx, {
              username: `thaid-${randomBytes(6).toString('hex')}`,
              display_name: claims.name ?? `${claims.given_name ?? ''} ${claims.family_name ?? ''}`.trim(),
              password_hash: unusablePassword,
              must_change_password: false,
              person_id: personId,
            }));
          if (!existing) await identityRepository.replaceRoles(trx, user.id, [{ role: 'citizen', unitCode: null }]);
          const inserted = await repository.insertIdentity(trx, {
            provider: 'thaid',
            subject: claims.sub,
            user_id: user.id,
            national_id: pid,
            given_name: claims.given_name ?? null,
            family_name: claims.family_name ?? null,
            birth_date: /^\d{4}-\d{2}-\d{2}$/.test(claims.birthdate ?? '') ? claims.birthdate! : null,
          });
          // Another sign-in for the same ID got there first: roll back and take its account.
          if (!inserted) throw Object.assign(new Error('raced'), { code: '23505' });
          await recordAudit(
            trx,
            { ...ctx, actor: selfOf(user) },
            {
              action: existing ? 'user.link_thaid' : 'user.create_citizen_thaid',
              entityType: 'user',
              entityId: user.id,
              after: { provider: 'thaid', personId, created: !existing },
              ...(personId !== null ? { subjectPersonId: personId } : {}),
            },
          );
          return { user, created: !existing, linkedNow: personId !== null };
        });
      } catch (e) {
        if (!isUniqueViolation(e) || attempt >= 3) throw e;
      }
    }
  }

  /** An account without a person is linked to the person registered with its ID meanwhile (by an officer). */
  async function attachPerson(
    trx: Transaction<DB>,
    ctx: RequestContext,
    user: { id: string; person_id: number | null; username: string; display_name: string },
    personId: number | null,
  ) {
    if (user.person_id !== null || personId === null) return false;
    if (await identityRepository.findUserByPerson(trx, personId)) return false;
    await repository.setPersonOfUser(trx, user.id, personId);
    user.person_id = personId;
    await recordAudit(
      trx,
      { ...ctx, actor: selfOf(user) },
      {
        action: 'user.link_person',
        entityType: 'user',
        entityId: user.id,
        after: { personId, by: 'thaid' },
        subjectPersonId: personId,
      },
    );
    return true;
  }

  const service = {
    /** Which providers this server offers (the sign-in page shows the ThaiD button only when on). */
    providers: () => ({ thaid: clients.thaid !== null, line: clients.line !== null }),

    startThaid: () => start('thaid', null),

    /** ThaiD's callback: verifies the answer, finds, links or creates the account, and opens a session. */
    async finishThaid(ctx: RequestContext, input: { callbackUrl: URL; binding: string | undefined; userAgent?: string }) {
      const { claims } = await finish(ctx, 'thaid', input);
      const pid = normalizeNationalId(String(claims.pid ?? ''));
      if (!isValidNationalId(pid)) {
        await db
          .transaction()
          .execute((trx) =>
            recordAudit(trx, ctx, { action: 'session.sign_in_refused', entityType: 'user', entityId: null, after: { provider: 'thaid', reason: 'bad-pid' } }),
          );
        throw refused('thaid', 'no valid national ID in the token');
      }
      const { user } = await accountFor(ctx, claims, pid);
      if (user.status !== 'active') throw refused('thaid', 'account closed');
      const session = await db.transaction().execute(async (trx) => {
        await identityRepository.updateUser(trx, user.id, { last_sign_in_at: new Date() });
        await repository.touchIdentity(trx, 'thaid', claims.sub);
        const created = await createSession(trx, { userId: user.id, ttlHours: config.sessionTtlHours, ip: ctx.ip, userAgent: input.userAgent });
        await recordAudit(
          trx,
          { ...ctx, actor: selfOf(user) },
          { action: 'session.sign_in', entityType: 'user', entityId: user.id, after: { method: 'thaid' } },
        );
        return created;
      });
      return { ...session, needsRegistration: user.person_id === null };
    },

    /** For the self-registration form: the ID and name fixed from her verified ThaiD token. */
    async fixedIdentity(ctx: ActorContext): Promise<FixedIdentity> {
      const link = await repository.identityOfUser(db, ctx.actor.userId, 'thaid');
      if (!link?.national_id) {
        throw problems.forbidden({ en: 'Sign in with ThaiD to register yourself.', th: 'กรุณาเข้าสู่ระบบด้วย ThaiD เพื่อลงทะเบียนด้วยตนเอง' });
      }
      if (ctx.actor.personId !== null) {
        throw problems.conflict({ en: 'You are registered already.', th: 'คุณลงทะเบียนไว้แล้ว' });
      }
      return { nationalId: link.national_id, firstNameTh: link.given_name ?? '', lastNameTh: link.family_name ?? '', birthDate: link.birth_date };
    },

    /**
     * Self-registration: the registry's own registration with the ID and name from the token (the
     * body cannot change them); her account gets the new person in the same transaction.
     */
    async registerSelf(ctx: ActorContext, input: SelfRegistrationInput) {
      const fixed = await service.fixedIdentity(ctx);
      const result = await registry.registerSelf(
        ctx,
        {
          ...input,
          docType: 'th-id',
          docNumber: fixed.nationalId,
          firstNameTh: fixed.firstNameTh,
          lastNameTh: fixed.lastNameTh,
          birthDate: fixed.birthDate ?? input.birthDate,
        },
        async (trx, personId) => {
          const holder = await identityRepository.findUserByPerson(trx, personId);
          if (holder && holder.id !== ctx.actor.userId) {
            throw problems.conflict({
              en: 'Your record already has an account; sign in with ThaiD again to be linked to it.',
              th: 'ระเบียนของคุณมีบัญชีผู้ใช้แล้ว กรุณาเข้าสู่ระบบด้วย ThaiD อีกครั้งเพื่อเชื่อมบัญชี',
            });
          }
          if (!holder) {
            const updated = await repository.setPersonOfUser(trx, ctx.actor.userId, personId);
            if (Number(updated.numUpdatedRows) !== 1) throw problems.conflict({ en: 'You are registered already.', th: 'คุณลงทะเบียนไว้แล้ว' });
          }
          await recordAudit(trx, ctx, {
            action: 'user.link_person',
            entityType: 'user',
            entityId: ctx.actor.userId,
            after: { personId, by: 'self-registration' },
            subjectPersonId: personId,
          });
        },
      );
      identity.forgetAccounts([ctx.actor.userId]);
      return result;
    },

    /** LINE Login for a citizen signed in (with ThaiD): the account the callback links is fixed now. */
    async startLine(ctx: ActorContext) {
      clientOf('line');
      if (!(await repository.identityOfUser(db, ctx.actor.userId, 'thaid'))) {
        throw problems.forbidden({ en: 'Sign in with ThaiD before linking LINE.', th: 'กรุณาเข้าสู่ระบบด้วย ThaiD ก่อนเชื่อมบัญชี LINE' });
      }
      return start('line', ctx.actor.userId);
    },

    /** LINE's callback: the verified `sub` is the LINE user id, kept on the account that started. */
    async finishLine(ctx: RequestContext, input: { callbackUrl: URL; binding: string | undefined }) {
      const { claims, userId } = await finish(ctx, 'line', input);
      if (!userId) throw refused('line', 'no account');
      const user = await identityRepository.findUserById(db, userId);
      if (!user || user.status !== 'active') throw refused('line', 'account closed');
      await db.transaction().execute(async (trx) => {
        const other = await repository.findIdentity(trx, 'line', claims.sub);
        if (other && other.user_id !== userId) {
          throw problems.conflict({ en: 'This LINE account is linked to another Archeep account.', th: 'บัญชี LINE นี้เชื่อมกับบัญชีอาชีพอื่นอยู่แล้ว' });
        }
        await repository.deleteIdentity(trx, userId, 'line');
        await repository.insertIdentity(trx, { provider: 'line', subject: claims.sub, user_id: userId });
        await recordAudit(
          trx,
          { ...ctx, actor: selfOf(user) },
          {
            action: 'user.link_line',
            entityType: 'user',
            entityId: userId,
            after: { provider: 'line' },
            ...(user.person_id !== null ? { subjectPersonId: user.person_id } : {}),
          },
        );
      });
    },

    async unlinkLine(ctx: ActorContext) {
      await db.transaction().execute(async (trx) => {
        const removed = await repository.deleteIdentity(trx, ctx.actor.userId, 'line');
        if (!removed) throw problems.notFound({ en: 'No LINE account is linked.', th: 'ยังไม่ได้เชื่อมบัญชี LINE' });
        await recordAudit(trx, ctx, { action: 'user.unlink_line', entityType: 'user', entityId: ctx.actor.userId });
      });
    },

    /** The signed-in account's links (ThaiD, LINE) and what the server offers. */
    async linksOf(ctx: ActorContext) {
      const rows = await repository.identitiesOfUser(db, ctx.actor.userId);
      return {
        thaid: rows.some((r) => r.provider === 'thaid'),
        line: rows.some((r) => r.provider === 'line'),
        lineAvailable: clients.line !== null,
        needsRegistration: ctx.actor.personId === null && rows.some((r) => r.provider === 'thaid'),
      };
    },

    /**
     * For notifications (issue 21 §5): the LINE user id to push to for a person, or null when her
     * account has not linked LINE (or is closed). Read without a scope check: the caller decides.
     * `executor` is the caller's transaction when it has one (PGlite has one connection: reading
     * on another would wait for the transaction that waits for it).
     */
    lineUserIdOf: async (personId: number, executor: Executor = db) => (await repository.lineUserIdsOfPeople(executor, [personId])).get(personId) ?? null,

    /** The same for several people at once: person id → LINE user id, those without one absent. */
    lineUserIdsOf: (executor: Executor, personIds: readonly number[]) => repository.lineUserIdsOfPeople(executor, personIds),

    /** Housekeeping: requests never called back are forgotten. */
    forgetExpired: () => repository.deleteExpiredTransactions(db),
  };
  return service;
}

export type CitizenSignInService = ReturnType<typeof createCitizenSignInService>;
