import { GROUP_NOT_ERASED, type ModuleContract } from '../../platform/contract';

/** Training's tables (planning's labour demand included), and how enrolments follow a merge and an erasure. */
export const trainingContract: ModuleContract = {
  module: 'training',
  tables: ['curriculum', 'training_session', 'session_day', 'enrolment', 'attendance', 'labour_demand'],
  links: [
    {
      table: 'enrolment',
      column: 'person_id',
      refersTo: 'person',
      merge: {
        kind: 'move',
        unique: { columns: ['session_id'] },
        onConflict: {
          kind: 'keep',
          why: {
            en: 'One enrolment per person and session: where the survivor is already in the session, the duplicate’s enrolment stays with the merged record.',
            th: 'หนึ่งคนมีได้หนึ่งการสมัครต่อรุ่น หากระเบียนหลักอยู่ในรุ่นนั้นแล้ว การสมัครของระเบียนซ้ำคงอยู่กับระเบียนที่รวมแล้ว',
          },
        },
        touch: 'updated_at',
      },
      erase: {
        kind: 'keep',
        duty: {
          en: 'Training delivered is accounted for against public budgets; an enrolment holds no name or number once the person is erased.',
          th: 'การอบรมที่จัดต้องรายงานต่อการใช้งบประมาณแผ่นดิน และข้อมูลการสมัครไม่ระบุตัวบุคคลเมื่อลบข้อมูลบุคคลแล้ว',
        },
      },
    },
    { table: 'enrolment', column: 'group_id', refersTo: 'group', merge: { kind: 'move' }, erase: GROUP_NOT_ERASED },
  ],
};
