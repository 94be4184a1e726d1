/**
 * Verifiable credentials, as a library without a database: Open Badges 3.0 credentials (W3C VC
 * Data Model 2.0) signed with the issuing agency's Ed25519 key (Data Integrity eddsa-rdfc-2022),
 * revocation by Bitstring Status List, and a document loader that knows the bundled contexts and
 * our own issuers and lists, and fetches nothing. credentials.signing.ts gives it the database.
 */
export { CREDENTIALS_V2, OPEN_BADGES_V3 } from './bundled-contexts';
export { controllerDocument, generateIssuerKey, openSecret, sealSecret, type IssuerKey, type IssuerProfile } from './keys';
export { createDocumentLoader, UnknownDocumentError, type DocumentLoader, type DocumentResolver, type LoadedDocument } from './loader';
export { openBadgeCredential, type OpenBadgeInput } from './open-badge';
export type { VerificationProblem } from './problems';
export { singleProof, withProofSet } from './proof';
export { signCredential } from './sign';
export {
  STATUS_LIST_LENGTH,
  decodeStatusList,
  emptyStatusList,
  encodeStatusList,
  setStatusBit,
  statusBit,
  statusListCredential,
  statusListEntry,
} from './status-list';
export { verifyCredential, type VerificationReport } from './verify';
