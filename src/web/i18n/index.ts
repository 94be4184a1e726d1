import i18n, { type BackendModule, type ResourceKey } from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './common/en';
import th from './common/th';
import type { Language } from './texts';

export type { Language } from './texts';

/**
 * The app's words, one mechanism for all: i18next, Thai first, English second. The `common`
 * namespace (shell, sign-in, navigation, roles, home) comes with the first load; each feature's
 * namespace (`features/<name>/i18n/th.ts` and `en.ts`) is fetched with the feature, in the
 * reader's language only. `useTranslation('registry', { keyPrefix: 'people' })` suspends until it
 * has arrived, under the page's loader. Keys are typed (i18next.d.ts); a test checks that both
 * languages have every key and the same {{placeholders}}.
 */
const FEATURE_TEXTS = import.meta.glob<{ default: ResourceKey }>('../features/*/i18n/{th,en}.ts');

const featureTexts: BackendModule = {
  type: 'backend',
  init() {},
  read(language, namespace, done) {
    const load = FEATURE_TEXTS[`../features/${namespace}/i18n/${language}.ts`];
    if (!load) return done(new Error(`No texts for ${namespace} in ${language}`), false);
    load().then(
      (module) => done(null, module.default),
      (error: unknown) => done(error as Error, false),
    );
  },
};

const STORAGE_KEY = 'archeep.language';

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

void i18n
  .use(featureTexts)
  .use(initReactI18next)
  .init({
    resources: { th: { common: th }, en: { common: en } },
    // The bundled namespace is there at once; the features' come through the backend.
    partialBundledLanguages: true,
    ns: ['common'],
    defaultNS: 'common',
    lng: storedLanguage(),
    fallbackLng: 'th',
    supportedLngs: ['th', 'en'],
    load: 'languageOnly',
    interpolation: { escapeValue: false },
  });
document.documentElement.lang = i18n.language;

export default i18n;
