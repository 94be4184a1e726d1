import { describe, expect, it } from 'vitest';
import { normalizePersonName, personNameProblem } from './person-name';

const thai = (text: string, required = true) => personNameProblem(text, 'firstNameTh', { required })?.code ?? null;
const english = (text: string, required = false) => personNameProblem(text, 'lastNameEn', { required })?.code ?? null;

describe('normalizePersonName', () => {
  it('trims, makes runs of spaces one, removes zero-width characters and composes to NFC', () => {
    expect(normalizePersonName('  สม\u200Bหญิง  \t ใจดี ')).toBe('สมหญิง ใจดี');
    expect(normalizePersonName('Jose\u0301\u00A0Garcia')).toBe('José Garcia');
  });
});

describe('personNameProblem', () => {
  it('accepts Thai names with spaces, hyphens, ๆ and ฯ, and English names with apostrophes and full stops', () => {
    for (const name of ['สมหญิง', 'ณ อยุธยา', 'ศรี-สมบูรณ์', 'นงนุชๆ', 'กรุงเทพฯ']) expect(thai(name), name).toBeNull();
    for (const name of ["O'Brien", 'St. John', 'Jean-Luc', 'Nguyễn', 'Somying Jaidee']) expect(english(name), name).toBeNull();
  });

  it('refuses markup, emoji, digits and symbols, in the form, the API and the import alike', () => {
    expect(thai('<script>alert("x")</script>')).toBe('latin-in-thai');
    expect(thai('<script>alert(1)</script>')).toBe('digits');
    expect(thai('<สมหญิง>')).toBe('symbols');
    expect(thai('สมหญิง😀')).toBe('symbols');
    expect(thai('สมหญิง2')).toBe('digits');
    expect(thai('สมหญิง๒')).toBe('digits');
    expect(english('Smith@home')).toBe('symbols');
    expect(english('<b>Smith</b>')).toBe('symbols');
  });

  it('keeps Thai names Thai and English names Latin, and says where the other spelling goes', () => {
    const latin = personNameProblem('Somying', 'firstNameTh', { required: true })!;
    expect(latin.code).toBe('latin-in-thai');
    expect(latin.en).toBe('First name (Thai) is written in Thai letters; put the English spelling under First name (English).');
    expect(latin.th).toContain('ชื่อ (อังกฤษ)');
    expect(english('ใจดี')).toBe('thai-in-english');
  });

  it('names the field and the limit: required, at most 100 characters, at least one letter, no word starting with a mark', () => {
    expect(personNameProblem('  ', 'lastNameTh', { required: true })).toMatchObject({
      code: 'required',
      en: 'Last name (Thai) is required.',
      th: 'กรุณากรอกนามสกุล (ไทย)',
    });
    expect(english('', false)).toBeNull();
    expect(english(null as unknown as string, false)).toBeNull();
    const long = personNameProblem('ก'.repeat(101), 'firstNameTh', { required: true })!;
    expect(long).toMatchObject({ code: 'too-long', en: 'First name (Thai) has at most 100 characters; this has 101.' });
    expect(long.th).toBe('ชื่อ (ไทย)ยาวได้ไม่เกิน 100 ตัวอักษร (กรอกมา 101 ตัว)');
    expect(thai('ก'.repeat(100))).toBeNull();
    expect(thai('-')).toBe('no-letters');
    expect(thai('่กา')).toBe('starts-with-mark');
  });

  it('shows the characters to remove, each once, at most three', () => {
    expect(personNameProblem('ส<ม>ห#ญ$ิ<ง', 'firstNameTh', { required: true })!.en).toBe(
      'First name (Thai) has letters and spaces and hyphens only; remove “<” “>” “#”.',
    );
  });
});
