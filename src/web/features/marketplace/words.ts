import { useMemo } from 'react';
import { formatBaht } from '../../../shared/money';
import { useLanguage } from '../../i18n/language';

/** Listing status colours (their words are in the texts). */
export const LISTING_COLOURS: Record<string, string> = { proposed: 'blue.9', approved: 'teal.9', returned: 'orange.9', unlisted: 'gray.9' };

export const CHANNELS = ['lazada', 'shopee', 'facebook', 'line', 'tiktok', 'onde'] as const;
export const SALES_CHANNELS = [...CHANNELS, 'offline'] as const;
export const MARKS = ['fda', 'tcps', 'tis', 'otop', 'halal', 'gap'] as const;
export const RETURN_REASONS = ['photos', 'claims', 'marks', 'price', 'text', 'other'] as const;
export const STEPS = ['consented', 'documents-ready', 'shop-opened', 'first-product-live', 'first-sale', 'active'] as const;
export type Step = (typeof STEPS)[number];

/** The account field each step the people record is dated in (consent has its own record, "active" follows from sales). */
export const STEP_FIELDS: Partial<Record<Step, 'documentsReadyOn' | 'shopOpenedOn' | 'firstProductLiveOn' | 'firstSaleOn'>> = {
  'documents-ready': 'documentsReadyOn',
  'shop-opened': 'shopOpenedOn',
  'first-product-live': 'firstProductLiveOn',
  'first-sale': 'firstSaleOn',
};

/** Today in Bangkok as YYYY-MM-DD. */
export const bangkokToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Bangkok' }).format(new Date());

/** Money in satang shown as baht in the reader's language. */
export function useBaht() {
  const lang = useLanguage();
  return useMemo(() => (satang: number) => formatBaht(satang, lang === 'en' ? 'en' : 'th'), [lang]);
}

/** A month (YYYY-MM or YYYY-MM-DD) as its short name and year in the reader's language: B.E. in Thai. */
export function useMonth() {
  const lang = useLanguage();
  return useMemo(() => {
    const format = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'th-TH-u-ca-buddhist', { month: 'short', year: 'numeric', timeZone: 'UTC' });
    return (month: string) => format.format(new Date(`${month.slice(0, 7)}-01T00:00:00Z`));
  }, [lang]);
}
