import type { ModuleContract } from '../../platform/contract';

/** Identity's tables, and how a citizen's account follows a merge and an erasure of their record. */
export const identityContract: ModuleContract = {
  module: 'identity',
  tables: ['app_user', 'role_assignment', 'sign_in_failure', 'external_identity', 'oidc_transaction', 'user_totp'],
  links: [
    {
      table: 'app_user',
      column: 'person_id',
      refersTo: 'person',
      merge: {
        kind: 'move',
        unique: { columns: [] },
        onConflict: {
          kind: 'keep',
          why: {
            en: 'One citizen account per person: where the survivor has an account, the duplicate’s stays with the merged record.',
            th: 'หนึ่งคนมีบัญชีผู้ใช้ได้บัญชีเดียว หากระเบียนหลักมีบัญชีแล้ว บัญชีของระเบียนซ้ำคงอยู่กับระเบียนที่รวมแล้ว',
          },
        },
        touch: 'updated_at',
      },
      // The account carries the person's name; it is closed (a disabled account signs nobody in).
      erase: { kind: 'anonymise', set: { display_name: 'ลบข้อมูลแล้ว', email: null, status: 'disabled' } },
    },
  ],
};
