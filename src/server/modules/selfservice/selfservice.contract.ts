import type { ModuleContract } from '../../platform/contract';

const ERASED = 'ลบข้อมูลแล้ว';

/**
 * Self-service's tables (issue 21 §4, §6): a citizen's PDPA requests and her grievances, and how
 * they follow a merge and an erasure.
 */
export const selfserviceContract: ModuleContract = {
  module: 'selfservice',
  tables: ['pdpa_request', 'grievance'],
  links: [
    {
      table: 'pdpa_request',
      column: 'person_id',
      refersTo: 'person',
      merge: { kind: 'move' },
      // The request and its answer stay as evidence that it was answered in time (PDPA s.39
      // record of processing); the values it quoted and the reason she gave go.
      erase: { kind: 'anonymise', set: { current_value: null, requested_value: null, reason: ERASED } },
    },
    {
      table: 'grievance',
      column: 'person_id',
      refersTo: 'person',
      merge: { kind: 'move' },
      // The office's record that a complaint was filed and answered (service-level statistics)
      // stays; what she wrote and the reference to her records go.
      erase: { kind: 'anonymise', set: { subject: ERASED, body: ERASED, reference: null } },
    },
    {
      table: 'grievance',
      column: 'group_id',
      refersTo: 'group',
      merge: { kind: 'move' },
      erase: {
        kind: 'keep',
        duty: {
          en: 'An occupation group is an organisation, not a data subject; its records are not erased.',
          th: 'กลุ่มอาชีพเป็นองค์กร ไม่ใช่เจ้าของข้อมูลส่วนบุคคล จึงไม่ลบข้อมูลของกลุ่ม',
        },
      },
    },
  ],
};
