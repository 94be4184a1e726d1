import { type ModuleContract } from '../../platform/contract';

const ERASED = 'ลบข้อมูลแล้ว';

/** Competency's tables, and how experience and candidacies follow a merge and an erasure. */
export const competencyContract: ModuleContract = {
  module: 'competency',
  tables: [
    'competency_standard',
    'competency_unit',
    'prior_experience',
    'assessment_event',
    'assessment_assessor',
    'assessment_candidate',
    'assessment_result',
  ],
  links: [
    {
      table: 'prior_experience',
      column: 'person_id',
      refersTo: 'person',
      merge: {
        kind: 'move',
        unique: { columns: ['standard_code'], whileNull: 'withdrawn_at' },
        onConflict: {
          kind: 'close',
          column: 'withdrawn_at',
          at: 'now',
          note: { column: 'withdrawn_reason', text: 'superseded by merge into person {survivor}' },
          why: {
            en: 'One current experience record per standard: the survivor’s stands, the duplicate’s is withdrawn as superseded and kept as history.',
            th: 'ประสบการณ์ที่มีผลมีได้หนึ่งรายการต่อมาตรฐาน ของระเบียนหลักมีผลต่อ ของระเบียนซ้ำถือว่าถอนและเก็บเป็นประวัติ',
          },
        },
      },
      // What the officer wrote about the person's work and evidence may identify them.
      erase: { kind: 'anonymise', set: { summary: ERASED, evidence: ERASED } },
    },
    {
      table: 'assessment_candidate',
      column: 'person_id',
      refersTo: 'person',
      merge: {
        kind: 'move',
        unique: { columns: ['event_id'] },
        onConflict: {
          kind: 'keep',
          why: {
            en: 'One candidacy per person and event: where the survivor is a candidate of the same event, the duplicate’s stays with the merged record.',
            th: 'หนึ่งคนเป็นผู้เข้ารับการประเมินได้ครั้งเดียวต่อการประเมิน หากระเบียนหลักอยู่ในการประเมินนั้นแล้ว ของระเบียนซ้ำคงอยู่กับระเบียนที่รวมแล้ว',
          },
        },
      },
      erase: {
        kind: 'anonymise',
        set: { basis_note: null },
      },
    },
  ],
};
