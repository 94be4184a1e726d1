import { useTranslation } from 'react-i18next';

/**
 * A registry page's words, Thai first and English beside them, kept with the page that shows
 * them: `const t = useText(TEXT)` then `t.title`. Shared words stay in i18n/th.ts and en.ts.
 */
export function useText<T extends Record<string, string>>(text: { th: T; en: { [K in keyof T]: string } }): T {
  const { i18n } = useTranslation();
  return (i18n.language.startsWith('en') ? text.en : text.th) as T;
}

export function useLanguage(): 'th' | 'en' {
  const { i18n } = useTranslation();
  return i18n.language.startsWith('en') ? 'en' : 'th';
}

/** Fills {name} placeholders. */
export const fill = (template: string, values: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));
