import { sarabunFontFaces } from '../../platform/fonts/sarabun';
import { labelOf, DISABILITY_TYPES, DOCUMENT_TYPES, EDUCATION_LEVELS, MEMBER_ROLES, SEXES, TITLES, WORK_STATUSES } from '../../../shared/person-fields';
import { formatThaiDate, formatThaiDateTime } from '../../../shared/thai-date';
import type { RegistryService } from './registry.service';

type PersonExport = Awaited<ReturnType<RegistryService['exportPerson']>>;

/** Consent purposes and lawful bases in Thai (the web app's words, registry i18n `purposes`). */
const PURPOSES: Record<string, string> = {
  'sensitive-data': 'เก็บข้อมูลอ่อนไหว (ความพิการ)',
  'share-lazada': 'ส่งต่อให้ Lazada',
  'share-gsb': 'ส่งต่อให้ธนาคารออมสิน',
  'share-partners': 'ส่งต่อให้หน่วยงานพันธมิตร',
  contact: 'ติดต่อแจ้งข่าว',
};
const LAWFUL_BASES: Record<string, string> = {
  'public-task': 'ภารกิจเพื่อประโยชน์สาธารณะ',
  consent: 'ความยินยอม',
  'explicit-consent': 'ความยินยอมโดยชัดแจ้ง',
  'legal-obligation': 'การปฏิบัติตามกฎหมาย',
};

const escapeHtml = (value: unknown) => String(value ?? '—').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
/** A civil date in B.E. ('5 มี.ค. 2528'); what is not a date is shown as it is. */
const date = (iso: string | null | undefined) => {
  if (!iso) return '—';
  try {
    return formatThaiDate(iso.slice(0, 10));
  } catch {
    return iso;
  }
};
/** An instant in Bangkok time with a B.E. year ('23 พ.ย. 2569 14:05 น.'). */
const time = (iso: string | null | undefined) => (iso ? `${formatThaiDateTime(new Date(iso))} น.` : '—');

/**
 * A person's data as a readable page the browser prints (PDPA access request): Thai first with
 * English labels, dates in the Buddhist era, times in Bangkok, codes as their Thai names, and the
 * bundled Sarabun font inline so Thai prints on a machine without a Thai font.
 */
export async function personPrintable(data: PersonExport): Promise<string> {
  const p = data.person;
  const groupName = (code: string) => data.targetGroupNames.find((g) => g.code === code)?.nameTh ?? code;
  const rows: [string, unknown][] = [
    [
      'ชื่อ–นามสกุล / Name',
      `${labelOf(TITLES, p.title, 'th')}${p.firstNameTh} ${p.lastNameTh}${p.firstNameEn ? ` (${p.firstNameEn} ${p.lastNameEn ?? ''})` : ''}`,
    ],
    ['เอกสารประจำตัว / Identity documents', p.identities.map((i) => `${labelOf(DOCUMENT_TYPES, i.docType, 'th')} ${i.docNumber}`).join(', ')],
    ['เพศ / Sex', labelOf(SEXES, p.sex, 'th')],
    ['วันเกิด / Birth date', date(p.birthDate)],
    ['โทรศัพท์ / Phone', p.phone],
    [
      'ที่อยู่ / Address',
      `${p.address.houseNo ?? ''} ${p.address.villageNo ? `หมู่ ${p.address.villageNo}` : ''} ต.${p.address.subdistrictNameTh} อ.${p.address.districtNameTh} จ.${p.address.provinceNameTh} ${p.address.postcode ?? ''}`,
    ],
    ['กลุ่มเป้าหมาย / Target groups', p.targetGroups.map(groupName).join(', ') || '—'],
    [
      'ความพิการ / Disability',
      p.disability ? `${labelOf(DISABILITY_TYPES, p.disability.type, 'th')} ${p.disability.cardNo ?? ''}` : p.sensitiveWithheld ? '(ไม่แสดง / withheld)' : '—',
    ],
    ['การศึกษา / Education', labelOf(EDUCATION_LEVELS, p.education, 'th') || '—'],
    ['สถานะการทำงาน / Work', labelOf(WORK_STATUSES, p.workStatus, 'th') || '—'],
    ['รายได้ต่อเดือน / Monthly income', p.monthlyIncomeSatang === null ? '—' : `${(p.monthlyIncomeSatang / 100).toLocaleString('th-TH')} บาท`],
    ['ฐานทางกฎหมาย / Lawful basis', LAWFUL_BASES[p.lawfulBasis] ?? p.lawfulBasis],
  ];
  const memberships = p.memberships.map(
    (m) =>
      `<li>${escapeHtml(m.groupName)} — ${escapeHtml(labelOf(MEMBER_ROLES, m.role, 'th'))} (${escapeHtml(date(m.joinedOn))}${m.leftOn ? ` – ${escapeHtml(date(m.leftOn))}` : ''})</li>`,
  );
  const consents = p.consents.map(
    (c) =>
      `<li>${escapeHtml(PURPOSES[c.purpose] ?? c.purpose)}: ${escapeHtml(time(c.givenAt))}${c.withdrawnAt ? ` (ถอนแล้ว / withdrawn ${escapeHtml(time(c.withdrawnAt))})` : ''}</li>`,
  );
  const timeline = data.timeline.map((e) => `<li>${escapeHtml(time(e.occurredAt))} — ${escapeHtml(e.summaryTh)} / ${escapeHtml(e.summaryEn)}</li>`);
  return `<!doctype html><html lang="th"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>ข้อมูลส่วนบุคคล / Personal data — ${escapeHtml(p.firstNameTh)}</title>
<style>${await sarabunFontFaces()}
body{font-family:Sarabun,sans-serif;max-width:50rem;margin:2rem auto;padding:0 1rem;line-height:1.6;color:#111}th{text-align:left;vertical-align:top;padding:.3rem 1rem .3rem 0;width:16rem}td{padding:.3rem 0}h2{margin-top:2rem;border-bottom:1px solid #999}@media print{button{display:none}}</style></head>
<body><main><h1>ข้อมูลส่วนบุคคลที่ระบบ Archeep เก็บไว้<br><small>Personal data held by Archeep</small></h1>
<p>จัดทำเมื่อ / Exported at <time datetime="${escapeHtml(data.exportedAt)}">${escapeHtml(time(data.exportedAt))}</time> (เวลากรุงเทพฯ / Bangkok time) · ${escapeHtml(data.controller)}</p>
<table>${rows.map(([k, v]) => `<tr><th scope="row">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`).join('')}</table>
<h2>กลุ่มอาชีพ / Groups</h2><ul>${memberships.join('') || '<li>—</li>'}</ul>
<h2>ความยินยอม / Consents</h2><ul>${consents.join('') || '<li>—</li>'}</ul>
<h2>ประวัติ / Timeline</h2><ul>${timeline.join('') || '<li>—</li>'}</ul>
</main></body></html>`;
}
