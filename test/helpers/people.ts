import { nationalIdCheckDigit } from '../../src/shared/national-id';

/** A valid Thai national ID from a serial number (unique per serial, first digit 1–8). */
export function nationalId(serial: number, firstDigit = 3): string {
  const first12 = `${firstDigit}${String(serial).padStart(11, '0')}`;
  return first12 + nationalIdCheckDigit(first12);
}

/** The same ID with its check digit wrong. */
export function badChecksum(id: string): string {
  return id.slice(0, 12) + ((Number(id[12]) + 1) % 10);
}

let serial = Math.floor(Math.random() * 1e6) * 1000;

/** A registration body for POST /api/people: a woman in Mueang Khon Kaen unless told otherwise. */
export function personBody(overrides: Record<string, unknown> = {}) {
  serial++;
  return {
    docType: 'th-id',
    docNumber: nationalId(serial),
    title: 'mrs',
    firstNameTh: 'สมศรี',
    lastNameTh: `ใจดี${serial % 1000}`.replace(/\d/g, (d) => 'กขคงจฉชซฌญ'[Number(d)]!),
    firstNameEn: 'Somsri',
    lastNameEn: 'Jaidee',
    sex: 'female',
    birthDate: '1985-03-05',
    phone: '0812345678',
    houseNo: '12/3',
    villageNo: 4,
    subdistrictCode: '400101',
    targetGroups: ['single-parent'],
    education: 'upper-secondary',
    workStatus: 'self-employed',
    monthlyIncomeSatang: 450000,
    householdSize: 3,
    ...overrides,
  };
}
