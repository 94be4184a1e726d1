import { NOW, ifNull, type ModuleContract } from '../../platform/contract';

/** What an erasure writes over a credential: no name, no signed document, and revoked. */
export const ERASED_HOLDER = 'ลบข้อมูลแล้ว';

/** Credentials' tables, and how a holder's credentials follow a merge and an erasure. */
export const credentialsContract: ModuleContract = {
  module: 'credentials',
  tables: ['credential', 'issuer_key', 'status_list'],
  links: [
    {
      table: 'credential',
      column: 'person_id',
      refersTo: 'person',
      merge: { kind: 'move' },
      // The printed name and the signed document that carries it go, and the credential no longer
      // vouches for anyone; the credentials service also revokes it in the status list (`returning`).
      erase: {
        kind: 'anonymise',
        set: {
          holder_name_th: ERASED_HOLDER,
          holder_name_en: null,
          document: null,
          status: 'revoked',
          revoked_at: ifNull(NOW),
          revoked_reason: ifNull('holder erased on request'),
        },
        returning: ['status_list_id', 'status_index'],
      },
    },
  ],
};
