/** One reason a credential does not verify, for the public page in both languages. */
export interface VerificationProblem {
  en: string;
  th: string;
}

// "Credential" is เอกสารรับรอง and a signature ลายมือชื่ออิเล็กทรอนิกส์, the Electronic
// Transactions Act's term; the public page puts these under the certificate's own name.
export const problem = {
  notAnObject: (): VerificationProblem => ({
    en: 'This is not a credential: a JSON object is expected.',
    th: 'ข้อมูลนี้ไม่ใช่เอกสารรับรอง: ต้องเป็นออบเจ็กต์ JSON',
  }),
  noProof: (): VerificationProblem => ({
    en: 'The credential carries no signature (proof).',
    th: 'เอกสารรับรองไม่มีลายมือชื่ออิเล็กทรอนิกส์ (proof)',
  }),
  unsupportedProof: (): VerificationProblem => ({
    en: 'The signature is not an eddsa-rdfc-2022 Data Integrity proof, the only kind this system accepts.',
    th: 'ลายมือชื่อไม่ใช่แบบ Data Integrity eddsa-rdfc-2022 ซึ่งเป็นแบบเดียวที่ระบบรับ',
  }),
  badSignature: (): VerificationProblem => ({
    en: 'The signature does not match the content: the credential was changed after signing, or was not signed with this key.',
    th: 'ลายมือชื่อไม่ตรงกับเนื้อหา: เอกสารถูกแก้ไขหลังลงนาม หรือไม่ได้ลงนามด้วยกุญแจนี้',
  }),
  undefinedTerms: (): VerificationProblem => ({
    en: 'The credential holds properties that its JSON-LD contexts do not define, which a signature cannot cover.',
    th: 'เอกสารรับรองมีข้อมูลที่ JSON-LD context ไม่ได้นิยามไว้ ซึ่งลายมือชื่อครอบคลุมไม่ได้',
  }),
  unknownDocument: (url: string): VerificationProblem => ({
    en: `The credential refers to ${url}, which this system does not know; nothing is fetched from the internet.`,
    th: `เอกสารรับรองอ้างถึง ${url} ซึ่งระบบไม่รู้จัก (ระบบไม่ดึงข้อมูลจากอินเทอร์เน็ต)`,
  }),
  keyNotListed: (keyId: string): VerificationProblem => ({
    en: `The key ${keyId} is not among the keys its issuer lists for signing credentials.`,
    th: `กุญแจ ${keyId} ไม่อยู่ในรายการกุญแจที่ผู้ออกเอกสารใช้ลงนาม`,
  }),
  keyOfAnotherIssuer: (controller: string, issuer: string): VerificationProblem => ({
    en: `The signing key belongs to ${controller}, not to the issuer the credential names (${issuer}).`,
    th: `กุญแจที่ใช้ลงนามเป็นของ ${controller} ไม่ใช่ของผู้ออกที่ระบุในเอกสาร (${issuer})`,
  }),
  malformed: (detail: string): VerificationProblem => ({
    en: `The credential is not well formed: ${detail}`,
    th: `เอกสารรับรองมีรูปแบบไม่ถูกต้อง: ${detail}`,
  }),
  expired: (validUntil: string): VerificationProblem => ({
    en: `The credential expired (valid until ${validUntil}).`,
    th: `เอกสารรับรองหมดอายุแล้ว (มีผลถึง ${validUntil})`,
  }),
  notYetValid: (validFrom: string): VerificationProblem => ({
    en: `The credential is not valid yet (valid from ${validFrom}).`,
    th: `เอกสารรับรองยังไม่มีผล (มีผลตั้งแต่ ${validFrom})`,
  }),
  revoked: (): VerificationProblem => ({
    en: 'The issuer has revoked this credential.',
    th: 'ผู้ออกได้เพิกถอนเอกสารรับรองนี้แล้ว',
  }),
  noStatus: (): VerificationProblem => ({
    en: 'The credential has no revocation status, so nothing shows that it has not been revoked.',
    th: 'เอกสารรับรองไม่มีข้อมูลสถานะการเพิกถอน จึงยืนยันไม่ได้ว่ายังไม่ถูกเพิกถอน',
  }),
  statusListUnavailable: (url: string): VerificationProblem => ({
    en: `The revocation list ${url} is not available, so the credential's status is unknown.`,
    th: `ไม่พบรายการสถานะการเพิกถอน ${url} จึงไม่ทราบสถานะของเอกสารรับรอง`,
  }),
  statusListInvalid: (url: string, why: VerificationProblem): VerificationProblem => ({
    en: `The revocation list ${url} cannot be trusted, so the credential's status is unknown: ${why.en}`,
    th: `รายการสถานะการเพิกถอน ${url} เชื่อถือไม่ได้ จึงไม่ทราบสถานะของเอกสารรับรอง: ${why.th}`,
  }),
  notAStatusList: (): VerificationProblem => ({
    en: 'it is not a BitstringStatusListCredential for revocation.',
    th: 'ไม่ใช่ BitstringStatusListCredential สำหรับการเพิกถอน',
  }),
  statusListOfAnotherIssuer: (): VerificationProblem => ({
    en: "it was issued by someone other than the credential's issuer.",
    th: 'ผู้ออกรายการไม่ใช่ผู้ออกเอกสารรับรอง',
  }),
  statusListUnreadable: (detail: string): VerificationProblem => ({
    en: `its list cannot be read (${detail}).`,
    th: `อ่านรายการไม่ได้ (${detail})`,
  }),
};
