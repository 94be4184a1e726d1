/** A valid 13-digit juristic-person number from a serial (mod-11 check digit; juristic numbers start with 0). */
export function taxId(serial: number): string {
  const first12 = `0${String(serial).padStart(11, '0')}`;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(first12[i]) * (13 - i);
  return first12 + String((11 - (sum % 11)) % 10);
}

/** A registration body for POST /api/employment/employers/apply: a small shop in Mueang Khon Kaen unless told otherwise. */
export function employerBody(serial: number, overrides: Record<string, unknown> = {}) {
  return {
    taxId: taxId(serial),
    nameTh: `ร้านออนไลน์ขอนแก่น ${serial}`,
    nameEn: `Khon Kaen Online Shop ${serial}`,
    tsicCode: '47911',
    size: 'small',
    address: '99 ถนนมิตรภาพ',
    subdistrictCode: '400101',
    contactName: 'คุณวันดี',
    contactPhone: '0431234567',
    contactEmail: 'hr@example.co.th',
    homeWorkRegistrationNo: null,
    username: `emp${serial}`,
    password: 'shop owner long passphrase 2569',
    ...overrides,
  };
}

/** A vacancy body: an e-commerce assistant in Mueang Khon Kaen needing the TPQI e-commerce qualification. */
export function vacancyBody(overrides: Record<string, unknown> = {}) {
  const today = new Date().toISOString().slice(0, 10);
  const later = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
  return {
    kind: 'employment',
    occupationCode: '5244',
    titleTh: 'ผู้ช่วยขายของออนไลน์',
    titleEn: 'Online sales assistant',
    requiredStandardCode: 'TPQI-ECW',
    subdistrictCode: '400101',
    wageSatang: 1_200_000,
    wageUnit: 'month',
    openings: 1,
    opensOn: today,
    closesOn: later,
    publish: true,
    ...overrides,
  };
}
