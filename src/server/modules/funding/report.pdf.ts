import PDFDocument from 'pdfkit';
import { formatThaiDate, formatThaiDateTime } from '../../../shared/thai-date';
import { satangToBaht } from '../../../shared/money';
import { loadFonts, scriptRuns } from '../credentials/certificate.pdf';
import { BUCKETS, type Bucket } from './funding.rules';

/** What the funding report says: the same figures as the XLSX export, with province names. */
export interface FundingReportContent {
  generatedAt: Date;
  funds: {
    code: string;
    nameTh: string;
    position: { capital: number; committed: number; outstanding: number; repaid: number; writtenOff: number; available: number };
  }[];
  /** Per month (`YYYY-MM`), with its Thai fiscal year (B.E.). */
  flows: { month: string; fiscalYear: number; disbursedSatang: number; repaidSatang: number }[];
  /** Per province (office). */
  ageing: {
    provinceCode: string;
    provinceNameTh: string;
    buckets: Record<Bucket, { loans: number; outstandingSatang: number }>;
    par30Bp: number;
    par90Bp: number;
  }[];
}

export const REPORT_TITLE = 'รายงานกองทุนหมุนเวียนเพื่อกลุ่มอาชีพ';
const BUCKET_TH: Record<Bucket, string> = { current: 'ไม่ค้าง', '1-30': '1–30 วัน', '31-60': '31–60 วัน', '61-90': '61–90 วัน', 'over-90': 'เกิน 90 วัน' };

const grouped = (satang: number) => satangToBaht(satang).replace(/\B(?=(\d{3})+(?!\d))(?=.*\.)/g, ',');
const percent = (bp: number) => `${(bp / 100).toFixed(2)} %`;
/** '2026-01' → 'ม.ค. 2569'. */
const thaiMonth = (month: string) => formatThaiDate(`${month}-01`).replace(/^\d+\s/, '');

/**
 * The funding report as an A4 landscape PDF in Thai (Sarabun, bundled): the fund position, the
 * disbursements and repayments per fiscal year (B.E.) and month, and ageing with PAR per
 * province. Money is in baht from satang, never through floating point.
 */
export async function renderFundingReport(c: FundingReportContent): Promise<Buffer> {
  const fonts = await loadFonts();
  const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: 36, lang: 'th', displayTitle: true, info: { Title: REPORT_TITLE } });
  for (const [name, bytes] of fonts) doc.registerFont(name, bytes);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  const left = doc.page.margins.left;
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;

  /** Mixed Thai and Latin text at (x, y), each run in its script's font. */
  const write = (text: string, x: number, y: number, o: { size?: number; bold?: boolean; width?: number; align?: 'left' | 'right' } = {}) => {
    const size = o.size ?? 10;
    const runs = scriptRuns(text);
    doc.fontSize(size);
    const fontOf = (thai: boolean) => (thai ? (o.bold ? 'thaiBold' : 'thai') : o.bold ? 'latinBold' : 'latin');
    const total = runs.reduce((s, r) => s + doc.font(fontOf(r.thai)).widthOfString(r.text), 0);
    let at = o.align === 'right' && o.width ? x + o.width - total : x;
    for (const r of runs) {
      doc.font(fontOf(r.thai)).text(r.text, at, y, { lineBreak: false });
      at += doc.widthOfString(r.text);
    }
  };
  const heading = (text: string) => {
    if (doc.y + 60 > bottom()) doc.addPage();
    doc.moveDown(0.8);
    const y = doc.y;
    write(text, left, y, { size: 14, bold: true });
    doc.y = y + 22;
  };
  /** A table: the first column left-aligned, the others right-aligned figures; the header repeats on a new page. */
  const table = (header: string[], rows: string[][], widths: number[]) => {
    const scale = width / widths.reduce((a, b) => a + b, 0);
    const cols = widths.map((w) => w * scale);
    const xs = cols.map((_w, i) => left + cols.slice(0, i).reduce((a, b) => a + b, 0));
    const row = (cells: string[], bold: boolean) => {
      if (doc.y + 18 > bottom()) {
        doc.addPage();
        if (!bold) row(header, true);
      }
      const y = doc.y;
      cells.forEach((cell, i) => write(cell, xs[i]! + 2, y, { bold, width: cols[i]! - 4, align: i === 0 ? 'left' : 'right' }));
      doc
        .moveTo(left, y + 16)
        .lineTo(left + width, y + 16)
        .lineWidth(bold ? 0.8 : 0.3)
        .stroke('#888888');
      doc.y = y + 18;
    };
    row(header, true);
    if (rows.length === 0) row(['ไม่มีข้อมูล', ...header.slice(1).map(() => '')], false);
    for (const r of rows) row(r, false);
  };

  write(REPORT_TITLE, left, doc.y, { size: 18, bold: true });
  doc.y += 28;
  write(`จัดทำเมื่อ ${formatThaiDateTime(c.generatedAt)} · จำนวนเงินเป็นบาท`, left, doc.y, { size: 10 });
  doc.y += 16;

  heading('ฐานะกองทุน');
  table(
    ['กองทุน', 'ทุน', 'ผูกพัน', 'ลูกหนี้คงค้าง', 'รับคืน', 'หนี้สูญ', 'ให้กู้ได้'],
    c.funds.map((f) => [
      `${f.code} ${f.nameTh}`,
      ...[f.position.capital, f.position.committed, f.position.outstanding, f.position.repaid, f.position.writtenOff, f.position.available].map(grouped),
    ]),
    [5, 2, 2, 2, 2, 2, 2],
  );

  heading('การเบิกจ่ายและรับชำระ ตามปีงบประมาณและเดือน');
  const years = [...new Set(c.flows.map((f) => f.fiscalYear))].sort();
  const flowRows: string[][] = [];
  for (const year of years) {
    const months = c.flows.filter((f) => f.fiscalYear === year).sort((a, b) => a.month.localeCompare(b.month));
    for (const m of months) flowRows.push([`ปีงบประมาณ ${year} · ${thaiMonth(m.month)}`, grouped(m.disbursedSatang), grouped(m.repaidSatang)]);
    flowRows.push([
      `รวมปีงบประมาณ ${year}`,
      grouped(months.reduce((s, m) => s + m.disbursedSatang, 0)),
      grouped(months.reduce((s, m) => s + m.repaidSatang, 0)),
    ]);
  }
  table(['เดือน', 'เบิกจ่าย', 'รับชำระเงินต้น'], flowRows, [4, 2, 2]);

  heading('อายุหนี้และหนี้เสี่ยง (PAR) รายจังหวัด');
  table(
    ['จังหวัด', ...BUCKETS.map((b) => BUCKET_TH[b]), 'PAR30', 'PAR90'],
    c.ageing.map((a) => [
      a.provinceNameTh,
      ...BUCKETS.map((b) => `${grouped(a.buckets[b].outstandingSatang)} (${a.buckets[b].loans})`),
      percent(a.par30Bp),
      percent(a.par90Bp),
    ]),
    [3, 2.4, 2.4, 2.4, 2.4, 2.4, 1.4, 1.4],
  );
  doc.y += 6;
  write('ตัวเลขในวงเล็บคือจำนวนสัญญา · PAR30/PAR90 = เงินต้นคงค้างของสัญญาที่ค้างชำระเกิน 30/90 วัน ต่อเงินต้นคงค้างทั้งหมด', left, doc.y, { size: 9 });
  doc.end();
  return done;
}
