import { describe, expect, it } from 'vitest';
import { FEATURE_NAMESPACES } from './texts';

/** Every namespace's texts, Thai and English: `common` with the app, the others with their feature. */
const FILES = import.meta.glob<{ default: unknown }>(['./common/{th,en}.ts', '../features/*/i18n/{th,en}.ts'], { eager: true });

const namespaceOf = (file: string) => (file.startsWith('./common/') ? 'common' : file.split('/')[2]!);
const texts: Record<string, { th?: unknown; en?: unknown }> = {};
for (const [file, module] of Object.entries(FILES)) {
  const language = file.endsWith('/th.ts') ? 'th' : 'en';
  (texts[namespaceOf(file)] ??= {})[language] = module.default;
}

/** Each string of a namespace by its dotted key (`people.title`; list items as `items.0`). */
function leaves(value: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === 'string') out.set(prefix, value);
  else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) for (const [k, v] of leaves(inner, prefix ? `${prefix}.${key}` : key)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('the texts', () => {
  it('has the common namespace and one per feature, each in Thai and English', () => {
    expect(Object.keys(texts).sort()).toEqual(['common', ...FEATURE_NAMESPACES].sort());
    for (const [namespace, { th, en }] of Object.entries(texts)) {
      expect(th, `${namespace} in Thai`).toBeTypeOf('object');
      expect(en, `${namespace} in English`).toBeTypeOf('object');
    }
  });

  for (const namespace of ['common', ...FEATURE_NAMESPACES]) {
    it(`${namespace}: every key exists in both languages, with the same placeholders and no empty text`, () => {
      const th = leaves(texts[namespace]?.th);
      const en = leaves(texts[namespace]?.en);
      expect(th.size, `${namespace} has texts`).toBeGreaterThan(0);
      expect(
        [...th.keys()].filter((k) => !en.has(k)),
        'keys missing in English',
      ).toEqual([]);
      expect(
        [...en.keys()].filter((k) => !th.has(k)),
        'keys missing in Thai',
      ).toEqual([]);
      for (const [key, text] of th) {
        expect(text.trim(), `${namespace}:${key} in Thai`).not.toBe('');
        expect(en.get(key)!.trim(), `${namespace}:${key} in English`).not.toBe('');
        expect(placeholders(en.get(key)!), `${namespace}:${key} placeholders`).toEqual(placeholders(text));
        // A placeholder in the old single-brace style would be shown as it is.
        expect(text.replace(/\{\{\s*\w+\s*\}\}/g, ''), `${namespace}:${key} has no {single} braces`).not.toMatch(/\{\w+\}/);
      }
    });
  }
});
