/**
 * The demo's staff and partner accounts, one for each role the demo shows (the citizen account,
 * `demo.citizen`, is opened from her person record by demo-training.ts, and the first
 * administrator by start-up). test/journeys/navigation.journey.test.ts signs in with each of these
 * roles and opens every navigation entry.
 */
import type { Role } from '../src/server/platform/auth/actor';

export const DEMO_ACCOUNTS: { username: string; displayName: string; roles: { role: Role; unitCode: string | null }[] }[] = [
  { username: 'demo.executive', displayName: 'ผู้บริหาร (สาธิต)', roles: [{ role: 'executive', unitCode: null }] },
  { username: 'demo.kk.officer', displayName: 'สมหญิง ใจดี — จัดหางานขอนแก่น', roles: [{ role: 'officer', unitCode: 'DOE-PEO-40' }] },
  { username: 'demo.kk.skills', displayName: 'วิชัย ศรีสุข — พัฒนาฝีมือแรงงานขอนแก่น', roles: [{ role: 'officer', unitCode: 'DSD-PSDO-40' }] },
  { username: 'demo.bkk.officer', displayName: 'ประภา สุขใจ — จัดหางานกรุงเทพมหานคร', roles: [{ role: 'officer', unitCode: 'DOE-PEO-10' }] },
  { username: 'demo.phuket.officer', displayName: 'อารีย์ ทองดี — จัดหางานภูเก็ต', roles: [{ role: 'officer', unitCode: 'DOE-PEO-83' }] },
  { username: 'demo.ne.centre', displayName: 'มาลี แก้วมณี — ศูนย์เรียนรู้ฯ ภาคตะวันออกเฉียงเหนือ', roles: [{ role: 'officer', unitCode: 'DWF-LC-NE' }] },
  { username: 'demo.etda.provider', displayName: 'ผู้จัดหลักสูตร ETDA (สาธิต)', roles: [{ role: 'course_provider', unitCode: 'ETDA-HQ' }] },
  { username: 'demo.tpqi.assessor', displayName: 'ผู้ประเมิน TPQI (สาธิต)', roles: [{ role: 'assessor', unitCode: 'TPQI-HQ' }] },
  { username: 'demo.fund.maker', displayName: 'ผู้จัดทำคำขอกองทุน ขอนแก่น (สาธิต)', roles: [{ role: 'fund_maker', unitCode: 'DOE-PEO-40' }] },
  { username: 'demo.fund.checker', displayName: 'ผู้ตรวจสอบกองทุน ขอนแก่น (สาธิต)', roles: [{ role: 'fund_checker', unitCode: 'DOE-PEO-40' }] },
  { username: 'demo.fund.approver', displayName: 'เลขานุการคณะกรรมการกองทุน ขอนแก่น (สาธิต)', roles: [{ role: 'fund_approver', unitCode: 'DOE-PEO-40' }] },
  { username: 'demo.lazada', displayName: 'พันธมิตร Lazada (สาธิต)', roles: [{ role: 'marketplace_partner', unitCode: null }] },
  { username: 'demo.dwf.hq', displayName: 'เจ้าหน้าที่ส่วนกลาง สค. (สาธิต)', roles: [{ role: 'officer', unitCode: 'DWF-HQ' }] },
];
