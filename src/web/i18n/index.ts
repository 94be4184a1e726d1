import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { th } from './th';

const STORAGE_KEY = 'archeep.language';

export type Language = 'th' | 'en';

export function storedLanguage(): Language {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'th';
  } catch {
    return 'th';
  }
}

/** Switches the language, remembers it, and tells assistive technology via `<html lang>`. */
export function setLanguage(language: Language): void {
  void i18n.changeLanguage(language);
  document.documentElement.lang = language;
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private browsing: the choice lasts for this page only.
  }
}

void i18n.use(initReactI18next).init({
  resources: { th: { translation: th }, en: { translation: en } },
  lng: storedLanguage(),
  fallbackLng: 'th',
  interpolation: { escapeValue: false },
  returnObjects: true,
});
document.documentElement.lang = i18n.language;

export default i18n;
