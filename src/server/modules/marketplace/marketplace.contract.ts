import { GROUP_NOT_ERASED, type ModuleContract } from '../../platform/contract';

/** The marketplace's tables; its links are to occupation groups, and to the member who gave a group's consent. */
export const marketplaceContract: ModuleContract = {
  module: 'marketplace',
  tables: [
    'listing',
    'listing_photo',
    'listing_photo_size',
    'channel_account',
    'channel_consent',
    'partner_advisor',
    'sales_report',
    'sales_order',
    'marketplace_sweep',
  ],
  links: [
    { table: 'listing', column: 'group_id', refersTo: 'group', merge: { kind: 'move', touch: 'updated_at' }, erase: GROUP_NOT_ERASED },
    {
      table: 'channel_account',
      column: 'group_id',
      refersTo: 'group',
      merge: {
        kind: 'move',
        unique: { columns: ['channel'] },
        onConflict: {
          kind: 'keep',
          why: {
            en: 'One account per group and channel: where the surviving group has one, the duplicate’s stays with the merged group.',
            th: 'หนึ่งกลุ่มมีบัญชีร้านค้าได้หนึ่งบัญชีต่อช่องทาง หากกลุ่มหลักมีแล้ว บัญชีของกลุ่มซ้ำคงอยู่กับกลุ่มที่รวมแล้ว',
          },
        },
        touch: 'updated_at',
      },
      erase: GROUP_NOT_ERASED,
    },
    {
      table: 'channel_consent',
      column: 'group_id',
      refersTo: 'group',
      merge: {
        kind: 'move',
        unique: { columns: ['channel'], whileNull: 'withdrawn_at' },
        onConflict: {
          kind: 'close',
          column: 'withdrawn_at',
          at: 'now',
          why: {
            en: 'One standing consent per group and partner: the survivor’s stands, the duplicate’s is withdrawn as superseded and kept as history.',
            th: 'หนึ่งกลุ่มมีความยินยอมที่มีผลได้หนึ่งรายการต่อพันธมิตร ของกลุ่มหลักมีผลต่อ ของกลุ่มซ้ำถือว่าถอนและเก็บเป็นประวัติ',
          },
        },
      },
      erase: GROUP_NOT_ERASED,
    },
    {
      // The member (the leader) who gave the group's consent: the consent is the group's and
      // stands; it points at a record that names no one once erased, and its evidence note (which
      // may describe the signed form and its signer) goes.
      table: 'channel_consent',
      column: 'given_by_person_id',
      refersTo: 'person',
      merge: { kind: 'move' },
      erase: { kind: 'anonymise', set: { evidence: null } },
    },
    {
      table: 'sales_report',
      column: 'group_id',
      refersTo: 'group',
      merge: {
        kind: 'move',
        unique: { columns: ['channel', 'month'] },
        onConflict: {
          kind: 'keep',
          why: {
            en: 'One report per group, channel and month: where the survivor reported that month, the duplicate’s report stays with the merged group.',
            th: 'หนึ่งกลุ่มรายงานยอดขายได้หนึ่งรายการต่อช่องทางต่อเดือน หากกลุ่มหลักรายงานเดือนนั้นแล้ว รายงานของกลุ่มซ้ำคงอยู่กับกลุ่มที่รวมแล้ว',
          },
        },
        touch: 'updated_at',
      },
      erase: GROUP_NOT_ERASED,
    },
    {
      table: 'sales_order',
      column: 'group_id',
      refersTo: 'group',
      merge: {
        kind: 'move',
        unique: { columns: ['channel', 'order_ref'] },
        onConflict: {
          kind: 'keep',
          why: {
            en: 'An order is stored once; the same order imported for both groups stays with the merged one.',
            th: 'คำสั่งซื้อหนึ่งรายการบันทึกครั้งเดียว หากนำเข้าให้ทั้งสองกลุ่ม รายการของกลุ่มซ้ำคงอยู่กับกลุ่มที่รวมแล้ว',
          },
        },
      },
      erase: GROUP_NOT_ERASED,
    },
  ],
};
