import PDFDocument from 'pdfkit';
import { formatThaiDateTime } from '../../../shared/thai-date';
import { loadFonts, scriptRuns } from '../credentials/certificate.pdf';
import { reportTitle, shortMonthTh, type ReportContent, type ReportIndicator } from './reports.content';

/** Money in baht with two decimals from satang (integers, never through floating point); counts grouped. */
const group = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
export function figure(i: Pick<ReportIndicator, 'format'>, value: number): string {
  if (i.format !== 'satang') return group(String(value));
  const negative = value < 0;
  const abs = Math.abs(value);
  return `${negative ? '-' : ''}${group(String(Math.floor(abs / 100)))}.${String(abs % 100).padStart(2, '0')}`;
}
const percentText = (i: ReportIndicator) => (i.target ? `${((i.total / i.target) * 100).toFixed(1)} %` : '–');

/**
 * The report as an A4 landscape PDF in Thai (Sarabun, bundled): the title with the B.E. period and
 * the area, the indicators' table (this month where monthly, the fiscal year to date, the target,
 * the percent), a bar chart of each indicator against its target, and the figures per province.
 */
export async function renderReportPdf(c: ReportContent): Promise<Buffer> {
  const fonts = await loadFonts();
  const title = reportTitle(c);
  const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: 36, lang: 'th', displayTitle: true, info: { Title: title, Subject: c.areaNameTh } });
  for (const [name, bytes] of fonts) doc.registerFont(name, bytes);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  const left = doc.page.margins.left;
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;

  /** Mixed Thai and Latin text at (x, y), each run in its script's font. */
  const write = (text: string, x: number, y: number, o: { size?: number; bold?: boolean; width?: number; align?: 'left' | 'right'; color?: string } = {}) => {
    const runs = scriptRuns(text);
    doc.fontSize(o.size ?? 10).fillColor(o.color ?? '#000000');
    const fontOf = (thai: boolean) => (thai ? (o.bold ? 'thaiBold' : 'thai') : o.bold ? 'latinBold' : 'latin');
    const total = runs.reduce((s, r) => s + doc.font(fontOf(r.thai)).widthOfString(r.text), 0);
    let at = o.align === 'right' && o.width ? x + o.width - total : x;
    for (const r of runs) {
      doc.font(fontOf(r.thai)).text(r.text, at, y, { lineBreak: false });
      at += doc.widthOfString(r.text);
    }
    doc.fillColor('#000000');
  };
  const heading = (text: string, room = 60) => {
    if (doc.y + room > bottom()) doc.addPage();
    doc.moveDown(0.6);
    const y = doc.y;
    write(text, left, y, { size: 14, bold: true });
    doc.y = y + 22;
  };
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

  write(title, left, doc.y, { size: 18, bold: true });
  doc.y += 28;
  const span = c.period === 'month' ? ` · สะสมตั้งแต่ ${shortMonthTh(c.fiscalYear, 10)} ถึง ${shortMonthTh(c.fiscalYear, c.month!)}` : '';
  write(`พื้นที่ ${c.areaNameTh} · ปีงบประมาณ ${c.fiscalYear} (1 ต.ค. ${c.fiscalYear - 1} – 30 ก.ย. ${c.fiscalYear})${span}`, left, doc.y, { size: 11 });
  doc.y += 16;
  write(`จัดทำเมื่อ ${formatThaiDateTime(c.generatedAt)} · จำนวนเงินเป็นบาท`, left, doc.y, { size: 9, color: '#555555' });
  doc.y += 14;

  heading('ผลการดำเนินงานเทียบเป้าหมาย');
  const monthly = c.period === 'month';
  table(
    ['ตัวชี้วัด', 'หน่วย', ...(monthly ? [`เดือน ${shortMonthTh(c.fiscalYear, c.month!)}`] : []), 'สะสมตั้งแต่ต้นปีงบประมาณ', 'เป้าหมายปีงบประมาณ', 'ร้อยละของเป้าหมาย'],
    c.indicators.map((i) => [
      i.nameTh,
      i.format === 'satang' ? 'บาท' : i.unitTh,
      ...(monthly ? [figure(i, i.byMonth.at(-1) ?? 0)] : []),
      figure(i, i.total),
      i.target === null ? 'ไม่ได้กำหนด' : figure(i, i.target),
      percentText(i),
    ]),
    monthly ? [6, 1.2, 2, 2.4, 2.4, 1.8] : [6, 1.2, 2.4, 2.4, 1.8],
  );

  // The chart: each indicator's bar is its fiscal year to date as a share of its target; the
  // target is the line at 100 %. Bars past 150 % are drawn to 150 % and say so in the figure.
  const withTarget = c.indicators.filter((i) => i.target !== null && i.target > 0);
  heading('แผนภูมิ: ผลสะสมเทียบเป้าหมาย (เส้นแนวตั้ง = 100 % ของเป้าหมาย)', 40 + Math.min(withTarget.length, 6) * 20);
  const labelWidth = width * 0.32;
  const chartX = left + labelWidth + 8;
  const chartWidth = width - labelWidth - 90;
  const full = chartWidth / 1.5; // 100 %
  if (withTarget.length === 0) {
    write('ยังไม่มีตัวชี้วัดที่กำหนดเป้าหมายสำหรับพื้นที่และปีงบประมาณนี้', left, doc.y, { size: 10 });
    doc.y += 18;
  }
  for (const i of withTarget) {
    if (doc.y + 22 > bottom()) doc.addPage();
    const y = doc.y;
    const share = i.total / i.target!;
    write(i.nameTh, left, y + 2, { size: 10, width: labelWidth });
    doc.rect(chartX, y + 2, chartWidth, 12).fill('#EEEEEE');
    doc.rect(chartX, y + 2, Math.max(0, Math.min(share, 1.5)) * full, 12).fill(share >= 1 ? '#2F855A' : '#2B6CB0');
    doc
      .moveTo(chartX + full, y - 1)
      .lineTo(chartX + full, y + 17)
      .lineWidth(1.2)
      .stroke('#C53030');
    write(`${figure(i, i.total)} / ${figure(i, i.target!)} (${(share * 100).toFixed(1)} %)`, chartX + chartWidth + 6, y + 2, { size: 9 });
    doc.y = y + 20;
  }

  heading('ผลสะสมรายจังหวัด');
  const shownIndicators = c.indicators.slice(0, 6);
  table(
    ['จังหวัด', ...shownIndicators.map((i) => i.nameTh)],
    c.provinces.map((p) => [p.nameTh, ...shownIndicators.map((i, k) => figure(i, p.totals[k]!))]),
    [2.4, ...shownIndicators.map(() => 2)],
  );
  doc.y += 6;
  if (c.indicators.length > shownIndicators.length) write('ตัวชี้วัดอื่นรายจังหวัดอยู่ในไฟล์ Excel แผ่น "รายจังหวัด"', left, doc.y, { size: 9, color: '#555555' });
  doc.end();
  return done;
}
