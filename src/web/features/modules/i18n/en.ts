import type { Texts } from '../../../i18n/texts';
import type th from './th';

const en: Texts<typeof th> = {
  comingSoon: 'Coming soon',
  comingSoonIntro: 'This part opens in a later release. It will let you:',
  registry: [
    'Register people: 13-digit national ID with checksum, Thai names, B.E. dates, address by sub-district code, target groups',
    'Occupation groups, members and roles',
    'Import from CSV/Excel with a per-row error report; find duplicates',
    'PDPA consent and data-subject rights',
  ],
  training: [
    'Curricula: hours, mode, provider, competency standards',
    'Sessions of 100–500 people with waitlists',
    'Attendance, completion rules, certificates with QR verification',
    'Planning against DSD labour-demand data',
  ],
  credentials: ['Competency standards and units (TPQI)', 'Assessments and results', 'Verifiable credentials and revocation'],
  employment: [
    'Employers, vacancies and home-based work',
    'Job-seeker profiles from training and credentials; matching; referrals',
    'Placements and income follow-ups',
  ],
  enterprise: [
    'Programmes like One Tambon One Group: stages, targets, deadlines',
    'Products and FDA / community product standard certifications with expiry',
    'Field visits: progress, obstacles, photos',
  ],
  funding: [
    'Funds, budgets and application windows',
    'Loan applications with four-eyes approval that never overspends',
    'Repayment schedules exact to the satang; arrears',
  ],
  marketplace: ['A public catalogue of community products', 'Lazada, Facebook and LINE OA channels with status per channel', 'Monthly sales'],
  monitoring: [
    'Indicators by region, province, district, sub-district, target group, agency and fiscal year',
    'Charts, a map, Excel and PDF exports',
    'Against the targets: 15,000 employed, 140 groups, 401/77/324, the 5 M baht fund',
  ],
};

export default en;
