import { useMemo } from 'react';
import { formatThaiDate, formatThaiDateTime } from '../shared/thai-date';
import { useLanguage } from './i18n/language';

/**
 * Numbers and dates in the reader's language, one way everywhere: Thai digits grouping and
 * Buddhist-era dates (Intl.DateTimeFormat('th-TH') with the Buddhist calendar, src/shared/thai-date)
 * in Thai; the Gregorian calendar in English. Always Bangkok time.
 */
export function useFormat() {
  const lang = useLanguage();
  return useMemo(() => {
    const numbers = new Intl.NumberFormat(lang === 'th' ? 'th-TH' : 'en-GB');
    const date = (isoDate: string, style: 'short' | 'long' = 'short') => formatThaiDate(isoDate, { style, locale: lang });
    return {
      lang,
      /** 15000 → '15,000'. */
      number: (n: number) => numbers.format(n),
      /** '2026-11-23' → '23 พ.ย. 2569' / '23 Nov 2026'. */
      date,
      /** A span of days, one date when it starts and ends on the same day. */
      dateRange: (from: string, to: string, style: 'short' | 'long' = 'short') =>
        from === to ? date(from, style) : `${date(from, style)} – ${date(to, style)}`,
      /** An instant (ISO text or Date) → '23 พ.ย. 2569 14:05' / '23 Nov 2026, 14:05'. */
      dateTime: (instant: string | Date) => formatThaiDateTime(typeof instant === 'string' ? new Date(instant) : instant, lang),
    };
  }, [lang]);
}
