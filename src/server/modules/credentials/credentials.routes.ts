import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireContext } from '../../platform/auth/plugin';
import { withProblems } from '../../platform/http/schemas';
import { CodeParam, CredentialSchema, PersonIdParam, RevokeBody, VerificationSchema } from './credentials.schemas';
import type { CredentialsService } from './credentials.service';

const tags = ['credentials'];

export const credentialsRoutes: FastifyPluginAsyncZod<{ credentials: CredentialsService }> = async (app, { credentials }) => {
  app.get(
    '/api/verify/:code',
    {
      // Public, and limited per address: 100 bits of code cannot be guessed, and this keeps anyone from trying.
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: { tags, summary: 'Public check of a certificate by its code: valid, revoked or expired; the name partly masked', security: [], params: CodeParam, response: withProblems({ 200: VerificationSchema }) },
    },
    async (request) => credentials.verify(request.params.code),
  );

  app.get('/api/credentials/mine', { schema: { tags, summary: 'The signed-in citizen’s certificates', response: withProblems({ 200: z.array(CredentialSchema) }) } }, async (request) => credentials.mine(requireContext(request)));

  app.get('/api/people/:personId/credentials', { schema: { tags, summary: 'A person’s certificates (staff in the issuing area, or the person)', params: PersonIdParam, response: withProblems({ 200: z.array(CredentialSchema) }) } }, async (request) =>
    credentials.ofPerson(requireContext(request), request.params.personId),
  );

  app.get('/api/credentials/:code', { schema: { tags, summary: 'A certificate in full (its holder, or staff in its area)', params: CodeParam, response: withProblems({ 200: CredentialSchema }) } }, async (request) =>
    credentials.get(requireContext(request), request.params.code),
  );

  app.get('/api/credentials/:code/pdf', { schema: { tags, summary: 'The certificate as PDF, with its QR code to the public check', params: CodeParam, response: withProblems({ 200: z.any().describe('application/pdf') }) } }, async (request, reply) => {
    const { fileName, bytes } = await credentials.pdf(requireContext(request), request.params.code);
    reply.header('content-disposition', `inline; filename="${fileName}"`);
    reply.header('cache-control', 'private, no-store');
    return reply.type('application/pdf').send(bytes);
  });

  app.post('/api/credentials/:code/revoke', { schema: { tags, summary: 'Revoke a certificate with a reason (officers of the issuing area)', params: CodeParam, body: RevokeBody, response: withProblems({ 200: CredentialSchema }) } }, async (request) =>
    credentials.revoke(requireContext(request), request.params.code, request.body.reason),
  );
};
