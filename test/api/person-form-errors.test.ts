import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type StaffAccount, type TestApp } from '../helpers/app';
import { ENGINES } from '../helpers/database';
import { personBody } from '../helpers/people';

interface FieldError {
  field: string;
  code: string;
  message: string;
  messageTh: string;
}

/** The registration form's fields as the API answers them: every message names the field and what it expects (issue 14 §2). */
describe.each(ENGINES)('field errors of the person form on %s', (engine) => {
  let t: TestApp;
  let officer: StaffAccount;
  const post = (payload: unknown) => t.app.inject({ method: 'POST', url: '/api/people', payload: payload as never, headers: { cookie: officer.cookie } });
  const errorsOf = async (payload: unknown) => {
    const answer = await post(payload);
    expect(answer.statusCode, answer.body).toBe(400);
    return { problem: answer.json(), byField: new Map((answer.json().errors as FieldError[]).map((e) => [e.field, e])) };
  };

  beforeAll(async () => {
    t = await createTestApp(engine);
    officer = await t.createStaff({ roles: [{ role: 'officer', unitCode: 'DSD-PSDO-40' }] });
  });
  afterAll(() => t?.dispose());

  it('answers an empty form field by field, each message saying which field and what it expects, in Thai and English', async () => {
    const { problem, byField } = await errorsOf({ docNumber: '', firstNameTh: '', lastNameTh: '', birthDate: '', subdistrictCode: '' });
    expect(problem.detail).not.toMatch(/see errors/i);
    expect(problem.detail).toContain('firstNameTh');
    expect(byField.get('body.docNumber')).toMatchObject({
      message: 'The ID or document number is required.',
      messageTh: 'กรุณากรอกเลขประจำตัวประชาชนหรือเลขเอกสาร',
    });
    expect(byField.get('body.title')).toMatchObject({ message: expect.stringContaining('Choose a title'), messageTh: expect.stringContaining('คำนำหน้า') });
    expect(byField.get('body.firstNameTh')).toMatchObject({ code: 'required', message: 'First name (Thai) is required.', messageTh: 'กรุณากรอกชื่อ (ไทย)' });
    expect(byField.get('body.lastNameTh')).toMatchObject({ code: 'required', messageTh: 'กรุณากรอกนามสกุล (ไทย)' });
    expect(byField.get('body.sex')?.messageTh).toContain('เพศ');
    expect(byField.get('body.birthDate')).toMatchObject({ message: expect.stringContaining('YYYY-MM-DD'), messageTh: expect.stringContaining('05/03/2528') });
    expect(byField.get('body.subdistrictCode')?.messageTh).toContain('ตำบล');
    // None of the old generic answers that named nothing.
    for (const e of byField.values()) {
      expect(e.messageTh).not.toMatch(/^(สั้นหรือน้อยเกินไป|ไม่ใช่ค่าที่ระบบรับ|รูปแบบไม่ถูกต้อง|ต้องกรอกช่องนี้)$/);
      expect(e.messageTh).toMatch(/[\u0E00-\u0E7F]/);
    }
  });

  it('refuses markup, emoji and Latin letters in a Thai name, and Thai letters in an English one, with the same rule as the import', async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ firstNameTh: '<script>alert("x")</script>' }, 'body.firstNameTh', 'latin-in-thai'],
      [{ firstNameTh: 'สมศรี😀' }, 'body.firstNameTh', 'symbols'],
      [{ lastNameTh: 'ใจดี</>' }, 'body.lastNameTh', 'symbols'],
      [{ firstNameTh: 'Somsri' }, 'body.firstNameTh', 'latin-in-thai'],
      [{ lastNameTh: 'ใจดี2' }, 'body.lastNameTh', 'digits'],
      [{ lastNameEn: 'ใจดี' }, 'body.lastNameEn', 'thai-in-english'],
      [{ firstNameTh: 'ก'.repeat(101) }, 'body.firstNameTh', 'too-long'],
      [{ birthDate: '2528-03-05' }, 'body.birthDate', 'future-date'],
    ];
    for (const [override, field, code] of cases) {
      const { byField } = await errorsOf(personBody(override));
      expect([...byField.keys()], JSON.stringify(override)).toEqual([field]);
      expect(byField.get(field)!.code).toBe(code);
    }
    const latin = (await errorsOf(personBody({ firstNameTh: 'Somsri' }))).byField.get('body.firstNameTh')!;
    expect(latin.message).toBe('First name (Thai) is written in Thai letters; put the English spelling under First name (English).');
    expect(latin.messageTh).toBe('ชื่อ (ไทย)ต้องเป็นตัวอักษรไทย ชื่อที่สะกดเป็นภาษาอังกฤษให้กรอกในช่องชื่อ (อังกฤษ)');
    expect(await t.database.db.selectFrom('person').select('id').where('first_name_th', 'like', '%script%').execute()).toEqual([]);
  });

  it('stores a name as the rule normalises it: spaces trimmed and made one, invisible characters gone', async () => {
    const created = await post(
      personBody({ firstNameTh: '  สม\u200Bศรี ', lastNameTh: 'ณ   อยุธยา', firstNameEn: ' Somsri ', lastNameEn: "na  Ayutthaya-O'Neil" }),
    );
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ firstNameTh: 'สมศรี', lastNameTh: 'ณ อยุธยา', firstNameEn: 'Somsri', lastNameEn: "na Ayutthaya-O'Neil" });
  });
});
