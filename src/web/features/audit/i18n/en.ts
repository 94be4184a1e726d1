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
  sealTitle: 'Sealing of the chain',
  sealedUpTo: 'Sealed up to position {{position}}',
  lastSealed: 'last sealed {{when}}',
  nothingWaiting: 'No event is waiting for its seal',
  waiting: '{{count}} events waiting for their seal; the oldest has waited {{seconds}} s (bound {{bound}} s)',
  waitingLate: 'Sealing is behind its bound: {{count}} events waiting, the oldest for {{seconds}} s (bound {{bound}} s); tell the system administrator',
  checkpoint: 'Latest signed checkpoint: position {{position}}, made {{when}}',
  system: 'system',
};

export default en;
