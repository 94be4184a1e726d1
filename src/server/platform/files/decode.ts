/**
 * Turns the bytes of an uploaded CSV into text. Thai offices send UTF-8 (with or without the BOM
 * Excel writes) and Windows-874 / TIS-620, which Thai Excel uses for "CSV (Comma delimited)".
 * Windows-874 bytes are almost never valid UTF-8, so: strict UTF-8 first, Windows-874 if that fails.
 */

export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'windows-874' | 'utf-16le';

export class FileProblem extends Error {
  constructor(
    readonly code: string,
    readonly en: string,
    readonly th: string,
  ) {
    super(en);
  }
}

export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  if (bytes.length === 0) throw new FileProblem('empty-file', 'The file is empty.', 'ไฟล์ว่างเปล่า');
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: strictUtf8(bytes.subarray(3), 'utf-8-bom'), encoding: 'utf-8-bom' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (looksBinary(bytes)) {
    throw new FileProblem(
      'not-text',
      'This is not a CSV text file (it holds binary data). Save it from Excel as "CSV UTF-8" or upload the .xlsx file itself.',
      'ไฟล์นี้ไม่ใช่ไฟล์ข้อความ CSV (มีข้อมูลไบนารี) กรุณาบันทึกจาก Excel เป็น "CSV UTF-8" หรืออัปโหลดไฟล์ .xlsx โดยตรง',
    );
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Windows-874 maps every byte but a few (0x81–0x8F and 0x98–0x9F but 0x80, 0x85, 0x91–0x97;
    // 0xDB–0xDE; 0xFC–0xFF), which decoders turn into C1 controls, private-use characters or
    // U+FFFD. Any of those means the file is in some other encoding.
    const text = new TextDecoder('windows-874').decode(bytes);
    const bad = text.search(/[\u0080-\u009F\uF8C1-\uF8C8\uFFFD]/);
    if (bad >= 0) {
      const line = text.slice(0, bad).split('\n').length;
      throw new FileProblem(
        'unknown-encoding',
        `The file is neither UTF-8 nor Windows-874 (Thai): line ${line} has bytes neither can read. Save it as "CSV UTF-8".`,
        `ไฟล์ไม่ได้เข้ารหัสเป็น UTF-8 หรือ Windows-874 (ภาษาไทย): บรรทัดที่ ${line} มีอักขระที่อ่านไม่ได้ กรุณาบันทึกเป็น "CSV UTF-8"`,
      );
    }
    return { text, encoding: 'windows-874' };
  }
}

function strictUtf8(bytes: Uint8Array, label: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new FileProblem('bad-utf8', `The file starts as ${label} but holds bytes that are not UTF-8.`, 'ไฟล์ระบุว่าเป็น UTF-8 แต่มีข้อมูลที่ไม่ใช่ UTF-8');
  }
}

/** NUL bytes or the ZIP signature in the first kilobytes: a spreadsheet or other binary file. */
function looksBinary(bytes: Uint8Array): boolean {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return true;
  const end = Math.min(bytes.length, 8192);
  for (let i = 0; i < end; i++) if (bytes[i] === 0) return true;
  return false;
}

export const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
