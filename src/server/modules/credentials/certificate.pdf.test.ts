import { inflateSync } from 'node:zlib';
import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { type CertificateContent, qrMatrix, renderCertificatePdf, scriptRuns } from './certificate.pdf';

const buildContent = (overrides: Partial<CertificateContent> = {}): CertificateContent => ({
  code: 'Q7XK-2M9P-4WTL-8RHD',
  verifyUrl: 'https://archeep.example.go.th/verify/Q7XK2M9P4WTL8RHD',
  holderName: { th: 'นางสาวสมหญิง ใจดี', en: 'Miss Somying Jaidee' },
  course: { th: 'การทำขนมไทยเพื่อการค้า', en: 'Thai desserts for sale' },
  hours: 17.5,
  startedOn: '2026-11-01',
  endedOn: '2026-11-23',
  issuedOn: '2026-11-25',
  issuer: {
    th: 'ศูนย์เรียนรู้การพัฒนาสตรีและครอบครัว ภาคตะวันออกเฉียงเหนือ จังหวัดขอนแก่น',
    en: 'Northeastern Women and Family Development Learning Centre, Khon Kaen',
  },
  agency: { th: 'กรมกิจการสตรีและสถาบันครอบครัว', en: "Department of Women's Affairs and Family Development" },
  ...overrides,
});

/** The PDF's bytes as one character per byte, so offsets and regular expressions line up with the file. */
const latin1 = (pdf: Buffer) => pdf.toString('latin1');

/** Reads a PDF literal string starting just after its '(' (PDF 32000-1 §7.3.4.2). */
function readLiteral(text: string, start: number): string {
  const escapes: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', '(': '(', ')': ')', '\\': '\\' };
  let out = '';
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const c = text[i] as string;
    if (c === '\\') {
      const next = text[++i] as string;
      const octal = /^[0-7]{1,3}/.exec(text.slice(i, i + 3));
      if (octal) {
        out += String.fromCharCode(parseInt(octal[0], 8));
        i += octal[0].length - 1;
      } else {
        out += escapes[next] ?? next;
      }
    } else if (c === '(') {
      depth++;
      out += c;
    } else if (c === ')') {
      if (depth === 0) return out;
      depth--;
      out += c;
    } else {
      out += c;
    }
  }
  throw new Error('unterminated literal string');
}

const uris = (pdf: Buffer) => [...latin1(pdf).matchAll(/\/URI \(/g)].map((m) => readLiteral(latin1(pdf), m.index + m[0].length));

/** A document information entry (pdfkit writes each as an indirect string object), decoded. */
function info(pdf: Buffer, key: string): string | undefined {
  const text = latin1(pdf);
  const ref = new RegExp(`/${key} (\\d+) 0 R`).exec(text);
  const object = ref && new RegExp(`\\n${ref[1]} 0 obj\\n\\(`).exec(text);
  if (!object) return undefined;
  const bytes = Buffer.from(readLiteral(text, object.index + object[0].length), 'latin1');
  // A text string with a byte-order mark is UTF-16BE; Node decodes only the little-endian form.
  return bytes[0] === 0xfe && bytes[1] === 0xff ? Buffer.from(bytes.subarray(2)).swap16().toString('utf16le') : bytes.toString('latin1');
}

/** The page's content stream, inflated: the one compressed stream that draws text. */
const pageContent = (pdf: Buffer) =>
  [...latin1(pdf).matchAll(/\/Filter \/FlateDecode\n>>\nstream\n/g)]
    .map((m) => {
      const start = m.index + m[0].length;
      return inflateSync(pdf.subarray(start, latin1(pdf).indexOf('\nendstream', start))).toString('latin1');
    })
    .find((stream) => stream.includes(' Tf\n'));

/** Draws the matrix as a black-on-white RGBA image, the way a camera would see the printed QR. */
function rasterise(matrix: boolean[][], pixelsPerModule = 8, quietModules = 4) {
  const side = (matrix.length + 2 * quietModules) * pixelsPerModule;
  const data = new Uint8ClampedArray(side * side * 4).fill(255);
  matrix.forEach((row, r) =>
    row.forEach((dark, c) => {
      if (!dark) return;
      for (let dy = 0; dy < pixelsPerModule; dy++) {
        for (let dx = 0; dx < pixelsPerModule; dx++) {
          const offset = (((quietModules + r) * pixelsPerModule + dy) * side + (quietModules + c) * pixelsPerModule + dx) * 4;
          data.fill(0, offset, offset + 3);
        }
      }
    }),
  );
  return { data, side };
}

describe('scriptRuns', () => {
  it('splits Thai from Latin letters, digits and the spaces between them', () => {
    expect(scriptRuns('นางสาว Somying 18 ชั่วโมง')).toEqual([
      { thai: true, text: 'นางสาว' },
      { thai: false, text: ' Somying 18 ' },
      { thai: true, text: 'ชั่วโมง' },
    ]);
  });

  it('keeps vowel and tone marks inside their Thai run', () => {
    expect(scriptRuns('ที่ปิ่น')).toEqual([{ thai: true, text: 'ที่ปิ่น' }]);
    expect(scriptRuns('A ที่ ปิ่น')).toEqual([
      { thai: false, text: 'A ' },
      { thai: true, text: 'ที่' },
      { thai: false, text: ' ' },
      { thai: true, text: 'ปิ่น' },
    ]);
  });

  it('gives a combining mark from outside the Thai block to the run it follows', () => {
    expect(scriptRuns('ก\u0331x')).toEqual([
      { thai: true, text: 'ก\u0331' },
      { thai: false, text: 'x' },
    ]);
  });

  it('leaves an all-Latin string whole, and an empty one empty', () => {
    expect(scriptRuns('Miss Somying Jaidee, 17.5 hours')).toEqual([{ thai: false, text: 'Miss Somying Jaidee, 17.5 hours' }]);
    expect(scriptRuns('')).toEqual([]);
  });
});

describe('qrMatrix', () => {
  it('decodes back to exactly the URL', () => {
    const url = 'https://archeep.example.go.th/verify/Q7XK2M9P4WTL8RHD';
    const matrix = qrMatrix(url);
    expect(matrix.length).toBeGreaterThanOrEqual(21);
    expect(matrix.every((row) => row.length === matrix.length)).toBe(true);
    const { data, side } = rasterise(matrix);
    expect(jsQR(data, side, side)?.data).toBe(url);
  });

  it('differs for a different URL', () => {
    expect(qrMatrix('https://archeep.example.go.th/verify/AAAA')).not.toEqual(qrMatrix('https://archeep.example.go.th/verify/AAAB'));
  });
});

describe('renderCertificatePdf', () => {
  it('writes a whole PDF', async () => {
    const pdf = await renderCertificatePdf(buildContent());
    expect(latin1(pdf.subarray(0, 5))).toBe('%PDF-');
    expect(latin1(pdf)).toMatch(/%%EOF\n?$/);
    expect(pdf.length).toBeLessThan(60_000);
  });

  it('links the QR and the printed URL to the verification page', async () => {
    const verifyUrl = 'https://archeep.example.go.th/verify/Q7XK2M9P4WTL8RHD';
    // One annotation over the QR and one over each line of the printed URL.
    const links = uris(await renderCertificatePdf(buildContent({ verifyUrl })));
    expect(links.length).toBeGreaterThanOrEqual(2);
    expect(new Set(links)).toEqual(new Set([verifyUrl]));
    // pdfkit escapes parentheses and backslashes in literal strings; the reader above undoes it.
    const awkward = 'https://archeep.example.go.th/verify/(Q7)\\K?a=1&b=2';
    const awkwardLinks = uris(await renderCertificatePdf(buildContent({ verifyUrl: awkward })));
    expect(awkwardLinks.length).toBeGreaterThanOrEqual(2);
    expect(new Set(awkwardLinks)).toEqual(new Set([awkward]));
  });

  it('draws exactly the modules of qrMatrix', async () => {
    const verifyUrl = 'https://archeep.example.go.th/verify/Q7XK2M9P4WTL8RHD';
    const page = pageContent(await renderCertificatePdf(buildContent({ verifyUrl })));
    // The QR is a white square (quiet zone included) followed by the rectangles filled black.
    const qr = /([\d.]+) ([\d.]+) ([\d.]+) \3 re\n\/DeviceRGB cs\n1 1 1 scn\nf\n((?:[\d.]+ [\d.]+ [\d.]+ [\d.]+ re\n)+)/.exec(page ?? '');
    expect(qr).not.toBeNull();
    const [x, y, size] = [Number(qr?.[1]), Number(qr?.[2]), Number(qr?.[3])];
    expect(size).toBeGreaterThanOrEqual((3.5 / 2.54) * 72);
    const expected = qrMatrix(verifyUrl);
    const module = size / (expected.length + 8);
    const drawn = expected.map((row) => row.map(() => false));
    for (const line of (qr?.[4] ?? '').trim().split('\n')) {
      const [rx, ry, rw] = line.split(' ').map(Number) as [number, number, number];
      const [row, first] = [Math.round((ry - y) / module) - 4, Math.round((rx - x) / module) - 4];
      for (let c = first; c < first + Math.round(rw / module); c++) (drawn[row] as boolean[])[c] = true;
    }
    expect(drawn).toEqual(expected);
  });

  it('embeds regular and bold Sarabun, each as its Thai and its Latin subset, and no standard font', async () => {
    // Bold Latin only appears when a bold line has digits or Latin letters in it.
    const text = latin1(await renderCertificatePdf(buildContent({ course: { th: 'การทำขนมไทยเพื่อการค้า รุ่นที่ 2', en: 'Thai desserts for sale' } })));
    const embedded = [...new Set(Array.from(text.matchAll(/\/BaseFont \/([A-Z]{6}\+Sarabun-[A-Za-z]+)/g), (m) => m[1]))];
    expect(embedded).toHaveLength(4);
    expect(embedded.filter((name) => name?.endsWith('+Sarabun-Regular'))).toHaveLength(2);
    expect(embedded.filter((name) => name?.endsWith('+Sarabun-Bold'))).toHaveLength(2);
    expect(text.match(/\/FontFile2 /g)).toHaveLength(4);
    expect(text).not.toMatch(/Helvetica|Times-Roman|Courier/);
  });

  it('says what the document is and that it is in Thai', async () => {
    const pdf = await renderCertificatePdf(buildContent());
    expect(info(pdf, 'Title')).toBe('การทำขนมไทยเพื่อการค้า – นางสาวสมหญิง ใจดี');
    expect(info(pdf, 'Author')).toBe('ศูนย์เรียนรู้การพัฒนาสตรีและครอบครัว ภาคตะวันออกเฉียงเหนือ จังหวัดขอนแก่น');
    expect(info(pdf, 'Subject')).toBe('Certificate of completion');
    expect(latin1(pdf)).toContain('/Lang (th)');
  });

  it('reads as a qualification certificate for a qualification, without hours and with its expiry', async () => {
    const pdf = await renderCertificatePdf(
      buildContent({ kind: 'qualification', hours: null, course: { th: 'อาชีพผู้ค้าออนไลน์ ระดับ 3', en: 'Online Trader, Level 3' }, expiresOn: '2029-11-22' }),
    );
    expect(info(pdf, 'Subject')).toBe('Certificate of professional qualification');
    expect(latin1(pdf).match(/\/Type \/Page(?!s)/g)).toHaveLength(1);
    await expect(renderCertificatePdf(buildContent({ hours: null }))).rejects.toThrow(RangeError);
  });

  it('gives different bytes for different content', async () => {
    const first = await renderCertificatePdf(buildContent());
    const second = await renderCertificatePdf(buildContent({ holderName: { th: 'นายสมชาย รักดี', en: null }, code: 'ZZZZ-9999' }));
    expect(first.equals(second)).toBe(false);
  });

  it('keeps a 120-character Thai course name on one page', async () => {
    const th = 'หลักสูตรการพัฒนาทักษะอาชีพการแปรรูปผลิตภัณฑ์จากผ้าไหมและผ้าฝ้ายทอมือเพื่อสร้างมูลค่าเพิ่มและยกระดับสู่มาตรฐานผลิตภัณฑ์ชุมชน'.slice(0, 120);
    expect([...th]).toHaveLength(120);
    const text = latin1(await renderCertificatePdf(buildContent({ course: { th, en: 'Hand-woven silk and cotton products' } })));
    expect(text.match(/\/Type \/Page(?!s)/g)).toHaveLength(1);
  });

  it('refuses a verification URL that a link annotation cannot carry, and hours that are not a number', async () => {
    await expect(renderCertificatePdf(buildContent({ verifyUrl: '/verify/Q7XK' }))).rejects.toThrow(RangeError);
    await expect(renderCertificatePdf(buildContent({ verifyUrl: 'https://archeep.example.go.th/ตรวจสอบ' }))).rejects.toThrow(RangeError);
    await expect(renderCertificatePdf(buildContent({ hours: Number.NaN }))).rejects.toThrow(RangeError);
  });
});
