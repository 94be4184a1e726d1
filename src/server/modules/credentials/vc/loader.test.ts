import http from 'node:http';
import https from 'node:https';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { controllerDocument, generateIssuerKey } from './keys';
import { createDocumentLoader, UnknownDocumentError } from './loader';

const CONTROLLER = 'https://archeep.test/api/credentials/issuers/DSD';

afterEach(() => vi.restoreAllMocks());

describe('the document loader', () => {
  it('serves the bundled contexts, the same object every time and tagged for jsonld’s cache', async () => {
    const loader = createDocumentLoader(async () => null);
    for (const url of [
      'https://www.w3.org/ns/credentials/v2',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
      'https://w3id.org/security/data-integrity/v2',
      'https://w3id.org/security/multikey/v1',
      'https://www.w3.org/ns/did/v1',
    ]) {
      const first = await loader(url);
      expect(first).toMatchObject({ contextUrl: null, documentUrl: url, tag: 'static', document: { '@context': expect.any(Object) } });
      expect((await loader(url)).document).toBe(first.document);
    }
  });

  it('refuses an unknown URL with an error, and touches no network', async () => {
    const fetch = vi.spyOn(globalThis, 'fetch');
    const httpGet = vi.spyOn(http, 'get');
    const httpRequest = vi.spyOn(http, 'request');
    const httpsGet = vi.spyOn(https, 'get');
    const httpsRequest = vi.spyOn(https, 'request');
    const resolve = vi.fn(async () => null);
    const loader = createDocumentLoader(resolve);

    await expect(loader('https://example.com/context.json')).rejects.toThrow(UnknownDocumentError);
    await expect(loader('https://example.com/context.json')).rejects.toThrow('Unknown URL https://example.com/context.json: only the bundled JSON-LD contexts');
    expect(resolve).toHaveBeenCalledWith('https://example.com/context.json');
    for (const spy of [fetch, httpGet, httpRequest, httpsGet, httpsRequest]) expect(spy).not.toHaveBeenCalled();
  });

  it('answers our own documents through the resolver', async () => {
    const list = { id: 'https://archeep.test/lists/DSD-0', type: ['VerifiableCredential', 'BitstringStatusListCredential'] };
    const loader = createDocumentLoader(async (url) => (url === list.id ? list : null));
    expect(await loader(list.id)).toEqual({ contextUrl: null, documentUrl: list.id, document: list });
  });

  it('answers a key id with that key from its controller document, with the controller’s context', async () => {
    const key = await generateIssuerKey(CONTROLLER, 'key-1');
    const controller = controllerDocument({ id: CONTROLLER, nameTh: 'ก', nameEn: 'A' }, [key]);
    const loader = createDocumentLoader(async (url) => (url === CONTROLLER ? controller : null));

    expect((await loader(key.id)).document).toEqual({
      '@context': controller['@context'],
      id: key.id,
      type: 'Multikey',
      controller: CONTROLLER,
      publicKeyMultibase: key.publicKeyMultibase,
    });
    await expect(loader(`${CONTROLLER}#key-2`)).rejects.toThrow(UnknownDocumentError);
  });

  it('does not take a key from a document that is not the controller it was asked for', async () => {
    const key = await generateIssuerKey(CONTROLLER, 'key-1');
    const elsewhere = controllerDocument({ id: CONTROLLER, nameTh: 'ก', nameEn: 'A' }, [key]);
    // A resolver that answers every URL with the same document, as a careless route might.
    const loader = createDocumentLoader(async (url) => (url.includes('#') ? null : elsewhere));
    await expect(loader('https://archeep.test/api/credentials/issuers/OTHER#key-1')).rejects.toThrow(UnknownDocumentError);
  });
});
