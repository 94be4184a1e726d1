import { randomUUID } from 'node:crypto';
import { employerBody, vacancyBody } from '../helpers/employment';
import { visitBody, type Variant, type World } from './world';

const NO_UUID = '00000000-0000-4000-8000-000000000000';

/**
 * How to call an operation for one cell of the matrix: the values of its path parameters, its
 * query and its body, for the record the cell is about (`own`, `same`, `other`, see world.ts).
 * Path parameters are filled by name and path from `PARAMS` unless the operation says otherwise;
 * an operation that needs a body or a query to reach its authorisation check says how here (a
 * body the schema refuses is answered 400 before anyone's rights are looked at).
 */
export interface CallSpec {
  params?: (w: World, v: Variant) => Record<string, string | number>;
  query?: (w: World, v: Variant) => Record<string, string>;
  body?: (w: World, v: Variant) => unknown;
  /** A raw body and its type (uploads). */
  raw?: { contentType: string; payload: string };
  /**
   * Ends something the following calls would need (a session, a record, a password): run after
   * every other operation, each identity with a record of its own where that matters.
   */
  last?: boolean;
}

/** Path parameters by the collection they follow; the first matching pattern wins. */
const PARAMS: [RegExp, string, (w: World, v: Variant) => string | number][] = [
  [/^\/api\/people\/\{id\}\/(merge|erase)$/, 'id', (w, v) => w.victims[v]],
  [/^\/api\/people\//, 'id', (w, v) => w.people[v]],
  [/^\/api\/people\//, 'personId', (w, v) => w.people[v]],
  [/./, 'purpose', () => 'contact'],
  [/^\/api\/geo\/provinces\//, 'code', (_w, v) => (v === 'other' ? '83' : '40')],
  [/^\/api\/geo\/districts\//, 'code', (_w, v) => (v === 'other' ? '8301' : '4001')],
  [/^\/api\/groups\//, 'id', (w, v) => w.groups[v]],
  [/^\/api\/groups\//, 'membershipId', (w, v) => w.memberships[v]],
  [/^\/api\/units\//, 'code', (w, v) => w.units[v]],
  [/^\/api\/users\//, 'id', (w, v) => w.users[v]],
  [/^\/api\/training\/sessions\//, 'id', (w, v) => w.sessions[v]],
  [/^\/api\/training\/sessions\//, 'day', (w) => w.today],
  [/^\/api\/training\/enrolments\//, 'id', (w, v) => w.enrolments[v]],
  [/^\/api\/training\/curricula\//, 'code', () => 'SOCIAL-COMMERCE'],
  [/^\/api\/competency\/standards\//, 'code', () => 'TPQI-ECW'],
  [/^\/api\/assessments\/candidates\//, 'id', (w, v) => w.candidates[v]],
  [/^\/api\/assessments\//, 'id', (w, v) => w.assessments[v]],
  [/^\/api\/(credentials|verify)\//, 'code', () => 'NO-SUCH-CODE'],
  [/./, 'agencyCode', () => 'DSD'],
  [/./, 'listId', () => 'DSD-1'],
  [/./, 'jobId', () => NO_UUID],
  [/^\/api\/me\/notifications\//, 'id', (w, v) => w.notifications[v]],
  [/^\/api\/notifications\/outbox\//, 'id', (w, v) => w.outbox[v]],
  [/^\/api\/monitoring\/reports\//, 'id', (w, v) => w.reports[v]],
  [/^\/api\/registry\/imports\//, 'id', () => NO_UUID],
  [/^\/api\/registry\/templates\//, 'kind', () => 'people'],
  [/^\/api\/employment\/(board|vacancies)\//, 'id', (w, v) => w.vacancies[v]],
  [/^\/api\/employment\/employers\//, 'id', (w, v) => w.employers[v]],
  [/^\/api\/employment\/referrals\//, 'id', (w, v) => w.referrals[v]],
  [/^\/api\/employment\/follow-ups\//, 'id', (w, v) => w.followUps[v]],
  [/^\/api\/enterprise\/programmes\//, 'code', () => 'OTOG'],
  [/^\/api\/enterprise\/participations\//, 'id', (w, v) => w.participations[v]],
  [/^\/api\/enterprise\/groups\//, 'groupId', (w, v) => w.enterpriseGroups[v]],
  [/^\/api\/enterprise\/products\//, 'id', (w, v) => w.products[v]],
  [/^\/api\/enterprise\/certifications\//, 'id', (w, v) => w.certifications[v]],
  [/^\/api\/enterprise\/visits\//, 'id', (w, v) => w.visits[v]],
  [/^\/api\/enterprise\/photos\//, 'id', (w, v) => w.photos[v]],
  [/^\/(api\/marketplace\/(listings|catalogue)|shop\/products)\//, 'id', (w, v) => w.listings[v]],
  [/^\/api\/marketplace\/photos\//, 'id', (w, v) => w.listingPhotos[v]],
  [/^\/api\/marketplace\/photos\//, 'width', () => 320],
  [/^\/api\/marketplace\/groups\//, 'groupId', (w, v) => w.enterpriseGroups[v]],
  [/^\/api\/marketplace\/groups\//, 'channel', () => 'lazada'],
  [/^\/api\/marketplace\/groups\//, 'format', () => 'lazada'],
  [/^\/api\/marketplace\/groups\//, 'month', () => '2025-01'],
  [/^\/api\/marketplace\/partner-advisors\//, 'userId', (w) => w.accounts.partner.id],
  [/^\/api\/funding\/funds\//, 'id', (w, v) => w.funds[v]],
  [/^\/api\/funding\/applications\//, 'id', (w, v) => w.applications[v]],
  [/^\/api\/funding\/applications\//, 'fileId', () => 1],
  [/^\/api\/funding\/loans\//, 'id', (w, v) => w.loans[v]],
  [/^\/api\/funding\/groups\//, 'groupId', (w, v) => w.fundingGroups[v]],
  [/^\/api\/funding\/payments\//, 'id', (w, v) => w.payments[v]],
  [/^\/api\/funding\/loan-decisions\//, 'id', (w, v) => w.loanDecisions[v]],
  [/^\/api\/funding\/holidays\//, 'day', () => '2027-11-15'],
  // self-service (issue 21): no such request or grievance; the refusal by role comes first.
  [/^\/api\/(pdpa-requests|grievances)\//, 'id', () => 999_999],
];

/** Does the parameter name a record (own/same/other), or is it the same in every cell (a code, a day)? */
export function paramIsRecord(path: string, name: string): boolean {
  const found = PARAMS.find(([pattern, param]) => param === name && pattern.test(path));
  return Boolean(found && found[2].length >= 2);
}

export function defaultParam(path: string, name: string, w: World, v: Variant): string | number {
  const found = PARAMS.find(([pattern, param]) => param === name && pattern.test(path));
  if (!found) throw new Error(`No value for {${name}} in ${path}: add it to PARAMS in test/security/requests.ts`);
  return found[2](w, v);
}

const personBodyIn = (subdistrictCode: string, serial: number) => ({
  docType: 'passport',
  docNumber: `MX${serial}`,
  title: 'mrs',
  firstNameTh: 'ทดสอบ',
  lastNameTh: 'สิทธิ์',
  sex: 'female',
  birthDate: '1985-03-05',
  subdistrictCode,
  targetGroups: ['single-parent'],
});
let serial = 5_000_000 + Math.floor(Math.random() * 1_000_000);
const applySerial = serial++;
const areaOf = (v: Variant) => (v === 'other' ? '830101' : '400101');

/** Keyed `METHOD /path` as in the OpenAPI document. */
export const CALLS: Record<string, CallSpec> = {
  'POST /api/me/consents': { body: () => ({ purpose: 'share-partners' }) },
  'POST /api/me/requests': { body: () => ({ kind: 'correction', field: 'houseNo', requestedValue: `99/${serial++}`, reason: 'ย้ายบ้าน' }) },
  'POST /api/me/grievances': { body: () => ({ kind: 'complaint', about: 'service', subject: 'รอนาน', body: 'ยังไม่ได้รับคำตอบ' }) },
  'POST /api/pdpa-requests/{id}/decide': { body: () => ({ decision: 'refuse', outcome: 'ไม่พบคำขอ' }) },
  'POST /api/grievances/{id}/answer': { body: () => ({ answer: 'ตอบแล้ว' }) },
  'GET /api/monitoring/overview': { query: (_w, v) => ({ fiscalYear: '2569', province: v === 'other' ? '83' : '40' }) },
  'GET /api/monitoring/breakdown': { query: (_w, v) => ({ indicator: 'employment.placed', fiscalYear: '2569', province: v === 'other' ? '83' : '40' }) },
  'GET /api/public/monitoring/overview': { query: () => ({ fiscalYear: '2569' }) },
  'PUT /api/monitoring/targets/{indicator}/{fiscalYear}/{area}': {
    params: (_w, v) => ({ indicator: 'employment.placed', fiscalYear: 2569, area: v === 'other' ? '83' : '40' }),
    body: () => ({ value: 120 }),
  },
  'GET /api/monitoring/records': { query: (_w, v) => ({ indicator: 'employment.placed', fiscalYear: '2569', province: v === 'other' ? '83' : '40' }) },
  'POST /api/monitoring/reports': { body: (_w, v) => ({ period: 'month', fiscalYear: 2569, month: 3, area: v === 'other' ? '83' : '40' }) },
  'GET /api/monitoring/data-quality': { query: (_w, v) => ({ province: v === 'other' ? '83' : '40' }) },
  'GET /api/open-data/monitoring/indicators.json': { query: () => ({ fiscalYear: '2569' }) },
  'GET /api/open-data/monitoring/indicators.csv': { query: () => ({ fiscalYear: '2569' }) },
  'GET /api/geo/search': { query: () => ({ q: 'ขอน' }) },
  'PATCH /api/units/{code}': { body: () => ({ phone: '043-000-111' }) },
  'POST /api/auth/sign-in': { body: () => ({ username: 'nobody.here', password: 'not the password' }) },
  'POST /api/auth/sign-out': { last: true },
  'POST /api/auth/password': { body: () => ({ currentPassword: 'not the password', newPassword: 'a new long passphrase 42' }) },
  'POST /api/users': { body: () => ({ username: `m${serial++}`, displayName: 'Matrix', roles: [{ role: 'officer', unitCode: 'DOE-PEO-40' }] }) },
  'PATCH /api/users/{id}': { body: () => ({ locale: 'en' }) },
  'POST /api/users/{id}/second-factor/reset': { body: () => ({ reason: 'โทรศัพท์หาย' }) },
  'POST /api/people': { body: (_w, v) => personBodyIn(areaOf(v), serial++) },
  'PUT /api/people/{id}': {
    body: (w, v) => ({
      docType: 'th-id',
      docNumber: w.docNumbers[v],
      title: 'mrs',
      firstNameTh: 'ทดสอบ',
      lastNameTh: 'แก้ไข',
      sex: 'female',
      birthDate: '1988-02-14',
      subdistrictCode: areaOf(v),
      targetGroups: ['single-parent'],
      version: 1,
    }),
  },
  'GET /api/people/{id}/identity': { query: () => ({ reason: 'ตรวจสอบตัวตนก่อนส่งตัวไปสมัครงาน' }) },
  'POST /api/people/{id}/citizen-account': { body: () => ({ username: `c${serial++}` }) },
  'POST /api/people/{id}/consents': { body: () => ({ purpose: 'contact' }) },
  'POST /api/people/{id}/merge': { body: (w, v) => ({ duplicateId: w.duplicates[v] }), last: true },
  'POST /api/people/{id}/erase': { body: () => ({ reason: 'คำขอของเจ้าของข้อมูล' }), last: true },
  'POST /api/groups': {
    body: (_w, v) => ({ name: `กลุ่มทดสอบ ${serial++}`, type: 'community-enterprise', occupation: 'handicrafts', subdistrictCode: areaOf(v) }),
  },
  // The group is one the officer manages; the person is the cell's (as for enrolment).
  'POST /api/groups/{id}/members': {
    params: (w) => ({ id: w.groups.same }),
    body: (w, v) => ({ personId: w.people[v], role: 'member', joinedOn: '2024-02-01' }),
  },
  'POST /api/groups/{id}/members/{membershipId}/end': { body: () => ({ leftOn: '2024-06-01' }) },
  'POST /api/registry/imports': {
    query: () => ({ kind: 'people', fileName: 'people.csv' }),
    raw: { contentType: 'text/csv', payload: 'a,b\r\n1,2\r\n' },
  },
  'PUT /api/registry/imports/{id}/mapping': { body: () => ({ mapping: {} }) },
  'PUT /api/registry/imports/{id}/values': { body: () => ({ values: [{ field: 'targetGroups', value: 'แม่เลี้ยงเดี่ยว', code: 'single-parent' }] }) },
  'PUT /api/registry/imports/{id}/lawful-basis': { body: () => ({ basis: null }) },
  'POST /api/verify': { body: () => ({}) },
  'POST /api/credentials/{code}/revoke': { body: () => ({ reason: 'ออกผิดคน' }) },
  'POST /api/training/sessions': {
    body: (_w, v) => (v === 'other' ? sessionBodyFor('DSD-PSDO-83', '83', '830101') : sessionBodyFor('DSD-PSDO-40', '40', '400101')),
  },
  // The session is the officer's own; the person is the cell's (finding 2: enrolment must not
  // reach a person the caller may not read).
  'POST /api/training/sessions/{id}/status': { body: () => ({ status: 'open' }) },
  'POST /api/training/sessions/{id}/applications': {
    params: (w) => ({ id: w.sessions.same }),
    body: (w, v) => ({ personId: w.people[v] }),
  },
  'POST /api/training/sessions/{id}/group-enrolments': {
    params: (w) => ({ id: w.sessions.same }),
    body: (w, v) => ({ groupId: w.groups[v] }),
  },
  'POST /api/training/enrolments/{id}/withdraw': { body: () => ({}), last: true },
  // The session is the officer's own; the enrolment is the cell's (another session's, another area's).
  'PUT /api/training/sessions/{id}/attendance/{day}': {
    params: (w) => ({ id: w.sessions.own, day: w.today }),
    body: (w, v) => ({ entries: [{ enrolmentId: w.enrolments[v], present: true }] }),
  },
  'POST /api/training/check-in': { body: () => ({ code: 'NOT-A-CHECK-IN-CODE' }) },
  'PUT /api/training/sessions/{id}/scores': {
    params: (w) => ({ id: w.sessions.own }),
    body: (w, v) => ({ scores: [{ enrolmentId: w.enrolments[v], score: 80 }] }),
  },
  'POST /api/training/sessions/{id}/results': { query: () => ({ fileName: 'results.csv' }), raw: { contentType: 'text/csv', payload: 'a,b\r\n' } },
  'POST /api/training/labour-demand': { query: () => ({ fileName: 'demand.csv' }), raw: { contentType: 'text/csv', payload: 'a,b\r\n' } },
  'POST /api/competency/experience': {
    body: (w, v) => ({ personId: w.people[v], standardCode: 'TPQI-ECW', summary: 'ขายผ้าทอออนไลน์ตั้งแต่ 2562', evidence: 'หน้าร้านและยอดขาย' }),
  },
  'POST /api/assessments': {
    body: (w, v) => ({
      standardCode: 'TPQI-ECW',
      centreUnitCode: 'TPQI-AC-NE',
      provinceCode: v === 'other' ? '83' : '40',
      assessedOn: w.later,
      online: false,
      venue: 'ศูนย์ประเมิน',
      capacity: 5,
      assessorUserIds: [w.assessorId],
    }),
  },
  'POST /api/assessments/{id}/status': { body: () => ({ status: 'cancelled', reason: 'ศูนย์ปิดปรับปรุง' }), last: true },
  'POST /api/assessments/{id}/candidates': { params: (w) => ({ id: w.assessments.own }), body: (w, v) => ({ personIds: [w.people[v]] }) },
  'PUT /api/assessments/candidates/{id}/results': { body: () => ({ results: [{ unitCode: 'ICT-ECW-1-001ZA', result: 'competent', evidenceNote: 'สาธิตได้' }] }) },
  'POST /api/assessments/candidates/{id}/decide': { body: () => ({}) },

  // employment (issue 16)
  // One registration for everyone: the first caller makes it, the others are told the number is
  // taken (409) before any password is hashed, which keeps the matrix fast.
  'POST /api/employment/employers/apply': { body: () => employerBody(applySerial, { username: `ma${applySerial}` }) },
  'POST /api/employment/employers/{id}/verify': { body: () => ({ decision: 'verified' }) },
  // The employer named in the body is the cell's: an employer account posts only for its own. `same`
  // is the other Khon Kaen employer with a place in Phuket: an officer posts neither for an employer
  // nor at a place outside its area.
  'POST /api/employment/vacancies': {
    body: (w, v) => vacancyBody({ employerId: w.employers[v], subdistrictCode: v === 'own' ? '400101' : '830101', requiredStandardCode: null }),
  },
  'POST /api/employment/vacancies/import': {
    query: () => ({ fileName: 'fair.csv', dryRun: 'true' }),
    raw: { contentType: 'text/csv', payload: 'a,b\r\n1,2\r\n' },
  },
  'POST /api/employment/vacancies/{id}/status': { body: () => ({ status: 'published' }) },
  // The person and the vacancy are the cell's: a Khon Kaen officer refers neither a Phuket person nor to a vacancy it may not read.
  'POST /api/employment/referrals': {
    body: (w, v) => ({ vacancyId: w.vacancies[v], personId: w.duplicates[v], sharedFields: ['name'], consentEvidence: 'ลงนามในแบบยินยอม' }),
  },
  'POST /api/employment/referrals/{id}/answer': { body: (w) => ({ status: 'interview', interviewOn: w.later }) },
  'POST /api/employment/follow-ups/{id}': { body: () => ({ stillWorking: true, incomeSatang: 1_500_000 }) },
  'PUT /api/people/{personId}/job-seeker': { body: () => ({ desiredOccupations: ['5244'] }) },
  'POST /api/people/{personId}/job-seeker/withdraw': { last: true },
  'POST /api/people/{personId}/guidance': { body: () => ({ note: 'สนใจงานขายออนไลน์ ควรเรียนหลักสูตรพาณิชย์อิเล็กทรอนิกส์' }) },

  // enterprise (issue 17): the group and the nominating office in the body are the cell's.
  'POST /api/enterprise/programmes/{code}/participants': {
    body: (w, v) => ({ groupId: w.nominees[v], unitCode: v === 'other' ? 'DSD-PSDO-83' : 'DSD-PSDO-40' }),
  },
  'POST /api/enterprise/participations/{id}/select': { body: () => ({ reason: 'กลุ่มต้นแบบของจังหวัด' }) },
  'POST /api/enterprise/participations/{id}/advance': { body: () => ({ stageCode: 'product-developed', documentRef: 'รายงานการพัฒนาผลิตภัณฑ์' }) },
  'POST /api/enterprise/participations/{id}/regress': { body: () => ({ stageCode: 'nominated', reason: 'ยังไม่พร้อม' }) },
  'POST /api/enterprise/participations/{id}/exit': { body: () => ({ reason: 'กลุ่มขอถอนตัว' }), last: true },
  'POST /api/enterprise/groups/{groupId}/products': { body: () => ({ name: 'ผ้าทอมือลายขิด', category: 'cloth', unitPriceSatang: 60_000 }) },
  'PUT /api/enterprise/groups/{groupId}/development': { body: (w) => ({ ceRegistrationNo: '4-40-01-01/1-0001', ceRegisteredOn: w.today }) },
  'PATCH /api/enterprise/products/{id}': { body: () => ({ unitPriceSatang: 50_000 }) },
  'POST /api/enterprise/products/{id}/certifications': { body: () => ({ kind: 'halal', status: 'preparing' }) },
  'PATCH /api/enterprise/certifications/{id}': { body: () => ({ status: 'submitted' }) },
  // A visit to the cell's group.
  'POST /api/enterprise/visits/sync': { body: (w, v) => ({ visits: [visitBody(randomUUID(), w.enterpriseGroups[v])] }) },

  // marketplace (issue 19): the product in the body is the cell's group's (one not listed yet).
  'POST /api/marketplace/listings': { body: (w, v) => ({ productId: w.products[v], titleTh: 'ผ้าทอมือ', descriptionTh: 'ผ้าฝ้ายทอมือ' }) },
  'PATCH /api/marketplace/listings/{id}': { body: () => ({ stock: 10 }) },
  'POST /api/marketplace/listings/{id}/decision': { body: () => ({ decision: 'approve' }) },
  'POST /api/marketplace/listings/{id}/unlist': { body: () => ({ reason: 'กลุ่มหยุดผลิตชั่วคราว' }), last: true },
  // Not an image: the authorised are told so (400) after their rights are checked.
  'POST /api/marketplace/listings/{id}/photos': { raw: { contentType: 'image/png', payload: 'not a png' } },
  'PUT /api/marketplace/groups/{groupId}/channels/{channel}': { body: (w) => ({ documentsReadyOn: w.today }) },
  'POST /api/marketplace/groups/{groupId}/consents': { body: () => ({ channel: 'shopee', evidence: 'แบบยินยอม' }) },
  'POST /api/marketplace/groups/{groupId}/consents/{channel}/withdraw': { last: true },
  'PUT /api/marketplace/partner-advisors/{userId}': { body: () => ({ channel: 'lazada' }) },
  'PUT /api/marketplace/groups/{groupId}/sales/{channel}/{month}': { body: () => ({ orders: 3, revenueSatang: 150_000, returns: 0 }) },
  'POST /api/marketplace/groups/{groupId}/sales/import': {
    query: () => ({ channel: 'lazada', fileName: 'orders.csv', dryRun: 'true' }),
    raw: { contentType: 'text/csv', payload: 'a,b\r\n1,2\r\n' },
  },
  // funding (issue 18): a body's group or provinces are the cell's, scoped like a path id.
  'GET /api/funding/reports/par': { query: () => ({ by: 'course', curriculumCode: 'SOCIAL-COMMERCE' }) },
  'PUT /api/funding/holidays/{day}': { body: () => ({ nameTh: 'วันหยุดพิเศษ', nameEn: 'Special holiday' }) },
  'DELETE /api/funding/holidays/{day}': { last: true },
  'POST /api/funding/funds': {
    body: (_w, v) => ({
      code: `MX-${serial++}`,
      nameTh: 'กองทุนทดสอบ',
      nameEn: 'Test fund',
      ownerUnitCode: v === 'other' ? 'DOE-PEO-83' : 'DOE-PEO-40',
      provinceCodes: [v === 'other' ? '83' : '40'],
      capitalSatang: 100_000_000,
      rules: { minAmountSatang: 5_000_000, maxAmountSatang: 30_000_000, minTermMonths: 1, maxTermMonths: 24, rateBp: 0, dueDay: 5, deadline: '2099-03-31' },
    }),
  },
  'POST /api/funding/funds/{id}/capital': { body: () => ({ amountSatang: 100_000, memo: 'เงินสมทบ' }) },
  'POST /api/funding/funds/{id}/eligibility': { body: (w, v) => ({ groupId: w.fundingGroups[v], amountSatang: 15_000_000, termMonths: 24 }) },
  'POST /api/funding/funds/{id}/applications': { body: (w, v) => fundingApplication(w.fundingGroups[v]) },
  'POST /api/funding/funds/{id}/repayment-imports': {
    raw: { contentType: 'text/csv', payload: 'เลขที่สัญญา,วันที่ชำระ,จำนวนเงิน,เลขอ้างอิง\n1,2026-01-05,100.00,X-1\n' },
  },
  'POST /api/funding/applications/{id}/files': {
    query: () => ({ name: 'ใบเสนอราคา.pdf' }),
    raw: { contentType: 'application/pdf', payload: '%PDF-1.4\n%matrix\n' },
  },
  'PUT /api/funding/applications/{id}': { body: (w, v) => ({ ...fundingApplication(w.fundingGroups[v]), groupId: undefined }) },
  'POST /api/funding/applications/{id}/recommend': { body: () => ({ note: 'เอกสารครบ' }) },
  'POST /api/funding/applications/{id}/verify': { body: () => ({ note: 'ตรวจสอบแล้ว' }) },
  'POST /api/funding/applications/{id}/decide': { body: () => ({ decision: 'approve', minutesRef: 'ประชุมครั้งที่ 1/2569' }) },
  'POST /api/funding/applications/{id}/return': { body: () => ({ reason: 'แนบเอกสารเพิ่ม' }) },
  'POST /api/funding/loans/{id}/disbursements': {
    body: (w) => ({
      amountSatang: 1_000_000,
      paidOn: w.today,
      reference: 'TRF-2',
      bankName: 'ธนาคารออมสิน',
      accountNumber: '0201234567',
      promptPayId: '0812345678',
    }),
  },
  'POST /api/funding/loans/{id}/payments': { body: (w) => ({ amountSatang: 100_000, paidOn: w.today, reference: 'CASH-2' }) },
  'POST /api/funding/payments/{id}/reverse': { body: () => ({ reason: 'เช็คคืน' }) },
  'POST /api/funding/loans/{id}/decisions': { body: () => ({ kind: 'write-off', reason: 'กลุ่มยุบเลิก' }) },
  'POST /api/funding/loans/{id}/contacts': {
    body: (w) => ({ method: 'call', outcome: 'promised', contactedOn: w.today, promisedOn: w.today, promisedAmountSatang: 100_000, note: 'ประธานกลุ่มรับสาย' }),
  },
  'PUT /api/me/notification-preferences': { body: () => ({ language: 'th', channels: ['in-app'], optedOut: [] }) },
  'POST /api/funding/loan-decisions/{id}/decide': { body: () => ({ decision: 'approve', minutesRef: 'ประชุมครั้งที่ 2/2569' }), last: true },
  // Issue 21: the registry's form without ID and name (those come from the ThaiD token).
  'POST /api/auth/self-registration': {
    body: () => {
      const { docType: _t, docNumber: _n, firstNameTh: _f, lastNameTh: _l, ...rest } = personBodyIn('400101', serial++);
      return rest;
    },
  },
  'POST /api/auth/second-factor/confirm': { body: () => ({ code: '000000' }) },
  'POST /api/auth/second-factor/remove': { body: () => ({ code: '000000' }) },
};

const fundingApplication = (groupId: number) => ({
  groupId,
  amountSatang: 15_000_000,
  termMonths: 24,
  purpose: 'ซื้อวัตถุดิบ',
  businessPlan: { costs: [{ item: 'วัตถุดิบ', amountSatang: 15_000_000 }], expectedMonthlySalesSatang: 3_000_000, repaymentSource: 'ยอดขาย' },
  cosignerPersonIds: [],
});

function sessionBodyFor(unitCode: string, provinceCode: string, subdistrictCode: string) {
  const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
  return {
    curriculumCode: 'SOCIAL-COMMERCE',
    unitCode,
    provinceCode,
    online: false,
    subdistrictCode,
    venue: 'ห้องประชุม',
    applicationsCloseOn: today,
    capacityMin: 1,
    capacityMax: 30,
    trainers: ['อาจารย์สมชาย'],
    budgetSource: 'งบประมาณปกติ',
    days: [{ day: today, hours: 6 }],
  };
}
