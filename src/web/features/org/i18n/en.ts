import type { Texts } from '../../../i18n/texts';
import type th from './th';

const en: Texts<typeof th> = {
  title: 'Agencies and units',
  agencies: 'Agencies and partners of the programme',
  units: 'Units',
  scopeNote: 'Only units serving your area are shown',
  agency: 'Agency',
  kind: 'Kind',
  province: 'Province',
  text: 'Search name or code',
  area: 'Area of responsibility',
  contact: 'Contact',
  phone: 'Phone',
  email: 'Email',
  address: 'Address',
  edit: 'Edit contact details',
  saved: 'Saved',
  assumed: 'Assumed, to be confirmed',
  source: 'Source',
  kinds: {
    headquarters: 'Headquarters',
    'learning-centre': 'Women and Family Development Learning Centre',
    'provincial-skill-development-office': 'Provincial Skill Development Office',
    'provincial-employment-office': 'Provincial Employment Office',
    'assessment-centre': 'Assessment centre',
  },
  back: 'Back to agencies and units',
  provincesCount: '{{count}} provinces',
};

export default en;
