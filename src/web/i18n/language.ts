import { useTranslation } from 'react-i18next';
import type { Language } from './texts';

/**
 * The reader's language, for what i18next does not say itself: names from the API, dates, numbers.
 * Apart from i18n/index.ts so that importing it starts nothing (tests import pages' helpers).
 */
export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return i18n.language.startsWith('en') ? 'en' : 'th';
}
