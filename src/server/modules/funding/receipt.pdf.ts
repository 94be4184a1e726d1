import PDFDocument from 'pdfkit';
import { formatThaiDate } from '../../../shared/thai-date';
import { satangToBaht } from '../../../shared/money';
import { loadFonts, scriptRuns } from '../credentials/certificate.pdf';

/** What a repayment receipt (ใบเสร็จรับเงิน) says, in Thai. */
export interface ReceiptContent {
  paymentId: number;
  fundName: string;
  groupName: string;
  loanId: number;
  paidOn: string;
  amountSatang: number;
  reference: string | null;
  allocation: { number: number; fee: number; interest: number; principal: number }[];
  outstandingSatang: number;
  reversed: boolean;
}

const grouped = (satang: number) => satangToBaht(satang).replace(/\B(?=(\d{3})+(?!\d))(?=.*\.)/g, ',');

/** A one-page A5 receipt in Thai (Sarabun, bundled), with the allocation over instalments. */
export async function renderReceipt(c: ReceiptContent): Promise<Buffer> {
  const fonts = await loadFonts();
  const doc = new PDFDocument({ size: 'A5', margin: 36, info: { Title: `ใบเสร็จรับเงิน ${c.paymentId}` } });
  for (const [name, bytes] of fonts) doc.registerFont(name, bytes);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const line = (text: string, size = 11, bold = false) => {
    const runs = scriptRuns(text);
    runs.forEach((run, i) =>
      doc
        .font(run.thai ? (bold ? 'thaiBold' : 'thai') : bold ? 'latinBold' : 'latin')
        .fontSize(size)
        .text(run.text, { continued: i < runs.length - 1 }),
    );
  };
  line('ใบเสร็จรับเงินชำระคืนเงินกู้', 16, true);
  line(c.fundName, 12, true);
  doc.moveDown(0.5);
  line(`เลขที่ใบเสร็จ ${c.paymentId}   สัญญาเงินกู้เลขที่ ${c.loanId}`);
  line(`ได้รับเงินจาก ${c.groupName}`);
  line(`วันที่ชำระ ${formatThaiDate(c.paidOn, { style: 'long' })}`);
  if (c.reference) line(`อ้างอิง ${c.reference}`);
  line(`จำนวนเงิน ${grouped(c.amountSatang)} บาท`, 13, true);
  doc.moveDown(0.5);
  line('การตัดชำระตามงวด', 11, true);
  for (const a of c.allocation)
    line(`งวดที่ ${a.number}: เงินต้น ${grouped(a.principal)} บาท  ดอกเบี้ย ${grouped(a.interest)} บาท  ค่าธรรมเนียม ${grouped(a.fee)} บาท`, 10);
  doc.moveDown(0.5);
  line(`เงินต้นคงเหลือ ${grouped(c.outstandingSatang)} บาท`);
  if (c.reversed) line('รายการนี้ถูกยกเลิกแล้ว (กลับรายการ)', 12, true);
  doc.end();
  return done;
}
