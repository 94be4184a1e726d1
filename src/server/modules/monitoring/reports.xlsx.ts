import ExcelJS from 'exceljs';
import { formatThaiDateTime } from '../../../shared/thai-date';
import { reportTitle, shortMonthTh, type ReportContent, type ReportIndicator } from './reports.content';

/** Column letter of a 1-based column number: 1 → A, 27 → AA. */
export function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** Money is kept in satang and shown in baht; counts as whole numbers. */
const shown = (i: Pick<ReportIndicator, 'format'>, value: number) => (i.format === 'satang' ? value / 100 : value);
const formatOf = (i: Pick<ReportIndicator, 'format'>) => (i.format === 'satang' ? '#,##0.00' : '#,##0');

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F1' } };
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin', color: { argb: 'FFAAAAAA' } },
  bottom: { style: 'thin', color: { argb: 'FFAAAAAA' } },
  left: { style: 'thin', color: { argb: 'FFAAAAAA' } },
  right: { style: 'thin', color: { argb: 'FFAAAAAA' } },
};

/** The first rows of a sheet: title, area and period, when made; the table starts on row 5. */
function heading(sheet: ExcelJS.Worksheet, c: ReportContent, width: number) {
  sheet.mergeCells(1, 1, 1, width);
  sheet.getCell(1, 1).value = `${reportTitle(c)} · ${c.areaNameTh}`;
  sheet.getCell(1, 1).font = { bold: true, size: 16, name: 'TH Sarabun New' };
  sheet.mergeCells(2, 1, 2, width);
  sheet.getCell(2, 1).value =
    `พื้นที่ ${c.areaNameTh} · ปีงบประมาณ ${c.fiscalYear} (1 ต.ค. ${c.fiscalYear - 1} – 30 ก.ย. ${c.fiscalYear})` +
    (c.period === 'month' ? ` · ข้อมูลตั้งแต่ ${shortMonthTh(c.fiscalYear, 10)} ถึง ${shortMonthTh(c.fiscalYear, c.month!)}` : '');
  sheet.mergeCells(3, 1, 3, width);
  sheet.getCell(3, 1).value = `จัดทำเมื่อ ${formatThaiDateTime(c.generatedAt)} · จำนวนเงินเป็นบาท · ที่มา: ตารางสรุปตัวชี้วัดที่ระบบอาชีพปรับปรุงตามการทำงาน`;
  sheet.getCell(3, 1).font = { italic: true, color: { argb: 'FF555555' } };
}

function headerRow(row: ExcelJS.Row) {
  row.font = { bold: true };
  row.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  row.height = 32;
  row.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.border = THIN;
  });
}

/**
 * The report as a workbook: "สรุปตัวชี้วัด" has one row per indicator with each month of the
 * fiscal year to the report's month, the total as a SUM formula, the year's target and the percent
 * as a formula; "รายจังหวัด" has one row per province with a SUM row under each indicator. Every
 * formula carries its computed result, so a reader that does not calculate shows the same figure.
 */
export async function renderReportXlsx(c: ReportContent): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Archeep';
  workbook.created = c.generatedAt;
  workbook.title = reportTitle(c);

  const summary = workbook.addWorksheet('สรุปตัวชี้วัด', { pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1 } });
  const first = 4; // the first month's column: code, indicator, unit come before
  const totalCol = first + c.months.length;
  const targetCol = totalCol + 1;
  const percentCol = totalCol + 2;
  heading(summary, c, percentCol);
  const header = [
    'รหัสตัวชี้วัด',
    'ตัวชี้วัด',
    'หน่วย',
    ...c.months.map((m) => shortMonthTh(c.fiscalYear, m)),
    'รวมตั้งแต่ต้นปีงบประมาณ',
    'เป้าหมายปีงบประมาณ',
    'ร้อยละของเป้าหมาย',
  ];
  summary.getRow(5).values = header;
  headerRow(summary.getRow(5));
  c.indicators.forEach((i, n) => {
    const r = 6 + n;
    const row = summary.getRow(r);
    row.getCell(1).value = i.code;
    row.getCell(2).value = i.nameTh;
    row.getCell(3).value = i.format === 'satang' ? 'บาท' : i.unitTh;
    i.byMonth.forEach((v, k) => {
      row.getCell(first + k).value = shown(i, v);
      row.getCell(first + k).numFmt = formatOf(i);
    });
    row.getCell(totalCol).value = { formula: `SUM(${columnLetter(first)}${r}:${columnLetter(totalCol - 1)}${r})`, result: shown(i, i.total) };
    row.getCell(totalCol).numFmt = formatOf(i);
    row.getCell(totalCol).font = { bold: true };
    if (i.target !== null) {
      row.getCell(targetCol).value = shown(i, i.target);
      row.getCell(targetCol).numFmt = formatOf(i);
      const [t, p] = [`${columnLetter(totalCol)}${r}`, `${columnLetter(targetCol)}${r}`];
      row.getCell(percentCol).value = { formula: `IF(${p}>0,${t}/${p},"")`, result: i.target > 0 ? i.total / i.target : '' };
      row.getCell(percentCol).numFmt = '0.0%';
    } else {
      row.getCell(targetCol).value = 'ไม่ได้กำหนด';
    }
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.border = THIN;
    });
  });
  summary.getColumn(1).width = 26;
  summary.getColumn(2).width = 40;
  summary.getColumn(3).width = 8;
  for (let k = first; k < totalCol; k++) summary.getColumn(k).width = 11;
  summary.getColumn(totalCol).width = 16;
  summary.getColumn(targetCol).width = 16;
  summary.getColumn(percentCol).width = 12;
  summary.views = [{ state: 'frozen', xSplit: 2, ySplit: 5 }];

  const byProvince = workbook.addWorksheet('รายจังหวัด', { pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1 } });
  const width = 2 + c.indicators.length;
  heading(byProvince, c, width);
  byProvince.getRow(5).values = ['รหัสจังหวัด', 'จังหวัด', ...c.indicators.map((i) => `${i.nameTh} (${i.format === 'satang' ? 'บาท' : i.unitTh})`)];
  headerRow(byProvince.getRow(5));
  byProvince.getRow(5).height = 48;
  c.provinces.forEach((p, n) => {
    const row = byProvince.getRow(6 + n);
    row.getCell(1).value = p.code;
    row.getCell(2).value = p.nameTh;
    p.totals.forEach((v, k) => {
      row.getCell(3 + k).value = shown(c.indicators[k]!, v);
      row.getCell(3 + k).numFmt = formatOf(c.indicators[k]!);
    });
  });
  const sumRow = byProvince.getRow(6 + c.provinces.length);
  sumRow.getCell(2).value = 'รวม';
  sumRow.font = { bold: true };
  c.indicators.forEach((i, k) => {
    const col = columnLetter(3 + k);
    const result = shown(
      i,
      c.provinces.reduce((a, p) => a + p.totals[k]!, 0),
    );
    sumRow.getCell(3 + k).value = c.provinces.length ? { formula: `SUM(${col}6:${col}${5 + c.provinces.length})`, result } : 0;
    sumRow.getCell(3 + k).numFmt = formatOf(i);
    sumRow.getCell(3 + k).border = { top: { style: 'double' } };
  });
  byProvince.getColumn(1).width = 11;
  byProvince.getColumn(2).width = 22;
  for (let k = 0; k < c.indicators.length; k++) byProvince.getColumn(3 + k).width = 16;
  byProvince.views = [{ state: 'frozen', xSplit: 2, ySplit: 5 }];

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
