import { parentPort } from 'node:worker_threads';
import type { IssuerKey } from './keys';
import { createDocumentLoader } from './loader';
import { signCredential } from './sign';

/** One signing request from the pool; `created` (ISO) fixes the proof's date. */
export interface SignRequest {
  id: number;
  credential: Record<string, unknown>;
  key: IssuerKey;
  created?: string;
}

export type SignReply = { id: number; document: Record<string, unknown> } | { id: number; error: { name: string; message: string; stack?: string } };

// Signing needs only the bundled contexts: the issuer's controller document and status list are
// read by verifiers, never by the signer. A credential naming any other URL fails, as on the main thread.
const loader = createDocumentLoader(async () => null);
// Keys by id, so signCredential's decoded key pair (kept per object) is reused. The same id with
// other material (another database's key, as tests make them) replaces the entry.
const keys = new Map<string, IssuerKey>();

parentPort!.on('message', async (request: SignRequest) => {
  let key = keys.get(request.key.id);
  if (!key || key.secretKeyMultibase !== request.key.secretKeyMultibase || key.controller !== request.key.controller) {
    keys.set(request.key.id, (key = request.key));
  }
  let reply: SignReply;
  try {
    const document = await signCredential(request.credential, key, loader, request.created ? { created: new Date(request.created) } : {});
    reply = { id: request.id, document };
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    reply = { id: request.id, error: { name: e.name, message: e.message, stack: e.stack } };
  }
  parentPort!.postMessage(reply);
});
