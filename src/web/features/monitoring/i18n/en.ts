import type { Texts } from '../../../i18n/texts';
import type th from './th';

const en: Texts<typeof th> = {
  overview: {
    title: 'Indicators against targets',
    intro: 'What has been achieved in the fiscal year against its targets, by province, beside the same point of the previous year',
    fiscalYear: 'Fiscal year',
    fiscalYearOption: 'Fiscal year {{fy}}',
    province: 'Province',
    allProvinces: 'Every province of your area',
    indicator: 'Indicator on the map and table',
    actual: 'Actual',
    target: 'Target',
    noTarget: 'No target set',
    percent: '{{percent}}% of target',
    progress: '{{name}}: {{actual}} of a target of {{target}} ({{percent}}%)',
    lastYear: 'Same point of fiscal year {{fy}}: {{n}}',
    notMaintained: 'Not counted yet',
    notMaintainedDetail: 'Defined; its figures are not counted from the records yet',
    map: '{{name}} by province (darker = more); tap a province to see it alone',
    table: '{{name}} by province',
    share: '%',
    noneYet: 'Nothing recorded in this fiscal year yet',
    area: 'Area: {{area}}',
    wholeCountry: 'Whole country',
    yourArea: 'Your area',
    source: 'Source: {{source}}',
  },
};

export default en;
