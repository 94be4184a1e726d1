import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Capability } from '../../../shared/capabilities';
import type { Config } from '../../config';
import type { AppUser, DB } from '../../db/schema';
import { ROLES, type Actor, type Role } from '../../platform/auth/actor';
import { checkNewPassword, decoyPasswordHash, generateOneTimePassword, hashPassword, verifyPassword } from '../../platform/auth/passwords';
import type { ActorCache } from '../../platform/auth/actor-cache';
import { createSession, deleteSession, deleteUserSessions } from '../../platform/auth/sessions';
import { recordAudit } from '../../platform/audit/audit.service';
import type { ActorContext, RequestContext } from '../../platform/context';
import { problems, type FieldError } from '../../platform/problem';
import { createTotp } from './sign-in/totp';
import { createSecondFactorUseCases, secondFactorRequired, wrongCode } from './sign-in/second-factor';
import * as signInRepository from './sign-in/sign-in.repository';
import type { OrgService } from '../org/org.service';
import { GOVERNMENT_ROLES, identityPolicy, ROLES_NEEDING_UNIT, ROLES_WITHOUT_UNIT } from './identity.policy';
import * as repository from './identity.repository';
import { createEmployerAccount } from './employer-account';
import { auditedUser, presentUser, presentUserToAdmin, rolesByUser, type NamedRole, type RoleInput } from './identity.present';

export type { RoleInput, UserView } from './identity.present';
export { auditedUser };
import { failureDelayMs, pairBlockMs, retryAfterSeconds } from './sign-in.rules';

type Ctx = ActorContext;

/** A citizen account's name fields are her personal data: in the trail, encrypted under her key. */
const PERSONAL_USER_FIELDS = ['username', 'displayName', 'email'] as const;
const personalOf = (user: Pick<AppUser, 'person_id'>) => (user.person_id === null ? {} : { subjectPersonId: user.person_id, personal: PERSONAL_USER_FIELDS });

/**
 * The provinces the actor's government roles cover (null: nationwide); [] when they hold none. A
 * citizen's or partner's role has no unit, which is not "the whole country": their scope is their
 * own records.
 */
const areaOf = (actor: Actor): string[] | null => {
  const grants = actor.grants.filter((g) => GOVERNMENT_ROLES.includes(g.role));
  if (grants.some((g) => g.provinceCodes === null)) return null;
  return [...new Set(grants.flatMap((g) => g.provinceCodes ?? []))].sort();
};

const invalidCredentials = () => problems.unauthenticated({ en: 'The username or password is wrong.', th: 'ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง' });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function createIdentityService(deps: {
  db: Kysely<DB>;
  org: OrgService;
  config: Config;
  actors: ActorCache;
  /** What the actor may use, asked of every module's policies (modules/capabilities.ts, handed in by app.ts). */
  capabilitiesOf: (actor: Actor) => Capability[];
  /** The key-encryption key: seals staff's TOTP secrets (issue 21). */
  kek: () => Buffer;
}) {
  const { db, org, config, actors, capabilitiesOf } = deps;
  const totp = createTotp({ db, kek: deps.kek });
  /** Holds a role for which the configuration requires a second factor. */
  const needsSecondFactor = (roles: readonly { role: string }[]) => roles.some((r) => (config.totpRequiredRoles as readonly string[]).includes(r.role));

  /** The users' roles with their units' names (org's). */
  const rolesOf = async (userIds: readonly string[]): Promise<NamedRole[]> => {
    const rows = await repository.rolesOf(db, userIds);
    const units = await org.unitNames(rows.flatMap((r) => (r.unit_code ? [r.unit_code] : [])));
    return rows.map((r) => ({ ...r, unit_name_th: units.get(r.unit_code ?? '')?.nameTh ?? null, unit_name_en: units.get(r.unit_code ?? '')?.nameEn ?? null }));
  };

  const requireManager = (ctx: Ctx) => {
    if (!identityPolicy.canManageUsers(ctx.actor)) {
      throw problems.forbidden({ en: 'Only system administrators manage accounts.', th: 'เฉพาะผู้ดูแลระบบเท่านั้นที่จัดการบัญชีผู้ใช้ได้' });
    }
  };

  /** Checks each role against the rules for units, naming the offending entry. */
  const validateRoles = async (roles: RoleInput[]): Promise<void> => {
    const errors: FieldError[] = [];
    const areas = await org.unitAreas(roles.flatMap((r) => (r.unitCode ? [r.unitCode] : [])));
    const seen = new Set<string>();
    roles.forEach((r, i) => {
      const field = `body.roles[${i}]`;
      const key = `${r.role}@${r.unitCode ?? ''}`;
      if (seen.has(key)) errors.push({ field, code: 'duplicate', message: 'This role is listed twice.', messageTh: 'ระบุบทบาทนี้ซ้ำ' });
      seen.add(key);
      if (ROLES_NEEDING_UNIT.includes(r.role) && !r.unitCode) {
        errors.push({
          field: `${field}.unitCode`,
          code: 'required',
          message: `The ${r.role} role needs a unit; its provinces become the scope.`,
          messageTh: 'บทบาทนี้ต้องระบุหน่วยงาน เพื่อกำหนดพื้นที่รับผิดชอบ',
        });
      }
      if (ROLES_WITHOUT_UNIT.includes(r.role) && r.unitCode) {
        errors.push({
          field: `${field}.unitCode`,
          code: 'not-allowed',
          message: `The ${r.role} role is not held in a government unit.`,
          messageTh: 'บทบาทนี้ไม่สังกัดหน่วยงานราชการ',
        });
      }
      if (r.unitCode && !areas.has(r.unitCode)) {
        errors.push({
          field: `${field}.unitCode`,
          code: 'unknown-unit',
          message: `No unit has code ${r.unitCode}.`,
          messageTh: `ไม่พบหน่วยงานรหัส ${r.unitCode}`,
        });
      }
    });
    if (errors.length) throw problems.validation(errors);
  };

  const rolesInputOf = (rows: repository.RoleRow[]): RoleInput[] => rows.map((r) => ({ role: r.role as Role, unitCode: r.unit_code }));

  const service = {
    /** The actor behind a session: roles with their units' provinces. Null for disabled users. */
    async loadActor(userId: string): Promise<Actor | null> {
      const user = await repository.findUserById(db, userId);
      if (!user || user.status !== 'active') return null;
      const roles = await repository.rolesOf(db, [userId]);
      const areas = await org.unitAreas(roles.flatMap((r) => (r.unit_code ? [r.unit_code] : [])));
      const mustEnrolSecondFactor = needsSecondFactor(roles) && !(await totp.status(user.id)).enrolled;
      return {
        ...(mustEnrolSecondFactor ? { mustEnrolSecondFactor } : {}),
        userId: user.id,
        username: user.username,
        displayName: user.display_name,
        mustChangePassword: user.must_change_password,
        personId: user.person_id,
        grants: roles.map((r) => ({
          role: r.role as Role,
          unitCode: r.unit_code,
          provinceCodes: r.unit_code ? (areas.get(r.unit_code) ?? []) : null,
        })),
      };
    },

    /** The signed-in person's own account, with the provinces their roles cover. */
    /** For other modules: the names of users who acted (timelines, sheets), by id. */
    async displayNames(userIds: readonly string[]) {
      const rows = await repository.displayNamesOf(db, [...new Set(userIds)]);
      return new Map(rows.map((u) => [u.id, u.display_name]));
    },

    /** For other modules: each user's roles with their units' names (who looked at a record, for its owner). */
    async rolesOfUsers(userIds: readonly string[]) {
      return rolesByUser(await rolesOf([...new Set(userIds)]));
    },

    async me(ctx: Ctx) {
      const user = await repository.findUserById(db, ctx.actor.userId);
      if (!user) throw problems.unauthenticated();
      const roles = await rolesOf([user.id]);
      return {
        ...presentUser(user, roles),
        scopeProvinceCodes: areaOf(ctx.actor),
        capabilities: capabilitiesOf(ctx.actor),
        mustEnrolSecondFactor: Boolean(ctx.actor.mustEnrolSecondFactor),
        secondFactor: (await totp.status(user.id)).enrolled,
      };
    },

    /**
     * Known and unknown names take the same path (issue 15 §6): the pacing is read for the
     * address and name pair whether or not the name exists, a password is verified either way
     * (against a decoy hash for an unknown name), a failure is counted, audited and delayed alike,
     * and the answer is the same. No account is locked for everyone: a pair that keeps failing
     * waits (429 with Retry-After), and a name guessed from many addresses is paced.
     */
    async signIn(ctx: RequestContext, input: { username: string; password: string; code?: string; userAgent?: string }) {
      const username = input.username.trim().toLowerCase();
      const nameHash = createHash('sha256').update(`archeep-sign-in:${username}`).digest('hex');
      const ip = ctx.ip ?? 'unknown';
      const pace = { maxFailures: config.loginMaxFailures, lockMinutes: config.loginLockMinutes };
      const wait = retryAfterSeconds(await repository.signInPace(db, ip, nameHash, pace.lockMinutes), new Date(), pace);
      if (wait > 0) throw problems.tooManyRequests(wait);
      const user = await repository.findUserByUsername(db, username);
      const passwordOk = await verifyPassword(user?.password_hash ?? (await decoyPasswordHash()), input.password);
      // Issue 21: with a second factor, the right password alone is not enough; a wrong or reused
      // code counts as a failure of the pair, paced like a wrong password.
      const second = user && passwordOk && user.status === 'active' ? await totp.status(user.id) : null;
      if (second?.enrolled && !input.code) throw secondFactorRequired();
      const codeOk = second?.enrolled ? (await totp.check(db, user!.id, input.code!, { confirm: false })) === 'ok' : true;
      if (!user || !passwordOk || user.status !== 'active' || !codeOk) {
        const failures = await db.transaction().execute(async (trx) => {
          const count = await repository.recordSignInFailure(trx, ip, nameHash, pace.lockMinutes);
          const blockMs = pairBlockMs(count, pace);
          if (blockMs > 0) await repository.blockSignInPair(trx, ip, nameHash, new Date(Date.now() + blockMs));
          // The name as typed stays out of the trail (it may be anyone's ID or a password typed in
          // the wrong box): its hash links the failures of one name.
          await recordAudit(trx, ctx, {
            action: blockMs > 0 ? 'session.sign_in_paced' : 'session.sign_in_failed',
            entityType: 'user',
            entityId: user?.id ?? null,
            after: {
              nameHash: nameHash.slice(0, 16),
              failures: count,
              reason: !user ? 'unknown-user' : !passwordOk ? 'wrong-password' : !codeOk ? 'wrong-code' : 'disabled',
            },
          });
          return count;
        });
        // Each failure in a row waits longer, so guessing slows down well before the pair's block.
        await sleep(failureDelayMs(failures, config.loginFailureDelayMs));
        throw passwordOk && !codeOk ? wrongCode() : invalidCredentials();
      }
      await repository.clearSignInPair(db, ip, nameHash);
      const session = await db.transaction().execute(async (trx) => {
        await repository.updateUser(trx, user.id, { failed_sign_ins: 0, locked_until: null, last_sign_in_at: new Date() });
        const created = await createSession(trx, { userId: user.id, ttlHours: config.sessionTtlHours, ip: ctx.ip, userAgent: input.userAgent });
        // The request had no actor yet; the event is the user's own.
        const self: Actor = {
          userId: user.id,
          username: user.username,
          displayName: user.display_name,
          mustChangePassword: user.must_change_password,
          grants: [],
          personId: user.person_id,
        };
        await recordAudit(
          trx,
          { ...ctx, actor: self },
          { action: 'session.sign_in', entityType: 'user', entityId: user.id, ...(second?.enrolled ? { after: { method: 'password+totp' } } : {}) },
        );
        return created;
      });
      const actor = await service.loadActor(user.id);
      return { ...session, me: await service.me({ ...ctx, actor: actor! }) };
    },

    async signOut(ctx: Ctx, token: string) {
      await db.transaction().execute(async (trx) => {
        await deleteSession(trx, token);
        await recordAudit(trx, ctx, { action: 'session.sign_out', entityType: 'user', entityId: ctx.actor.userId });
      });
      actors.forgetToken(token);
    },

    /** Replaces the password (the one-time one included) and ends the user's other sessions. */
    async changePassword(ctx: Ctx, token: string, input: { currentPassword: string; newPassword: string }) {
      const user = await repository.findUserById(db, ctx.actor.userId);
      if (!user) throw problems.unauthenticated();
      if (!(await verifyPassword(user.password_hash, input.currentPassword))) {
        throw problems.validation([
          { field: 'body.currentPassword', code: 'wrong', message: 'The current password is wrong.', messageTh: 'รหัสผ่านปัจจุบันไม่ถูกต้อง' },
        ]);
      }
      const rule = checkNewPassword(input.newPassword, user.username);
      if (rule) throw problems.validation([{ field: 'body.newPassword', code: rule.code, message: rule.message, messageTh: rule.messageTh }]);
      if (input.newPassword === input.currentPassword) {
        throw problems.validation([
          {
            field: 'body.newPassword',
            code: 'unchanged',
            message: 'Choose a password different from the current one.',
            messageTh: 'รหัสผ่านใหม่ต้องไม่ซ้ำกับรหัสผ่านเดิม',
          },
        ]);
      }
      const passwordHash = await hashPassword(input.newPassword);
      await db.transaction().execute(async (trx) => {
        await repository.updateUser(trx, user.id, { password_hash: passwordHash, must_change_password: false });
        await deleteUserSessions(trx, user.id, token);
        await recordAudit(trx, ctx, { action: 'user.password_change', entityType: 'user', entityId: user.id });
      });
      actors.forgetUser(user.id);
    },

    async listUsers(ctx: Ctx, filter: repository.UserFilter) {
      if (!identityPolicy.canReadUsers(ctx.actor)) {
        throw problems.forbidden({ en: 'Your role does not include reading accounts.', th: 'บทบาทของคุณไม่มีสิทธิ์ดูบัญชีผู้ใช้' });
      }
      const { rows, total } = await repository.listUsers(db, filter);
      const roles = await rolesOf(rows.map((r) => r.id));
      return { items: rows.map((u) => presentUserToAdmin(u, roles)), total };
    },

    /**
     * Active accounts holding a role, with their units: what another module needs to offer a
     * choice of people (the assessors for an assessment event), read without a scope check.
     */
    async holdersOf(role: Role, userIds?: readonly string[]) {
      const { rows } = await repository.listUsers(db, { role, status: 'active', limit: 1000, offset: 0 });
      const wanted = userIds ? rows.filter((u) => userIds.includes(u.id)) : rows;
      const roles = await rolesOf(wanted.map((u) => u.id));
      return wanted.map((u) => ({
        id: u.id,
        username: u.username,
        displayName: u.display_name,
        units: roles.filter((r) => r.user_id === u.id && r.role === role).map((r) => ({ code: r.unit_code, nameTh: r.unit_name_th, nameEn: r.unit_name_en })),
      }));
    },

    async getUser(ctx: Ctx, id: string) {
      if (!identityPolicy.canReadUsers(ctx.actor) && ctx.actor.userId !== id) {
        throw problems.forbidden({ en: 'Your role does not include reading accounts.', th: 'บทบาทของคุณไม่มีสิทธิ์ดูบัญชีผู้ใช้' });
      }
      const user = await repository.findUserById(db, id);
      if (!user) throw problems.notFound({ en: `No account has id ${id}.`, th: 'ไม่พบบัญชีผู้ใช้นี้' });
      const roles = await rolesOf([id]);
      const secondFactorEnrolled = (await totp.status(id)).enrolled;
      return { ...(ctx.actor.userId === id ? presentUser(user, roles) : presentUserToAdmin(user, roles)), secondFactorEnrolled };
    },

    /** Creates an account with a one-time password, returned once for the administrator to hand over. */
    async createUser(ctx: Ctx, input: { username: string; displayName: string; email?: string | null; locale?: 'th' | 'en'; roles: RoleInput[] }) {
      requireManager(ctx);
      await validateRoles(input.roles);
      const oneTimePassword = generateOneTimePassword();
      const passwordHash = await hashPassword(oneTimePassword);
      const user = await db.transaction().execute(async (trx) => {
        if (await repository.findUserByUsername(trx, input.username)) {
          throw problems.conflict({ en: `The username ${input.username} is taken.`, th: `ชื่อผู้ใช้ ${input.username} มีผู้ใช้แล้ว` }, [
            { field: 'body.username', code: 'taken', message: 'This username is taken.', messageTh: 'ชื่อผู้ใช้นี้มีผู้ใช้แล้ว' },
          ]);
        }
        const created = await repository.insertUser(trx, {
          username: input.username,
          display_name: input.displayName,
          email: input.email ?? null,
          locale: input.locale ?? 'th',
          password_hash: passwordHash,
          must_change_password: true,
        });
        await repository.replaceRoles(trx, created.id, input.roles);
        await recordAudit(trx, ctx, { action: 'user.create', entityType: 'user', entityId: created.id, after: auditedUser(created, input.roles) });
        return created;
      });
      return { user: presentUser(user, await rolesOf([user.id])), oneTimePassword };
    },

    async updateUser(
      ctx: Ctx,
      id: string,
      patch: { displayName?: string; email?: string | null; locale?: 'th' | 'en'; status?: 'active' | 'disabled'; roles?: RoleInput[] },
    ) {
      requireManager(ctx);
      if (patch.roles) await validateRoles(patch.roles);
      if (id === ctx.actor.userId && (patch.status === 'disabled' || (patch.roles && !patch.roles.some((r) => r.role === 'system_admin')))) {
        throw problems.conflict({
          en: 'You cannot disable your own account or remove your own administrator role.',
          th: 'ไม่สามารถระงับบัญชีหรือถอดสิทธิ์ผู้ดูแลระบบของตนเองได้',
        });
      }
      const updated = await db.transaction().execute(async (trx) => {
        const before = await repository.findUserById(trx, id);
        if (!before) throw problems.notFound({ en: `No account has id ${id}.`, th: 'ไม่พบบัญชีผู้ใช้นี้' });
        const rolesBefore = rolesInputOf(await repository.rolesOf(trx, [id]));
        const after = await repository.updateUser(trx, id, {
          ...(patch.displayName !== undefined ? { display_name: patch.displayName } : {}),
          ...(patch.email !== undefined ? { email: patch.email } : {}),
          ...(patch.locale !== undefined ? { locale: patch.locale } : {}),
          ...(patch.status !== undefined ? { status: patch.status } : {}),
        });
        if (patch.roles) await repository.replaceRoles(trx, id, patch.roles);
        if (patch.status === 'disabled') await deleteUserSessions(trx, id);
        await recordAudit(trx, ctx, {
          action: 'user.update',
          entityType: 'user',
          entityId: id,
          before: auditedUser(before, rolesBefore),
          after: auditedUser(after, patch.roles ?? rolesBefore),
          ...personalOf(before),
        });
        return after;
      });
      actors.forgetUser(id);
      return presentUserToAdmin(updated, await rolesOf([id]));
    },

    /**
     * A citizen's own account for a registered person, with a one-time password the officer hands
     * over. Only the registry calls this, after checking that the officer may act for the person.
     */
    async createCitizenAccount(ctx: Ctx, input: { personId: number; username: string; displayName: string }) {
      const oneTimePassword = generateOneTimePassword();
      const passwordHash = await hashPassword(oneTimePassword);
      const user = await db.transaction().execute(async (trx) => {
        const existing = await repository.findUserByPerson(trx, input.personId);
        if (existing) {
          throw problems.conflict({
            en: `This person already has an account (${existing.username}); reset its password instead.`,
            th: `บุคคลนี้มีบัญชีผู้ใช้แล้ว (${existing.username}) ให้รีเซ็ตรหัสผ่านแทน`,
          });
        }
        if (await repository.findUserByUsername(trx, input.username)) {
          throw problems.conflict({ en: `The username ${input.username} is taken.`, th: `ชื่อผู้ใช้ ${input.username} มีผู้ใช้แล้ว` }, [
            { field: 'body.username', code: 'taken', message: 'This username is taken.', messageTh: 'ชื่อผู้ใช้นี้มีผู้ใช้แล้ว' },
          ]);
        }
        const created = await repository.insertUser(trx, {
          username: input.username,
          display_name: input.displayName,
          email: null,
          locale: 'th',
          password_hash: passwordHash,
          must_change_password: true,
          person_id: input.personId,
        });
        const roles: RoleInput[] = [{ role: 'citizen', unitCode: null }];
        await repository.replaceRoles(trx, created.id, roles);
        await recordAudit(trx, ctx, {
          action: 'user.create_citizen',
          entityType: 'user',
          entityId: created.id,
          after: { ...auditedUser(created, roles), personId: input.personId },
          subjectPersonId: input.personId,
          personal: PERSONAL_USER_FIELDS,
        });
        return created;
      });
      return { user: presentUser(user, await rolesOf([user.id])), oneTimePassword };
    },

    /**
     * In the erasure's transaction (issue 15 §1): the person's accounts are closed (disabled,
     * renamed, name and e-mail gone) and their sessions end, so the account neither signs in nor
     * answers with a session opened before. Returns the accounts closed.
     */
    async closeAccountsOf(trx: Transaction<DB>, personId: number): Promise<string[]> {
      const closed = await repository.closeAccountsOfPerson(trx, personId);
      // Issue 21: the closed accounts' ThaiD and LINE links (her national ID, her LINE id) and second factor go too.
      await signInRepository.deleteIdentitiesOfUsers(
        trx,
        closed.map((c) => c.id),
      );
      for (const { id } of closed) {
        await totp.remove(trx, id);
        await deleteUserSessions(trx, id);
        actors.forgetUser(id);
      }
      return closed.map((c) => c.id);
    },

    /** Housekeeping: failures older than a day are forgotten. */
    async forgetOldSignInFailures() {
      await repository.forgetOldSignInFailures(db);
    },

    /** After the erasure commits: no cached session of these accounts is honoured any longer. */
    forgetAccounts(userIds: readonly string[]) {
      for (const id of userIds) actors.forgetUser(id);
    },

    /** An employer's own account with the password its holder chose (employer-account.ts); employment calls it. */
    createEmployerAccount,

    /** The citizen account of a person, if any. */
    async citizenAccountOf(personId: number) {
      const user = await repository.findUserByPerson(db, personId);
      return user ? { id: user.id, username: user.username, status: user.status, mustChangePassword: user.must_change_password } : null;
    },

    /** Issues a new one-time password, unlocks the account and ends its sessions. */
    async resetPassword(ctx: Ctx, id: string) {
      requireManager(ctx);
      const oneTimePassword = generateOneTimePassword();
      const passwordHash = await hashPassword(oneTimePassword);
      await db.transaction().execute(async (trx) => {
        const user = await repository.findUserById(trx, id);
        if (!user) throw problems.notFound({ en: `No account has id ${id}.`, th: 'ไม่พบบัญชีผู้ใช้นี้' });
        await repository.updateUser(trx, id, { password_hash: passwordHash, must_change_password: true, failed_sign_ins: 0, locked_until: null });
        await deleteUserSessions(trx, id);
        await recordAudit(trx, ctx, { action: 'user.password_reset', entityType: 'user', entityId: id });
      });
      actors.forgetUser(id);
      return { oneTimePassword };
    },

    ...createSecondFactorUseCases({ db, actors, totp, needsSecondFactor }),

    /**
     * On a database without accounts, creates the first administrator and returns its one-time
     * password for the console; otherwise null.
     */
    async ensureFirstAdministrator(ctx: RequestContext): Promise<{ username: string; oneTimePassword: string } | null> {
      if ((await repository.countUsers(db)) > 0) return null;
      const oneTimePassword = generateOneTimePassword();
      const passwordHash = await hashPassword(oneTimePassword);
      return db.transaction().execute(async (trx) => {
        if ((await repository.countUsers(trx)) > 0) return null;
        const admin = await repository.insertUser(trx, {
          username: 'admin',
          display_name: 'ผู้ดูแลระบบ (Administrator)',
          password_hash: passwordHash,
          must_change_password: true,
        });
        const roles: RoleInput[] = [{ role: 'system_admin', unitCode: null }];
        await repository.replaceRoles(trx, admin.id, roles);
        await recordAudit(trx, ctx, { action: 'user.create', entityType: 'user', entityId: admin.id, after: auditedUser(admin, roles) });
        return { username: admin.username, oneTimePassword };
      });
    },
  };
  return service;
}

export type IdentityService = ReturnType<typeof createIdentityService>;
export { ROLES };
