import { describe, expect, it } from 'vitest';
import { personFormProblems, type PersonFormValues } from './person-form-rules';

const filled: PersonFormValues = {
  docType: 'th-id',
  docNumber: '1-1037-02071-83-8',
  title: 'mrs',
  firstNameTh: 'สมศรี',
  lastNameTh: 'ใจดี',
  firstNameEn: '',
  lastNameEn: '',
  sex: 'female',
  birthDate: '1985-03-05',
  subdistrictCode: '400101',
  income: '',
};
const message = (key: string) => `[${key}]`;

describe('personFormProblems', () => {
  it('finds nothing to fix in a filled form', () => {
    expect(personFormProblems(filled, 'th', message, '2026-12-03')).toEqual({});
  });

  it('names every required field of an empty form, in the form’s order, with its own hint', () => {
    const empty: PersonFormValues = {
      ...filled,
      docNumber: '',
      title: null,
      firstNameTh: '',
      lastNameTh: '',
      sex: null,
      birthDate: null,
      subdistrictCode: null,
    };
    const problems = personFormProblems(empty, 'th', message, '2026-12-03');
    expect(Object.keys(problems)).toEqual(['docNumber', 'title', 'firstNameTh', 'lastNameTh', 'sex', 'birthDate', 'subdistrictCode']);
    expect(problems).toMatchObject({
      docNumber: '[docNumberRequired]',
      firstNameTh: 'กรุณากรอกชื่อ (ไทย)',
      birthDate: '[birthDate]',
      subdistrictCode: '[subdistrict]',
    });
  });

  it('applies the shared rules: the ID checksum, the name rule, a document number, an amount of baht, a birth date not in the future', () => {
    const problems = personFormProblems(
      { ...filled, docNumber: '1103702071839', firstNameTh: '<script>', lastNameEn: 'ใจดี', income: '4,5x', birthDate: '2027-01-01' },
      'en',
      message,
      '2026-12-03',
    );
    expect(problems).toEqual({
      docNumber: 'The last digit does not match: check the number for a typing mistake.',
      firstNameTh: expect.stringContaining('First name (Thai) is written in Thai letters'),
      lastNameEn: expect.stringContaining('Last name (English) is written in Latin letters'),
      birthDate: '[birthFuture]',
      monthlyIncomeSatang: '[income]',
    });
    expect(personFormProblems({ ...filled, docType: 'passport', docNumber: 'a-1' }, 'en', message, '2026-12-03')).toEqual({ docNumber: '[docNumberOther]' });
  });
});
