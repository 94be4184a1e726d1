import PDFDocument from 'pdfkit';
import { formatThaiDate, formatThaiDateTime } from '../../../shared/thai-date';
import { satangToBaht } from '../../../shared/money';
import { loadFonts, scriptRuns } from '../credentials/certificate.pdf';

export const MY_DATA_TITLE = 'ข้อมูลของฉันในระบบอาชีพ (Archeep)';

type Any = Record<string, unknown>;
const str = (v: unknown) => (v === null || v === undefined || v === '' ? '-' : String(v));
const day = (v: unknown) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v) ? formatThaiDate(v.slice(0, 10)) : str(v));

/**
 * Her data as a readable A4 PDF in Thai (Sarabun, bundled): the record, then each module's part as
 * short lines, then who saw her record. The JSON download is the complete, machine-readable copy.
 */
export async function renderMyDataPdf(data: {
  exportedAt: string;
  controller: string;
  registry: { person: Any; timeline: Any[] };
  training: { enrolments: Any[] };
  credentials: { certificates: Any[] };
  competency: { assessments: Any[] };
  employment: { seeker: Any | null; referrals: Any[]; placements: Any[]; followUps: Any[] };
  enterprise: { groups: { groupName: string; role: string; participations: Any[] }[] };
  funding: { loans: Any[] };
  selfservice: { requests: Any[]; grievances: Any[] };
  whoSaw: { at: string; what: { th: string }; officerName: string | null; roles: { role: string; unitNameTh: string | null }[]; reason: string | null }[];
}): Promise<Buffer> {
  const fonts = await loadFonts();
  const doc = new PDFDocument({ size: 'A4', margin: 40, lang: 'th', displayTitle: true, info: { Title: MY_DATA_TITLE } });
  for (const [name, bytes] of fonts) doc.registerFont(name, bytes);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  let y = doc.page.margins.top;

  /** One line of mixed Thai and Latin, each run in its script's font, cut to the page's width. */
  const line = (text: string, o: { size?: number; bold?: boolean; indent?: number } = {}) => {
    const size = o.size ?? 10;
    if (y + size * 1.6 > bottom()) {
      doc.addPage();
      y = doc.page.margins.top;
    }
    doc.fontSize(size);
    const fontOf = (thai: boolean) => (thai ? (o.bold ? 'thaiBold' : 'thai') : o.bold ? 'latinBold' : 'latin');
    let at = left + (o.indent ?? 0);
    const end = left + width;
    for (const r of scriptRuns(text)) {
      doc.font(fontOf(r.thai));
      let part = r.text;
      while (part && at + doc.widthOfString(part) > end) part = part.slice(0, -1);
      if (part) doc.text(part, at, y, { lineBreak: false });
      at += doc.widthOfString(part);
      if (part.length < r.text.length) break;
    }
    y += size * 1.6;
  };
  const heading = (text: string) => {
    y += 6;
    line(text, { size: 13, bold: true });
  };
  const item = (text: string) => line(`• ${text}`, { indent: 8 });
  const none = () => line('ไม่มีข้อมูล', { indent: 8 });

  const p = data.registry.person;
  line(MY_DATA_TITLE, { size: 16, bold: true });
  line(`ออกเมื่อ ${formatThaiDateTime(new Date(data.exportedAt))} · ผู้ควบคุมข้อมูล: ${data.controller}`, { size: 9 });

  heading('ข้อมูลบุคคล');
  item(`ชื่อ: ${str(p.firstNameTh)} ${str(p.lastNameTh)}${p.firstNameEn ? ` (${str(p.firstNameEn)} ${str(p.lastNameEn)})` : ''}`);
  for (const i of (p.identities as { docType: string; docNumber: string }[] | undefined) ?? []) item(`เอกสาร ${i.docType}: ${i.docNumber}`);
  item(`วันเกิด: ${day(p.birthDate)} · เพศ: ${str(p.sex)}`);
  item(`โทรศัพท์: ${str(p.phone)} · บ้านเลขที่: ${str(p.houseNo)} หมู่ ${str(p.villageNo)}`);
  const address = p.address as Any | undefined;
  if (address) item(`ที่อยู่: ${str(address.subdistrictNameTh)} ${str(address.districtNameTh)} ${str(address.provinceNameTh)}`);
  item(`กลุ่มเป้าหมาย: ${((p.targetGroups as string[] | undefined) ?? []).join(', ') || '-'}`);
  const consents = ((p.consents as Any[] | undefined) ?? []).filter((c) => !c.withdrawnAt);
  item(`ความยินยอมที่มีผล: ${consents.map((c) => str(c.purpose)).join(', ') || '-'}`);

  heading('การฝึกอบรม');
  if (!data.training.enrolments.length) none();
  for (const e of data.training.enrolments) item(`${str(e.courseNameTh ?? e.sessionCode)} · ${str(e.status)} · ${day(e.startsOn)}`);

  heading('เกียรติบัตรและคุณวุฒิ');
  if (!data.credentials.certificates.length) none();
  for (const c of data.credentials.certificates) item(`${str(c.titleTh)} · ${str(c.code)} · ${day(c.issuedOn)} · ตรวจสอบ: ${str(c.verifyUrl)}`);

  heading('การประเมินสมรรถนะ');
  if (!data.competency.assessments.length) none();
  for (const a of data.competency.assessments) item(`${str(a.qualificationTh)} · ${day(a.assessedOn)} · ${str(a.status)}`);

  heading('การจ้างงาน');
  const emp = data.employment;
  if (!emp.seeker && !emp.referrals.length && !emp.placements.length && !emp.followUps.length) none();
  if (emp.seeker) item('ลงทะเบียนเป็นผู้หางาน');
  for (const r of emp.referrals) item(`ส่งตัว: ${str(r.vacancyTitleTh ?? r.titleTh ?? r.vacancyCode)} · ${str(r.status)}`);
  for (const x of emp.placements) item(`บรรจุงาน: ${str(x.titleTh)} · ${str(x.employerNameTh)} · เริ่ม ${day(x.startedOn)}`);
  for (const f of emp.followUps) item(`ติดตามผล ${str(f.months)} เดือน · ครบกำหนด ${day(f.dueOn)} · ${f.done ? 'ตอบแล้ว' : 'ยังไม่ตอบ'}`);

  heading('กลุ่มอาชีพ');
  if (!data.enterprise.groups.length) none();
  for (const g of data.enterprise.groups) {
    item(`${g.groupName} (${g.role})`);
    for (const part of g.participations) line(`${str(part.programmeNameTh)} · ขั้น ${str(part.stageNameTh ?? part.stage)}`, { indent: 24 });
  }

  heading('เงินกู้ของกลุ่ม');
  if (!data.funding.loans.length) none();
  for (const l of data.funding.loans)
    item(
      `${str(l.loanNumber ?? l.id)} · คงค้าง ${typeof l.outstandingSatang === 'number' ? satangToBaht(l.outstandingSatang) : '-'} บาท · งวดถัดไป ${day(l.nextDueOn)}`,
    );

  heading('คำขอและเรื่องร้องเรียน');
  if (!data.selfservice.requests.length && !data.selfservice.grievances.length) none();
  for (const r of data.selfservice.requests) item(`คำขอ${r.kind === 'erasure' ? 'ลบ' : 'แก้ไข'}ข้อมูล · ${str(r.status)} · ครบกำหนด ${day(r.dueOn)}`);
  for (const g of data.selfservice.grievances) item(`${str(g.subject)} · ${str(g.status)} · ครบกำหนด ${day(g.dueOn)}`);

  heading('ผู้ที่ดูข้อมูลของคุณแบบไม่ปิดบัง');
  if (!data.whoSaw.length) none();
  for (const v of data.whoSaw)
    item(
      `${formatThaiDateTime(new Date(v.at))} · ${v.what.th} · ${str(v.officerName)} (${v.roles.map((r) => `${r.role} ${r.unitNameTh ?? ''}`.trim()).join(', ')})${v.reason ? ` · เหตุผล: ${v.reason}` : ''}`,
    );

  heading('เส้นเวลา');
  for (const e of data.registry.timeline.slice(0, 100)) item(`${formatThaiDateTime(new Date(str(e.occurredAt)))} · ${str(e.summaryTh)}`);

  doc.end();
  return done;
}
