import { GROUP_NOT_ERASED, type ModuleContract } from '../../platform/contract';

/** Enterprise development's tables; every link is to an occupation group (no person columns). */
export const enterpriseContract: ModuleContract = {
  module: 'enterprise',
  tables: [
    'programme',
    'programme_stage',
    'programme_target',
    'participation',
    'participation_step',
    'product',
    'product_version',
    'certification',
    'field_visit',
    'visit_photo',
    'group_development',
  ],
  links: [
    {
      table: 'participation',
      column: 'group_id',
      refersTo: 'group',
      merge: {
        kind: 'move',
        unique: { columns: ['programme_code'] },
        onConflict: {
          kind: 'keep',
          why: {
            en: 'One participation per group and programme: where the surviving group already takes part, the duplicate’s path stays with the merged group.',
            th: 'หนึ่งกลุ่มเข้าร่วมโครงการได้หนึ่งครั้ง หากกลุ่มหลักเข้าร่วมอยู่แล้ว เส้นทางของกลุ่มซ้ำคงอยู่กับกลุ่มที่รวมแล้ว',
          },
        },
        touch: 'updated_at',
      },
      erase: GROUP_NOT_ERASED,
    },
    { table: 'product', column: 'group_id', refersTo: 'group', merge: { kind: 'move', touch: 'updated_at' }, erase: GROUP_NOT_ERASED },
    { table: 'field_visit', column: 'group_id', refersTo: 'group', merge: { kind: 'move', touch: 'updated_at' }, erase: GROUP_NOT_ERASED },
    {
      table: 'group_development',
      column: 'group_id',
      refersTo: 'group',
      merge: {
        kind: 'move',
        unique: { columns: [] },
        onConflict: {
          kind: 'keep',
          why: {
            en: 'A group has one development record: where the survivor has one, the duplicate’s stays with the merged group.',
            th: 'กลุ่มหนึ่งมีข้อมูลการพัฒนากลุ่มหนึ่งชุด หากกลุ่มหลักมีแล้ว ข้อมูลของกลุ่มซ้ำคงอยู่กับกลุ่มที่รวมแล้ว',
          },
        },
        touch: 'updated_at',
      },
      erase: GROUP_NOT_ERASED,
    },
  ],
};
