import { z } from 'zod';

export const CodeParam = z.strictObject({ code: z.string().min(1).max(40).describe('The code printed on the certificate; case and dashes do not matter') });

export const CredentialSchema = z
  .object({
    code: z.string(),
    kind: z.enum(['training-completion']),
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
    hours: z.number(),
    startedOn: z.string(),
    endedOn: z.string(),
    sessionCode: z.string(),
    revokedAt: z.string().nullable(),
    revokedReason: z.string().nullable(),
    verifyUrl: z.string().describe('The public verification page its QR code opens'),
  })
  .meta({ id: 'Credential' });

export const VerificationSchema = z
  .object({
    code: z.string(),
    status: z.enum(['valid', 'revoked', 'expired']),
    holderNameMasked: z.string().describe('The surname is cut to its first letter'),
    titleTh: z.string(),
    titleEn: z.string(),
    hours: z.number(),
    issuedOn: z.string(),
    expiresOn: z.string().nullable(),
    issuerNameTh: z.string(),
    issuerNameEn: z.string(),
    revokedOn: z.string().nullable(),
  })
  .meta({ id: 'Verification', description: 'What the public may see of a certificate: enough to trust it, no more' });

export const RevokeBody = z.strictObject({ reason: z.string().trim().min(3).max(500).describe('Why; kept in the audit trail and on the holder’s timeline') });
export const PersonIdParam = z.strictObject({ personId: z.coerce.number().int().positive() });
