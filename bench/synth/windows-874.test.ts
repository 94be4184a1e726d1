import { describe, expect, it } from 'vitest';
import { decodeCsvBytes } from '../../src/server/platform/files/decode';
import { generatePeople, peopleCsv } from './people';
import { encodeWindows874 } from './windows-874';

const decode = (bytes: Uint8Array) => new TextDecoder('windows-874').decode(bytes);
const range = (from: number, to: number) => String.fromCharCode(...Array.from({ length: to - from + 1 }, (_, k) => from + k));

describe('encodeWindows874', () => {
  it('round-trips ASCII, every assigned Thai character and the Windows-874 punctuation', () => {
    const text = range(0x00, 0x7f) + range(0x0e01, 0x0e3a) + range(0x0e3f, 0x0e5b) + '€…‘’“”•–—\u00a0';
    const bytes = encodeWindows874(text);
    expect(bytes).toHaveLength(text.length);
    expect(decode(bytes)).toBe(text);
  });

  it('writes Thai as TIS-620 bytes, one per character', () => {
    expect([...encodeWindows874('ก,ฮ ๙')]).toEqual([0xa1, 0x2c, 0xce, 0x20, 0xf9]);
  });

  it('writes a generated CSV that the import reads back as Windows-874', () => {
    const csv = peopleCsv(generatePeople(2_000, { seed: 5 }), { header: 'th' });
    expect(decodeCsvBytes(encodeWindows874(csv))).toEqual({ text: csv, encoding: 'windows-874' });
  });

  it('refuses a character the code page lacks, naming it and where it is', () => {
    expect(() => encodeWindows874('สวัสดี 😀')).toThrow(new RangeError('Windows-874 cannot encode "😀" (U+1F600) at index 7'));
    expect(() => encodeWindows874('café')).toThrow(/"é" \(U\+00E9\) at index 3/);
    // Unassigned in Unicode, and bytes 0xDB–0xDE decode to private-use characters instead.
    expect(() => encodeWindows874('\u0e3b')).toThrow(RangeError);
  });
});
