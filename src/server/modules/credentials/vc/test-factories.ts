/**
 * Factories for the vc tests: a world of documents held in memory (what the database and the
 * issuer routes are in the system), issuers with keys and a signed status list, and credential
 * inputs for a training certificate and a qualification. Each test builds its own world.
 */
import { controllerDocument, generateIssuerKey, type IssuerKey, type IssuerProfile } from './keys';
import { createDocumentLoader, type DocumentResolver } from './loader';
import type { OpenBadgeInput } from './open-badge';
import { signCredential } from './sign';
import { emptyStatusList, encodeStatusList, statusListCredential } from './status-list';

const BASE = 'https://archeep.test';

/** Before any credential's validFrom in these tests, so the lists are current for them. */
export const LIST_VALID_FROM = '2025-01-01T00:00:00Z';

export function buildWorld() {
  const documents = new Map<string, Record<string, unknown>>();
  const resolve: DocumentResolver = async (url) => documents.get(url) ?? null;
  return { documents, resolve, loader: createDocumentLoader(resolve) };
}
export type World = ReturnType<typeof buildWorld>;

export type TestIssuer = Awaited<ReturnType<typeof buildIssuer>>;

/** An agency with one key, its controller document and an empty signed status list, published in `world`. */
export async function buildIssuer(world: World, code = 'DSD', names = { nameTh: 'กรมพัฒนาฝีมือแรงงาน', nameEn: 'Department of Skill Development' }) {
  const profile: IssuerProfile = { id: `${BASE}/api/credentials/issuers/${code}`, ...names, url: 'https://www.dsd.go.th' };
  const keys: IssuerKey[] = [await generateIssuerKey(profile.id, 'key-1')];
  const listUrl = `${BASE}/api/credentials/status-lists/${code}-0`;
  let nextIndex = 0;
  const issuer = {
    profile,
    keys,
    listUrl,
    bits: emptyStatusList(),
    get activeKey() {
      return keys[keys.length - 1]!;
    },
    /** The controller document listing `listed` (by default every key, retired ones too). */
    publishKeys(listed: IssuerKey[] = keys) {
      world.documents.set(profile.id, controllerDocument(profile, listed));
    },
    /** A new active key; the old one stays listed. */
    async rotate() {
      keys.push(await generateIssuerKey(profile.id, `key-${keys.length + 1}`));
      issuer.publishKeys();
      return issuer.activeKey;
    },
    /** The list as `bits` now stand, signed again with the active key. */
    async publishList() {
      const unsigned = statusListCredential({ id: listUrl, issuer: profile, encodedList: encodeStatusList(issuer.bits), validFrom: LIST_VALID_FROM });
      world.documents.set(listUrl, await signCredential(unsigned, issuer.activeKey, world.loader));
    },
    takeIndex: () => nextIndex++,
  };
  issuer.publishKeys();
  await issuer.publishList();
  return issuer;
}

/** A completion certificate (เกียรติบัตร) of a short course, valid without end. */
export function trainingCertificate(issuer: TestIssuer, overrides: Partial<OpenBadgeInput> = {}): OpenBadgeInput {
  const index = issuer.takeIndex();
  return {
    id: `${BASE}/verify/TEST-${String(index).padStart(4, '0')}`,
    issuer: issuer.profile,
    holder: { nameTh: 'นางสาวสมหญิง ใจดี', nameEn: 'Miss Somying Jaidee' },
    achievement: {
      id: `${BASE}/curricula/DSD-WELD-01`,
      kind: 'training-completion',
      nameTh: 'การเชื่อมไฟฟ้าเบื้องต้น',
      nameEn: 'Basic Arc Welding',
      descriptionTh: 'หลักสูตรฝึกอบรมการเชื่อมไฟฟ้าสำหรับผู้เริ่มต้น',
      descriptionEn: 'A training course in arc welding for beginners.',
      criteriaTh: 'เข้ารับการฝึกอบรมไม่น้อยกว่าร้อยละ 80 ของเวลาและผ่านการประเมินผล',
      criteriaEn: 'Attended at least 80% of the hours and passed the assessment.',
      hours: 17.5,
    },
    validFrom: '2025-06-01T00:00:00+07:00',
    status: { listCredentialUrl: issuer.listUrl, index },
    ...overrides,
  };
}

/** A qualification (คุณวุฒิวิชาชีพ) against an occupational standard, with units and a level. */
export function qualification(issuer: TestIssuer, overrides: Partial<OpenBadgeInput> = {}): OpenBadgeInput {
  const index = issuer.takeIndex();
  return {
    id: `${BASE}/verify/QUAL-${String(index).padStart(4, '0')}`,
    issuer: issuer.profile,
    holder: { nameTh: 'นายสมชาย รักงาน', nameEn: null },
    achievement: {
      id: `${BASE}/standards/TPQI-WELD-L2`,
      kind: 'qualification',
      nameTh: 'ช่างเชื่อมอาร์กโลหะด้วยมือ ระดับ 2',
      nameEn: 'Manual Metal Arc Welder, Level 2',
      descriptionTh: 'ผู้ที่มีสมรรถนะตามมาตรฐานอาชีพช่างเชื่อม',
      descriptionEn: 'A person competent against the occupational standard for welders.',
      criteriaTh: 'ผ่านการประเมินทุกหน่วยสมรรถนะ',
      criteriaEn: 'Assessed competent in every unit.',
      competencyUnits: [
        { code: '10101', nameTh: 'เตรียมงานเชื่อม', nameEn: 'Prepare for welding' },
        { code: '10102', nameTh: 'เชื่อมรอยต่อชน', nameEn: 'Weld butt joints' },
      ],
      level: 2,
    },
    validFrom: '2025-06-01T00:00:00+07:00',
    validUntil: '2030-05-31T23:59:59+07:00',
    status: { listCredentialUrl: issuer.listUrl, index },
    ...overrides,
  };
}
