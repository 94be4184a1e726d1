import type { Texts } from '../../../i18n/texts';
import type th from './th';

const en: Texts<typeof th> = {
  title: 'Areas',
  intro: 'Regions, provinces, districts and sub-districts with DOPA codes',
  search: 'Search area names (Thai or English)',
  searchResults: 'Search results',
  noResults: 'No area matches',
  regions: 'Regions',
  provinces: 'Provinces',
  districts: 'Districts',
  subdistricts: 'Sub-districts',
  code: 'Code',
  nameTh: 'Thai name',
  nameEn: 'English name',
  postcode: 'Postcode',
  all: 'Thailand',
  level: {
    province: 'Province',
    district: 'District',
    subdistrict: 'Sub-district',
  },
  map: 'Map of the provinces of Thailand; choose a province to see its districts',
  yourArea: 'Your area',
  codesCredit: 'DOPA codes: thailand-geography-json (MIT).',
  mapCredit: 'Province boundaries: OCHA / Royal Thai Survey Department (CC BY-IGO), via mapthai',
};

export default en;
