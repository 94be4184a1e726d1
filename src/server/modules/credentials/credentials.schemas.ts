import { z } from 'zod';

export const CodeParam = z.strictObject({ code: z.string().min(1).max(40).describe('The code printed on the certificate; case and dashes do not matter') });

export const CredentialSchema = z
  .object({
    code: z.string(),
    kind: z.enum(['training-completion', 'qualification']),
    status: z.enum(['valid', 'revoked', 'expired']),
    personId: z.number().int(),
    holderNameTh: z.string(),
    holderNameEn: z.string().nullable(),
    titleTh: z.string(),
    titleEn: z.string(),
    issuerUnitCode: z.string(),
    issuerNameTh: z.string(),
    issuerNameEn: z.string(),
    issuedOn: z.string(),
    validFrom: z.string(),
    expiresOn: z.string().nullable(),
    hours: z.number().nullable().describe('A training certificate’s hours; null for a qualification'),
    startedOn: z.string().nullable(),
    endedOn: z.string().nullable(),
    sessionCode: z.string().nullable(),
    standardCode: z.string().nullable().describe('A qualification’s occupational standard'),
    level: z.number().int().nullable(),
    assessedOn: z.string().nullable(),
    units: z.array(z.object({ code: z.string(), nameTh: z.string(), nameEn: z.string() })),
    revokedAt: z.string().nullable(),
    revokedReason: z.string().nullable(),
    verifyUrl: z.string().describe('The public verification page its QR code opens'),
    signed: z.boolean().describe('Whether a signed Open Badge (JSON) is available to download'),
    signingKeyId: z.string().nullable(),
  })
  .meta({ id: 'Credential' });

const Problem = z.object({ en: z.string(), th: z.string() });

const ChecksSchema = z.object({
  signature: z.enum(['valid', 'invalid']),
  status: z.enum(['active', 'revoked', 'unknown']).describe('From the issuer’s signed Bitstring Status List'),
  validity: z.enum(['current', 'expired', 'not-yet-valid']),
  issuerId: z.string().nullable(),
  issuerName: z.string().nullable().describe('As the issuer’s controller document names it'),
  keyId: z.string().nullable(),
});

export const DocumentVerificationSchema = z
  .object({
    verified: z.boolean().describe('Signature valid, not revoked, within its dates'),
    signature: z.enum(['valid', 'invalid']),
    status: z.enum(['active', 'revoked', 'unknown']),
    validity: z.enum(['current', 'expired', 'not-yet-valid']),
    issuerId: z.string().nullable(),
    issuerName: z.string().nullable(),
    keyId: z.string().nullable(),
    problems: z.array(Problem),
    code: z.string().nullable().describe('The code, when the credential is one of ours'),
    holderNameMasked: z.string().nullable(),
    achievementName: z.string().nullable(),
    validFrom: z.string().nullable(),
    validUntil: z.string().nullable(),
  })
  .meta({ id: 'DocumentVerification', description: 'What checking a credential file found; claims are shown only when the signature holds' });

export const CredentialDocumentBody = z.record(z.string(), z.unknown()).describe('An OpenBadgeCredential (JSON), as downloaded by its holder');

export const AgencyParam = z.strictObject({ agencyCode: z.string().regex(/^[A-Z][A-Z0-9-]{1,15}$/) });
export const ListParam = z.strictObject({ listId: z.string().regex(/^[A-Z][A-Z0-9-]{1,15}-\d{1,6}$/) });

export const IssuerKeySchema = z
  .object({ id: z.string(), status: z.enum(['active', 'retired']), createdAt: z.string(), retiredAt: z.string().nullable(), publicKeyMultibase: z.string() })
  .meta({ id: 'IssuerKey' });

export const VerificationSchema = z
  .object({
    code: z.string(),
    kind: z.enum(['training-completion', 'qualification']),
    status: z.enum(['valid', 'revoked', 'expired', 'invalid']).describe('invalid: the signed document no longer matches its signature'),
    holderNameMasked: z.string().describe('The surname is cut to its first letter'),
    titleTh: z.string(),
    titleEn: z.string(),
    hours: z.number().nullable(),
    level: z.number().int().nullable(),
    issuedOn: z.string(),
    expiresOn: z.string().nullable(),
    issuerNameTh: z.string(),
    issuerNameEn: z.string(),
    revokedOn: z.string().nullable(),
    checks: ChecksSchema.nullable().describe('What checking the signed credential found; null for a certificate issued before signing'),
  })
  .meta({ id: 'Verification', description: 'What the public may see of a certificate: enough to trust it, no more' });

export const RevokeBody = z.strictObject({ reason: z.string().trim().min(3).max(500).describe('Why; kept in the audit trail and on the holder’s timeline') });
export const PersonIdParam = z.strictObject({ personId: z.coerce.number().int().positive() });
