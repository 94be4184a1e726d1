/**
 * The reasons a row of an import is rejected or warned about, in words that summarise many rows
 * (a row's own message names its value; the summary by reason does not). A code without an
 * entry is shown as itself.
 */
export const REASONS: Record<string, { th: string; en: string }> = {
  'missing-value': { th: 'ไม่ได้กรอกช่องที่ต้องกรอก', en: 'A required cell is empty' },
  'invalid-national-id': { th: 'เลขประจำตัวประชาชนไม่ถูกต้อง', en: 'The national ID is not valid' },
  'invalid-document-type': { th: 'ไม่รู้จักประเภทเอกสาร', en: 'Unknown document type' },
  'invalid-document-number': { th: 'เลขเอกสารไม่ถูกต้อง', en: 'The document number is not valid' },
  'invalid-title': { th: 'ไม่รู้จักคำนำหน้า', en: 'Unknown title' },
  'invalid-sex': { th: 'ไม่รู้จักเพศ', en: 'Unknown sex' },
  'invalid-name': { th: 'ชื่อมีตัวเลขหรือสัญลักษณ์', en: 'The name has digits or symbols' },
  'too-long': { th: 'ข้อความยาวเกินกำหนด', en: 'The text is too long' },
  'invalid-date': { th: 'วันที่ไม่ถูกต้อง', en: 'Impossible or unreadable date' },
  'future-date': { th: 'วันที่อยู่ในอนาคต', en: 'The date is in the future' },
  'implausible-date': { th: 'วันเกิดเกิน 120 ปี', en: 'Birth date more than 120 years ago' },
  'unknown-subdistrict': { th: 'ไม่รู้จักรหัสตำบล', en: 'Unknown sub-district code' },
  'out-of-scope': { th: 'อยู่นอกพื้นที่รับผิดชอบ', en: 'Outside your area' },
  'duplicate-in-file': { th: 'เลขเอกสารซ้ำกับบรรทัดก่อนหน้าในไฟล์', en: 'The document repeats an earlier line of the file' },
  formula: { th: 'ช่องเป็นสูตร ไม่ใช่ข้อมูล', en: 'A cell is a formula, not a value' },
  'invalid-phone': { th: 'หมายเลขโทรศัพท์ไม่ถูกต้อง (เว้นว่างไว้)', en: 'Not a phone number (left empty)' },
  'invalid-number': { th: 'ไม่ใช่ตัวเลขที่ใช้ได้ (เว้นว่างไว้)', en: 'Not a usable number (left empty)' },
  'unknown-target-group': { th: 'ไม่รู้จักกลุ่มเป้าหมาย (ไม่บันทึกค่านี้)', en: 'Unknown target group (left out)' },
  'invalid-yes-no': { th: 'ไม่ใช่ ใช่/ไม่ใช่ (ถือว่าไม่ใช่)', en: 'Not yes or no (read as no)' },
  'invalid-disability-type': { th: 'ไม่รู้จักประเภทความพิการ (เว้นว่างไว้)', en: 'Unknown disability type (left empty)' },
  'sensitive-without-basis': {
    th: 'ข้อมูลอ่อนไหวไม่มีฐานทางกฎหมาย (นำเข้าโดยไม่บันทึกข้อมูลนี้)',
    en: 'Sensitive data without a lawful basis (imported without it)',
  },
  'invalid-education': { th: 'ไม่รู้จักระดับการศึกษา (เว้นว่างไว้)', en: 'Unknown education level (left empty)' },
  'invalid-work-status': { th: 'ไม่รู้จักสถานะการทำงาน (เว้นว่างไว้)', en: 'Unknown work status (left empty)' },
  'invalid-amount': { th: 'ไม่ใช่จำนวนเงิน (เว้นว่างไว้)', en: 'Not an amount of money (left empty)' },
  'invalid-group-type': { th: 'ไม่รู้จักประเภทกลุ่ม', en: 'Unknown group type' },
  'invalid-occupation': { th: 'ไม่รู้จักประเภทอาชีพ', en: 'Unknown occupation category' },
  'not-community-enterprise': { th: 'เลขทะเบียนมีเฉพาะวิสาหกิจชุมชน', en: 'Only a community enterprise has a registration number' },
  'invalid-role': { th: 'ไม่รู้จักบทบาท (นำเข้าเป็นสมาชิก)', en: 'Unknown role (imported as a member)' },
  'unknown-person': { th: 'สมาชิกยังไม่ได้ลงทะเบียน', en: 'The member is not registered' },
};

export const reasonText = (code: string) => REASONS[code] ?? { th: code, en: code };
