import { GROUP_NOT_ERASED, type Bilingual, type ModuleContract } from '../../platform/contract';

const LOAN_DUTY: Bilingual = {
  en: 'A loan’s applicant and co-signers answer for it until it is repaid or written off (the fund’s accounts, and the Civil and Commercial Code’s guarantee): erasure waits until then, and afterwards the rows stay as the fund’s accounting record, naming no one once the person is anonymised.',
  th: 'ผู้ยื่นคำขอและผู้ค้ำประกันต้องรับผิดชอบเงินกู้จนกว่าจะชำระครบหรือตัดเป็นหนี้สูญ (บัญชีกองทุนและการค้ำประกันตามประมวลกฎหมายแพ่งและพาณิชย์) จึงลบข้อมูลได้หลังจากนั้น และรายการยังคงอยู่เป็นหลักฐานทางบัญชีของกองทุนโดยไม่ระบุตัวบุคคล',
};

/** The revolving fund's tables and its links to people (applicants, co-signers) and groups. */
export const fundingContract: ModuleContract = {
  module: 'funding',
  tables: [
    'fund_holiday',
    'fund',
    'loan_application',
    'loan_cosigner',
    'loan_step',
    'loan',
    'loan_tranche',
    'loan_instalment',
    'loan_payment',
    'loan_decision',
    'fund_entry',
    'loan_reminder',
    'loan_contact',
    'loan_application_file',
  ],
  links: [
    { table: 'loan_application', column: 'group_id', refersTo: 'group', merge: { kind: 'move', touch: 'updated_at' }, erase: GROUP_NOT_ERASED },
    { table: 'loan', column: 'group_id', refersTo: 'group', merge: { kind: 'move', touch: 'updated_at' }, erase: GROUP_NOT_ERASED },
    {
      table: 'loan_application',
      column: 'applicant_person_id',
      refersTo: 'person',
      merge: { kind: 'move', touch: 'updated_at' },
      erase: { kind: 'keep', duty: LOAN_DUTY, refusesWhile: { column: 'loan_state', in: ['owed'] } },
    },
    {
      table: 'loan_cosigner',
      column: 'person_id',
      refersTo: 'person',
      merge: {
        kind: 'move',
        unique: { columns: ['application_id'] },
        onConflict: {
          kind: 'keep',
          why: {
            en: 'A person co-signs an application once: where the survivor already co-signs it, the duplicate’s signature stays with the merged record.',
            th: 'บุคคลหนึ่งค้ำประกันคำขอหนึ่งได้ครั้งเดียว หากบุคคลหลักค้ำประกันคำขอนี้แล้ว ลายมือชื่อของระเบียนซ้ำคงอยู่กับระเบียนที่รวมแล้ว',
          },
        },
      },
      erase: { kind: 'keep', duty: LOAN_DUTY, refusesWhile: { column: 'loan_state', in: ['owed'] } },
    },
  ],
};
