import type { Messages } from './th';

/** English, the second language; the same keys as th.ts. */
export const en: Messages = {
  app: { name: 'Archeep · อาชีพ', tagline: 'Occupation development for vulnerable people and community occupation groups', skip: 'Skip to main content', apiDocs: 'API documentation', language: 'Language', switchTo: 'ภาษาไทย', menu: 'Menu' },
  common: { loading: 'Loading…', save: 'Save', cancel: 'Cancel', search: 'Search', close: 'Close', none: '—', nationwide: 'Nationwide', yes: 'Yes', no: 'No', more: 'Load more', all: 'All', total: '{{count}} in all', error: 'Something went wrong', requestId: 'Request id' },
  auth: {
    signIn: 'Sign in', signOut: 'Sign out', username: 'Username', password: 'Password',
    signInTitle: 'Sign in to Archeep',
    changePassword: 'Change password', changePasswordTitle: 'Choose a new password',
    mustChange: 'You signed in with a one-time password. Choose a new password before you go on.',
    currentPassword: 'Current password', newPassword: 'New password', confirmPassword: 'Confirm new password',
    savePassword: 'Save password', passwordHint: 'At least 10 characters; a phrase you can remember works well', mismatch: 'The two passwords differ',
    changed: 'Password changed', userMenu: 'User menu for {{name}}',
  },
  nav: {
    curricula: 'All curricula', myCourses: 'My courses', myCertificates: 'My certificates', myQualifications: 'My qualifications',
    home: 'Home', registry: 'People and groups', training: 'Training', credentials: 'Competency and credentials',
    employment: 'Employment', enterprise: 'Enterprise development', funding: 'Funding', marketplace: 'Marketplace', monitoring: 'Monitoring',
    areas: 'Areas', org: 'Agencies and units', users: 'Users', audit: 'Audit trail', modules: 'Programme work', reference: 'Reference data and system',
  },
  roles: {
    system_admin: 'System administrator', executive: 'Executive', officer: 'Officer', course_provider: 'Course provider', assessor: 'Assessor',
    fund_maker: 'Fund maker', fund_checker: 'Fund checker', employer: 'Employer', marketplace_partner: 'Marketplace partner', citizen: 'Citizen',
  },
  home: {
    target: 'Target',
    greeting: 'Hello, {{name}}', roles: 'Your roles', area: 'Your area', targets: 'Programme targets (from the source reports)',
    targetNote: 'These are targets; results will show here once monitoring is built.',
    employed: 'in-centre graduates employed a year', groups: 'new entrepreneur groups a year', prototypes: 'One Tambon One Group prototype groups',
    prototypesDetail: '77 fully trained, 324 more by 31 Mar 2025', fund: 'baht interest-free loan fund, 24 months', fundDetail: '50,000–300,000 baht per group',
    quick: 'Shortcuts',
  },
  modules: {
    comingSoon: 'Coming soon', comingSoonIntro: 'This part opens in a later release. It will let you:',
    registry: ['Register people: 13-digit national ID with checksum, Thai names, B.E. dates, address by sub-district code, target groups', 'Occupation groups, members and roles', 'Import from CSV/Excel with a per-row error report; find duplicates', 'PDPA consent and data-subject rights'],
    training: ['Curricula: hours, mode, provider, competency standards', 'Sessions of 100–500 people with waitlists', 'Attendance, completion rules, certificates with QR verification', 'Planning against DSD labour-demand data'],
    credentials: ['Competency standards and units (TPQI)', 'Assessments and results', 'Verifiable credentials and revocation'],
    employment: ['Employers, vacancies and home-based work', 'Job-seeker profiles from training and credentials; matching; referrals', 'Placements and income follow-ups'],
    enterprise: ['Programmes like One Tambon One Group: stages, targets, deadlines', 'Products and FDA / community product standard certifications with expiry', 'Field visits: progress, obstacles, photos'],
    funding: ['Funds, budgets and application windows', 'Loan applications with four-eyes approval that never overspends', 'Repayment schedules exact to the satang; arrears'],
    marketplace: ['A public catalogue of community products', 'Lazada, Facebook and LINE OA channels with status per channel', 'Monthly sales'],
    monitoring: ['Indicators by region, province, district, sub-district, target group, agency and fiscal year', 'Charts, a map, Excel and PDF exports', 'Against the targets: 15,000 employed, 140 groups, 401/77/324, the 5 M baht fund'],
  },
  areas: {
    title: 'Areas', intro: 'Regions, provinces, districts and sub-districts with DOPA codes',
    search: 'Search area names (Thai or English)', searchResults: 'Search results', noResults: 'No area matches',
    regions: 'Regions', provinces: 'Provinces', districts: 'Districts', subdistricts: 'Sub-districts',
    code: 'Code', nameTh: 'Thai name', nameEn: 'English name', postcode: 'Postcode', all: 'Thailand',
    level: { province: 'Province', district: 'District', subdistrict: 'Sub-district' },
    map: 'Map of the provinces of Thailand; choose a province to see its districts', yourArea: 'Your area', mapCredit: 'Province boundaries: OCHA / Royal Thai Survey Department (CC BY-IGO), via mapthai',
  },
  org: {
    title: 'Agencies and units', agencies: 'Agencies and partners of the programme', units: 'Units', scopeNote: 'Only units serving your area are shown',
    agency: 'Agency', kind: 'Kind', province: 'Province', text: 'Search name or code', area: 'Area of responsibility', contact: 'Contact',
    phone: 'Phone', email: 'Email', address: 'Address', edit: 'Edit contact details', saved: 'Saved', assumed: 'Assumed, to be confirmed', source: 'Source',
    kinds: {
      headquarters: 'Headquarters', 'learning-centre': 'Women and Family Development Learning Centre', 'provincial-skill-development-office': 'Provincial Skill Development Office',
      'provincial-employment-office': 'Provincial Employment Office', 'assessment-centre': 'Assessment centre',
    },
    back: 'Back to agencies and units', provincesCount: '{{count}} provinces',
  },
  users: {
    title: 'Users and roles', create: 'Create user', createTitle: 'Create an account', displayName: 'Display name', email: 'Email', locale: 'Language',
    role: 'Role', unit: 'Unit', unitHint: 'Type to search units (officers need one)', addRole: 'Add role', removeRole: 'Remove role',
    submit: 'Create', status: 'Status', active: 'Active', disabled: 'Disabled', lastSignIn: 'Last sign-in', roles: 'Roles', locked: 'Locked until',
    oneTimeTitle: 'Account created', oneTimeIntro: "{{username}}'s one-time password is shown only now. Hand it over safely; they choose a new one at first sign-in.",
    copy: 'Copy', copied: 'Copied', resetPassword: 'Issue a new password', disable: 'Disable account', enable: 'Enable account', detail: 'User details', saveRoles: 'Save roles',
    noUnit: 'No unit (nationwide)',
  },
  audit: {
    title: 'Audit trail', intro: 'Every change: who, when, what, before and after, linked by hashes',
    action: 'Action (starts with)', entityType: 'Record type', actor: 'Actor (username)', from: 'From', to: 'To', filter: 'Filter',
    when: 'When', what: 'Action', who: 'Actor', entity: 'Record', details: 'Details', before: 'Before', after: 'After', requestId: 'Request id',
    verify: 'Verify the chain', verifyOk: 'The chain holds: {{count}} events checked', verifyBad: 'Tampering found at event {{id}} ({{reason}})', system: 'system',
  },
  notFound: { title: 'Page not found', back: 'Back to home' },
};
