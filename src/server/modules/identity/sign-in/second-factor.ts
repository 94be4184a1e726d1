import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema';
import type { ActorCache } from '../../../platform/auth/actor-cache';
import { recordAudit } from '../../../platform/audit/audit.service';
import { deleteUserSessions } from '../../../platform/auth/sessions';
import type { ActorContext } from '../../../platform/context';
import { Problem, problems } from '../../../platform/problem';
import { identityPolicy } from '../identity.policy';
import { findUserById } from '../identity.repository';
import type { Totp } from './totp';

type Ctx = ActorContext;

/** 401 with its own type: the web app asks for the authenticator's code and sends the form again. */
export const secondFactorRequired = () =>
  new Problem(
    401,
    'second-factor-required',
    'Code required',
    'ต้องใช้รหัสยืนยัน',
    'Enter the 6-digit code from your authenticator app.',
    'กรุณากรอกรหัส 6 หลักจากแอปยืนยันตัวตนของคุณ',
  );
export const wrongCode = () => problems.unauthenticated({ en: 'The code is wrong or has been used already.', th: 'รหัสยืนยันไม่ถูกต้องหรือถูกใช้ไปแล้ว' });

/** Staff's second factor (issue 21): the account's own set-up, confirmation and removal; identity's service spreads these in. */
export function createSecondFactorUseCases(deps: {
  db: Kysely<DB>;
  actors: ActorCache;
  totp: Totp;
  needsSecondFactor: (roles: readonly { role: string }[]) => boolean;
}) {
  const { db, actors, totp, needsSecondFactor } = deps;
  return {
    /** Staff's second factor (issue 21): whether it is set up and whether a role requires it. */
    async secondFactorStatus(ctx: Ctx) {
      const status = await totp.status(ctx.actor.userId);
      return { enrolled: status.enrolled, required: needsSecondFactor(ctx.actor.grants) };
    },

    /** A new TOTP secret for the signed-in staff member, shown once (QR and otpauth URI) until confirmed by a code. */
    async beginSecondFactor(ctx: Ctx) {
      if (!identityPolicy.worksForProgramme(ctx.actor)) {
        throw problems.forbidden({ en: 'A second factor is for staff accounts.', th: 'การยืนยันตัวตนสองชั้นมีไว้สำหรับบัญชีเจ้าหน้าที่' });
      }
      const begun = await db.transaction().execute(async (trx) => {
        const made = await totp.begin(trx, ctx.actor.userId, ctx.actor.username);
        if (made) await recordAudit(trx, ctx, { action: 'user.second_factor_begin', entityType: 'user', entityId: ctx.actor.userId });
        return made;
      });
      if (!begun) {
        throw problems.conflict({
          en: 'Your second factor is set up already; remove it first to set up another.',
          th: 'คุณตั้งค่าการยืนยันตัวตนสองชั้นไว้แล้ว หากต้องการตั้งใหม่ให้ยกเลิกของเดิมก่อน',
        });
      }
      return begun;
    },

    /** Confirms the new secret with its first code: from then on every sign-in asks for a code. */
    async confirmSecondFactor(ctx: Ctx, code: string) {
      const result = await db.transaction().execute(async (trx) => {
        const checked = await totp.check(trx, ctx.actor.userId, code, { confirm: true });
        if (checked === 'ok') await recordAudit(trx, ctx, { action: 'user.second_factor_enrol', entityType: 'user', entityId: ctx.actor.userId });
        return checked;
      });
      if (result === 'none') throw problems.conflict({ en: 'Start setting up a second factor first.', th: 'กรุณาเริ่มตั้งค่าการยืนยันตัวตนสองชั้นก่อน' });
      if (result === 'wrong') {
        throw problems.validation([
          {
            field: 'body.code',
            code: 'wrong-code',
            message: 'The code is wrong or used already; enter the one the app shows now.',
            messageTh: 'รหัสไม่ถูกต้องหรือใช้ไปแล้ว กรุณากรอกรหัสที่แอปแสดงอยู่ตอนนี้',
          },
        ]);
      }
      actors.forgetUser(ctx.actor.userId);
      return { enrolled: true, required: needsSecondFactor(ctx.actor.grants) };
    },

    /** Removes one's own second factor with a current code (not allowed where a role requires it). */
    async removeSecondFactor(ctx: Ctx, code: string) {
      if (needsSecondFactor(ctx.actor.grants)) {
        throw problems.conflict({ en: 'Your role requires a second factor.', th: 'บทบาทของคุณกำหนดให้ต้องใช้การยืนยันตัวตนสองชั้น' });
      }
      const result = await db.transaction().execute(async (trx) => {
        const checked = await totp.check(trx, ctx.actor.userId, code, { confirm: false });
        if (checked === 'ok') {
          await totp.remove(trx, ctx.actor.userId);
          await recordAudit(trx, ctx, { action: 'user.second_factor_remove', entityType: 'user', entityId: ctx.actor.userId });
        }
        return checked;
      });
      if (result === 'none') throw problems.notFound({ en: 'No second factor is set up.', th: 'ยังไม่ได้ตั้งค่าการยืนยันตัวตนสองชั้น' });
      if (result === 'wrong') {
        throw problems.validation([
          { field: 'body.code', code: 'wrong-code', message: 'The code is wrong or used already.', messageTh: 'รหัสไม่ถูกต้องหรือใช้ไปแล้ว' },
        ]);
      }
      actors.forgetUser(ctx.actor.userId);
    },

    /**
     * An administrator removes another account's second factor (a lost or replaced phone), with
     * the reason in the audit trail. The account's sessions end: at its next sign-in, a role that
     * requires a second factor can only set one up again (`mustEnrolSecondFactor`).
     */
    async resetSecondFactorOf(ctx: Ctx, userId: string, reason: string) {
      if (!identityPolicy.resetsSecondFactors(ctx.actor)) {
        throw problems.forbidden({ en: 'Only administrators reset a second factor.', th: 'เฉพาะผู้ดูแลระบบเท่านั้นที่รีเซ็ตการยืนยันตัวตนสองชั้นได้' });
      }
      if (userId === ctx.actor.userId) {
        throw problems.conflict({
          en: 'Reset your own second factor with a current code on your account page, or ask another administrator.',
          th: 'ยกเลิกการยืนยันตัวตนสองชั้นของตนเองได้ที่หน้าบัญชีของฉันด้วยรหัสปัจจุบัน หรือขอให้ผู้ดูแลระบบคนอื่นดำเนินการ',
        });
      }
      await db.transaction().execute(async (trx) => {
        if (!(await findUserById(trx, userId))) throw problems.notFound({ en: `No account has id ${userId}.`, th: 'ไม่พบบัญชีผู้ใช้นี้' });
        if ((await totp.remove(trx, userId)) === 0)
          throw problems.notFound({ en: 'This account has no second factor to reset.', th: 'บัญชีนี้ยังไม่ได้ตั้งค่าการยืนยันตัวตนสองชั้น' });
        await deleteUserSessions(trx, userId);
        await recordAudit(trx, ctx, { action: 'user.second_factor_reset', entityType: 'user', entityId: userId, after: { reason } });
      });
      actors.forgetUser(userId);
    },
  };
}
