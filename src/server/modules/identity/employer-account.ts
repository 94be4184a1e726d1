import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import { recordAudit } from '../../platform/audit/audit.service';
import { checkNewPassword, hashPassword } from '../../platform/auth/passwords';
import type { RequestContext } from '../../platform/context';
import { problems } from '../../platform/problem';
import { auditedUser, type RoleInput } from './identity.present';
import * as repository from './identity.repository';

/**
 * An employer's own account (role employer, no unit), with the password its holder chose when
 * registering (the rules of a password change apply). Only the employment module calls this,
 * inside its registration transaction.
 */
export async function createEmployerAccount(
  trx: Transaction<DB>,
  ctx: RequestContext,
  input: { username: string; displayName: string; email?: string | null; password: string },
) {
  const rule = checkNewPassword(input.password, input.username);
  if (rule) throw problems.validation([{ field: 'body.password', code: rule.code, message: rule.message, messageTh: rule.messageTh }]);
  if (await repository.findUserByUsername(trx, input.username)) {
    throw problems.conflict({ en: `The username ${input.username} is taken.`, th: `ชื่อผู้ใช้ ${input.username} มีผู้ใช้แล้ว` }, [
      { field: 'body.username', code: 'taken', message: 'This username is taken.', messageTh: 'ชื่อผู้ใช้นี้มีผู้ใช้แล้ว' },
    ]);
  }
  const created = await repository.insertUser(trx, {
    username: input.username,
    display_name: input.displayName,
    email: input.email ?? null,
    locale: 'th',
    password_hash: await hashPassword(input.password),
    must_change_password: false,
  });
  const roles: RoleInput[] = [{ role: 'employer', unitCode: null }];
  await repository.replaceRoles(trx, created.id, roles);
  await recordAudit(trx, ctx, { action: 'user.create_employer', entityType: 'user', entityId: created.id, after: auditedUser(created, roles) });
  return { id: created.id, username: created.username };
}
