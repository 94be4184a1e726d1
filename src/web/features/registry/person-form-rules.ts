import { bahtToSatang } from '../../../shared/money';
import { nationalIdProblem, normalizeDocumentNumber } from '../../../shared/national-id';
import { personNameProblem, type PersonNameField } from '../../../shared/person-name';

/** The registration form's values as typed (before they become the API's body). */
export interface PersonFormValues {
  docType: string;
  docNumber: string;
  title: string | null;
  firstNameTh: string;
  lastNameTh: string;
  firstNameEn: string;
  lastNameEn: string;
  sex: string | null;
  birthDate: string | null;
  subdistrictCode: string | null;
  income: string;
}

/** The form's own messages for what the shared rules do not word (feature texts, `personForm.formErrors`). */
export type PersonFormMessage = 'docNumberRequired' | 'docNumberOther' | 'title' | 'sex' | 'birthDate' | 'birthFuture' | 'subdistrict' | 'income';

/**
 * What to fix in the form, field by field, in the reader's language: the same rules the API and
 * the import apply (national ID checksum, document number, the name rule), worded for the form
 * (the date as it is typed here, in B.E.). Keys are the API's field names, in the form's order,
 * so a server error for a field the form knows lands on the same box.
 */
export function personFormProblems(
  f: PersonFormValues,
  language: 'th' | 'en',
  message: (key: PersonFormMessage) => string,
  today = new Date().toISOString().slice(0, 10),
): Record<string, string> {
  const out: Record<string, string> = {};
  const say = (p: { en: string; th: string }) => (language === 'th' ? p.th : p.en);
  if (!f.docNumber.trim()) out.docNumber = message('docNumberRequired');
  else if (f.docType === 'th-id') {
    const problem = nationalIdProblem(f.docNumber);
    if (problem) out.docNumber = say(problem);
  } else if (!/^[A-Z0-9/]{4,30}$/.test(normalizeDocumentNumber(f.docType, f.docNumber))) out.docNumber = message('docNumberOther');
  if (!f.title) out.title = message('title');
  for (const [field, required] of [
    ['firstNameTh', true],
    ['lastNameTh', true],
    ['firstNameEn', false],
    ['lastNameEn', false],
  ] as [PersonNameField, boolean][]) {
    const problem = personNameProblem(f[field], field, { required });
    if (problem) out[field] = say(problem);
  }
  if (!f.sex) out.sex = message('sex');
  if (!f.birthDate) out.birthDate = message('birthDate');
  else if (f.birthDate > today) out.birthDate = message('birthFuture');
  if (!f.subdistrictCode) out.subdistrictCode = message('subdistrict');
  if (f.income.trim()) {
    try {
      bahtToSatang(f.income);
    } catch {
      out.monthlyIncomeSatang = message('income');
    }
  }
  return out;
}
