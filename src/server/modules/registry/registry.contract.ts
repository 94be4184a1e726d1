import { GROUP_NOT_ERASED, NOW, ifNull, type ModuleContract } from '../../platform/contract';

/** The registry's tables, and how its links to people and groups follow a merge and an erasure. */
export const registryContract: ModuleContract = {
  module: 'registry',
  tables: [
    'person',
    'consent',
    'occupation_group',
    'group_membership',
    'registry_event',
    'import_file',
    'import_batch',
    'import_row_error',
    'import_subject',
    // 0008: what officers of a unit mapped by hand (values, columns), for the unit's next file.
    'import_value_memory',
    'import_column_memory',
  ],
  links: [
    {
      // Records merged into the duplicate before now point to the survivor; their documents follow.
      table: 'person',
      column: 'merged_into',
      refersTo: 'person',
      merge: { kind: 'move' },
      erase: {
        kind: 'keep',
        duty: {
          en: 'A merged record keeps pointing at its survivor so that its document still finds the person; it holds no name once erased.',
          th: 'ระเบียนที่รวมแล้วยังชี้ไปยังระเบียนหลัก เพื่อให้ค้นหาด้วยเลขเอกสารเดิมได้',
        },
      },
    },
    {
      table: 'consent',
      column: 'person_id',
      refersTo: 'person',
      merge: {
        kind: 'move',
        unique: { columns: ['purpose'], whileNull: 'withdrawn_at' },
        onConflict: {
          kind: 'close',
          column: 'withdrawn_at',
          at: 'now',
          note: { column: 'evidence', text: 'superseded by merge into person {survivor}' },
          why: {
            en: 'One standing consent per purpose: the survivor’s stands, the duplicate’s is withdrawn as superseded and kept as history.',
            th: 'ความยินยอมที่มีผลมีได้หนึ่งรายการต่อวัตถุประสงค์ ของระเบียนหลักมีผลต่อ ของระเบียนซ้ำถือว่าถอนและเก็บเป็นประวัติ',
          },
        },
      },
      // Standing consents end; the evidence note (it may name the person) goes; the history of what was consented stays.
      erase: { kind: 'anonymise', set: { withdrawn_at: ifNull(NOW), evidence: null } },
    },
    {
      table: 'group_membership',
      column: 'person_id',
      refersTo: 'person',
      merge: {
        kind: 'move',
        unique: { columns: ['group_id'], whileNull: 'left_on' },
        onConflict: {
          kind: 'close',
          column: 'left_on',
          at: 'today',
          notBefore: 'joined_on',
          note: { column: 'left_reason', text: 'merged into person {survivor}' },
          why: {
            en: 'One current membership per person and group: the duplicate’s ends today and moves as history.',
            th: 'สมาชิกภาพที่มีผลมีได้หนึ่งรายการต่อกลุ่ม ของระเบียนซ้ำสิ้นสุดวันนี้และย้ายไปเป็นประวัติ',
          },
        },
      },
      erase: {
        kind: 'keep',
        duty: {
          en: 'Group history (who held which role when) keeps the groups’ statistics true and names no one once the person is erased.',
          th: 'ประวัติสมาชิกภาพทำให้สถิติของกลุ่มถูกต้อง และไม่ระบุตัวบุคคลเมื่อลบข้อมูลบุคคลแล้ว',
        },
      },
    },
    { table: 'group_membership', column: 'group_id', refersTo: 'group', merge: { kind: 'move' }, erase: GROUP_NOT_ERASED },
    {
      table: 'registry_event',
      column: 'person_id',
      refersTo: 'person',
      merge: { kind: 'move' },
      erase: {
        kind: 'delete',
        keepWhereSet: {
          column: 'group_id',
          duty: { en: 'A group’s own timeline keeps its events (joined, left).', th: 'เหตุการณ์ของกลุ่ม (เข้าร่วม ออกจากกลุ่ม) อยู่ในประวัติของกลุ่มต่อไป' },
        },
      },
    },
    { table: 'registry_event', column: 'group_id', refersTo: 'group', merge: { kind: 'move' }, erase: GROUP_NOT_ERASED },
  ],
};
