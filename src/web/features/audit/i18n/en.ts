import type { Texts } from '../../../i18n/texts';
import type th from './th';

const en: Texts<typeof th> = {
  title: 'Audit trail',
  intro: 'Every change: who, when, what, before and after, linked by hashes',
  action: 'Action (starts with)',
  entityType: 'Record type',
  actor: 'Actor (username)',
  from: 'From',
  to: 'To',
  filter: 'Filter',
  when: 'When',
  what: 'Action',
  who: 'Actor',
  entity: 'Record',
  details: 'Details',
  before: 'Before',
  after: 'After',
  requestId: 'Request id',
  verify: 'Verify the chain',
  verifyOk: 'The chain holds: {{count}} events checked',
  verifyBad: 'Tampering found at event {{id}} ({{reason}})',
  system: 'system',
};

export default en;
