import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireContext } from '../../platform/auth/plugin';
import { withProblems } from '../../platform/http/schemas';
import { problems } from '../../platform/problem';
import {
  AgencyParam,
  CodeParam,
  CredentialDocumentBody,
  CredentialSchema,
  DocumentVerificationSchema,
  IssuerKeySchema,
  ListParam,
  PersonIdParam,
  RevokeBody,
  VerificationSchema,
} from './credentials.schemas';
import type { CredentialsService } from './credentials.service';

const tags = ['credentials'];

export const credentialsRoutes: FastifyPluginAsyncZod<{ credentials: CredentialsService }> = async (app, { credentials }) => {
  app.get(
    '/api/verify/:code',
    {
      // Public, and limited per address: 100 bits of code cannot be guessed, and this keeps anyone from trying.
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Public check of a certificate by its code: valid, revoked or expired; the name partly masked',
        security: [],
        params: CodeParam,
        response: withProblems({ 200: VerificationSchema }),
      },
    },
    async (request) => credentials.verify(request.params.code),
  );

  app.post(
    '/api/verify',
    {
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
      bodyLimit: 256 * 1024,
      schema: {
        tags,
        summary:
          'Public check of a credential file (OpenBadgeCredential JSON): signature, issuer’s key, revocation list and dates, with nothing fetched from elsewhere',
        security: [],
        body: CredentialDocumentBody,
        response: withProblems({ 200: DocumentVerificationSchema }),
      },
    },
    async (request) => credentials.verifyDocument(request.body),
  );

  // The issuers' keys and revocation lists: what any verifier needs, public and cacheable for a minute.
  app.get(
    '/api/credentials/issuers/:agencyCode',
    {
      schema: {
        tags,
        summary: 'An issuing agency’s controller document: its Ed25519 keys, current and retired (JSON-LD)',
        security: [],
        params: AgencyParam,
        response: withProblems({ 200: z.record(z.string(), z.unknown()) }),
      },
    },
    async (request, reply) => {
      const document = await credentials.issuerDocument(request.params.agencyCode);
      if (!document)
        throw problems.notFound({
          en: `The agency ${request.params.agencyCode} has issued no signed credentials.`,
          th: `หน่วยงาน ${request.params.agencyCode} ยังไม่เคยออกเอกสารรับรองที่ลงนาม`,
        });
      reply.header('cache-control', 'public, max-age=60');
      return document;
    },
  );

  app.get(
    '/api/credentials/status-lists/:listId',
    {
      schema: {
        tags,
        summary: 'A Bitstring Status List credential: which of an agency’s credentials are revoked',
        security: [],
        params: ListParam,
        response: withProblems({ 200: z.record(z.string(), z.unknown()) }),
      },
    },
    async (request, reply) => {
      const document = await credentials.statusList(request.params.listId);
      if (!document) throw problems.notFound({ en: `No status list ${request.params.listId}.`, th: `ไม่พบรายการสถานะ ${request.params.listId}` });
      reply.header('cache-control', 'public, max-age=60');
      return document;
    },
  );

  app.get(
    '/api/credentials/issuers/:agencyCode/keys',
    {
      schema: {
        tags,
        summary: 'An agency’s signing keys (system administrators)',
        params: AgencyParam,
        response: withProblems({ 200: z.array(IssuerKeySchema) }),
      },
    },
    async (request) => credentials.issuerKeys(requireContext(request), request.params.agencyCode),
  );

  app.post(
    '/api/credentials/issuers/:agencyCode/keys/rotate',
    {
      schema: {
        tags,
        summary: 'Retire the agency’s signing key and make a new one; credentials signed before still verify',
        params: AgencyParam,
        response: withProblems({ 200: z.object({ retiredKeyId: z.string().nullable(), activeKeyId: z.string(), keys: z.array(IssuerKeySchema) }) }),
      },
    },
    async (request) => credentials.rotateKey(requireContext(request), request.params.agencyCode),
  );

  app.get(
    '/api/credentials/mine',
    { schema: { tags, summary: 'The signed-in citizen’s certificates', response: withProblems({ 200: z.array(CredentialSchema) }) } },
    async (request) => credentials.mine(requireContext(request)),
  );

  app.get(
    '/api/people/:personId/credentials',
    {
      schema: {
        tags,
        summary: 'A person’s certificates (staff in the issuing area, or the person)',
        params: PersonIdParam,
        response: withProblems({ 200: z.array(CredentialSchema) }),
      },
    },
    async (request) => credentials.ofPerson(requireContext(request), request.params.personId),
  );

  app.get(
    '/api/credentials/:code',
    {
      schema: {
        tags,
        summary: 'A certificate in full (its holder, or staff in its area)',
        params: CodeParam,
        response: withProblems({ 200: CredentialSchema }),
      },
    },
    async (request) => credentials.get(requireContext(request), request.params.code),
  );

  app.get(
    '/api/credentials/:code/pdf',
    {
      schema: {
        tags,
        summary: 'The certificate as PDF, with its QR code to the public check',
        params: CodeParam,
        response: withProblems({ 200: z.any().describe('application/pdf') }),
      },
    },
    async (request, reply) => {
      const { fileName, bytes } = await credentials.pdf(requireContext(request), request.params.code);
      reply.header('content-disposition', `inline; filename="${fileName}"`);
      reply.header('cache-control', 'private, no-store');
      return reply.type('application/pdf').send(bytes);
    },
  );

  app.get(
    '/api/credentials/:code/credential.json',
    {
      schema: {
        tags,
        summary: 'The signed Open Badge 3.0 credential (JSON) to keep or show; its holder, or staff in its area',
        params: CodeParam,
        response: withProblems({ 200: z.record(z.string(), z.unknown()) }),
      },
    },
    async (request, reply) => {
      const { fileName, document } = await credentials.document(requireContext(request), request.params.code);
      reply.header('content-disposition', `attachment; filename="${fileName}"`);
      reply.header('cache-control', 'private, no-store');
      return document;
    },
  );

  app.post(
    '/api/credentials/:code/revoke',
    {
      schema: {
        tags,
        summary: 'Revoke a certificate with a reason (officers of the issuing area)',
        params: CodeParam,
        body: RevokeBody,
        response: withProblems({ 200: CredentialSchema }),
      },
    },
    async (request) => credentials.revoke(requireContext(request), request.params.code, request.body.reason),
  );
};
