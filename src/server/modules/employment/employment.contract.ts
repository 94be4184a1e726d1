import { type ModuleContract } from '../../platform/contract';

const ERASED = 'ลบข้อมูลแล้ว';
const PLACEMENT_DUTY = {
  en: 'Placements are counted against the programme’s public target and budget; a placement holds no name or number once the person is erased.',
  th: 'การบรรจุงานนับรวมกับเป้าหมายและงบประมาณของโครงการ และไม่ระบุตัวบุคคลเมื่อลบข้อมูลบุคคลแล้ว',
};

/** Employment's tables, and how job seekers, guidance, referrals and placements follow a merge and an erasure. */
export const employmentContract: ModuleContract = {
  module: 'employment',
  tables: ['employer', 'employer_account', 'vacancy', 'job_seeker', 'seeker_match', 'guidance_note', 'referral', 'placement', 'follow_up'],
  links: [
    {
      table: 'job_seeker',
      column: 'person_id',
      refersTo: 'person',
      merge: {
        kind: 'move',
        unique: { columns: [], whileNull: 'withdrawn_at' },
        onConflict: {
          kind: 'close',
          column: 'withdrawn_at',
          at: 'now',
          why: {
            en: 'One current job-seeker profile per person: the survivor’s stands, the duplicate’s is withdrawn and kept as history.',
            th: 'หนึ่งคนมีข้อมูลผู้หางานที่มีผลได้หนึ่งรายการ ของระเบียนหลักมีผลต่อ ของระเบียนซ้ำถือว่าถอนและเก็บเป็นประวัติ',
          },
        },
        touch: 'updated_at',
      },
      erase: { kind: 'delete' },
    },
    {
      // The matching read model: one row per person, rebuilt from the sources by employment's
      // listener in the same transaction right after the merge (the duplicate's row goes).
      table: 'seeker_match',
      column: 'person_id',
      refersTo: 'person',
      merge: {
        kind: 'move',
        unique: { columns: [] },
        onConflict: {
          kind: 'keep',
          why: {
            en: 'One matching row per person: where the survivor has one, the duplicate’s stays until it is rebuilt from the merged records, which removes it.',
            th: 'หนึ่งคนมีข้อมูลสำหรับจับคู่งานหนึ่งแถว หากระเบียนหลักมีแล้ว แถวของระเบียนซ้ำคงอยู่จนสร้างใหม่จากระเบียนที่รวมแล้ว ซึ่งจะลบแถวนั้น',
          },
        },
      },
      erase: { kind: 'delete' },
    },
    {
      table: 'guidance_note',
      column: 'person_id',
      refersTo: 'person',
      merge: { kind: 'move' },
      // What a counsellor wrote about the person identifies them; the fact of guidance stays.
      erase: { kind: 'anonymise', set: { note: ERASED, plan: '[]' } },
    },
    {
      table: 'referral',
      column: 'person_id',
      refersTo: 'person',
      merge: {
        kind: 'move',
        unique: { columns: ['vacancy_id'] },
        onConflict: {
          kind: 'keep',
          why: {
            en: 'One referral per person and vacancy: where the survivor was referred to the same vacancy, the duplicate’s stays with the merged record.',
            th: 'หนึ่งคนถูกส่งตัวได้ครั้งเดียวต่อตำแหน่งงาน หากระเบียนหลักถูกส่งตัวไปตำแหน่งเดียวกันแล้ว ของระเบียนซ้ำคงอยู่กับระเบียนที่รวมแล้ว',
          },
        },
      },
      // The person record itself is anonymised; what was written about them here goes too.
      erase: { kind: 'anonymise', set: { status_reason: null, consent_evidence: ERASED } },
    },
    {
      // Course follow-ups name their person (a placement's follow-ups reach theirs through it).
      table: 'follow_up',
      column: 'person_id',
      refersTo: 'person',
      merge: {
        kind: 'move',
        unique: { columns: ['session_id', 'months'] },
        onConflict: {
          kind: 'keep',
          why: {
            en: 'One follow-up per person, course and interval: where the survivor has it, the duplicate’s stays with the merged record.',
            th: 'หนึ่งคนมีการติดตามผลหนึ่งครั้งต่อหลักสูตรต่อช่วงเวลา หากระเบียนหลักมีแล้ว ของระเบียนซ้ำคงอยู่กับระเบียนที่รวมแล้ว',
          },
        },
      },
      // Whether they work and what they earn after a course is theirs; the course's own records keep the completion.
      erase: { kind: 'delete' },
    },
    {
      table: 'placement',
      column: 'person_id',
      refersTo: 'person',
      merge: {
        kind: 'move',
        unique: { columns: ['vacancy_id'] },
        onConflict: {
          kind: 'keep',
          why: {
            en: 'One placement per person and vacancy: where the survivor holds the same job, the duplicate’s placement stays with the merged record.',
            th: 'หนึ่งคนบรรจุงานได้ครั้งเดียวต่อตำแหน่งงาน หากระเบียนหลักได้งานตำแหน่งเดียวกันแล้ว ของระเบียนซ้ำคงอยู่กับระเบียนที่รวมแล้ว',
          },
        },
      },
      erase: { kind: 'keep', duty: PLACEMENT_DUTY },
    },
  ],
};
