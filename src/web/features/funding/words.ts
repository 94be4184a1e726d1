import { useMemo } from 'react';
import { formatBaht } from '../../../shared/money';
import { useLanguage } from '../../i18n/language';

/** Status colours of applications and loans (their words are in the texts). */
export const APPLICATION_COLOURS: Record<string, string> = {
  submitted: 'blue.9',
  recommended: 'indigo.9',
  verified: 'violet.9',
  returned: 'orange.9',
  approved: 'teal.9',
  rejected: 'red.9',
  withdrawn: 'gray.9',
};
export const LOAN_COLOURS: Record<string, string> = { committed: 'blue.9', active: 'teal.9', repaid: 'green.9', 'written-off': 'gray.9' };

/** Basis points as a percentage with two decimals, in integers: 1234 → '12.34 %'. */
export const percentOfBp = (bp: number) => `${Math.floor(bp / 100)}.${String(bp % 100).padStart(2, '0')} %`;

/** Money in satang shown as baht in the reader's language (src/shared/money: ฿1,234.50 / THB 1,234.50). */
export function useBaht() {
  const lang = useLanguage();
  return useMemo(() => (satang: number) => formatBaht(satang, lang === 'en' ? 'en' : 'th'), [lang]);
}
