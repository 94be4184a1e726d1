import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Executor } from '../../db/executor';
import type { DB } from '../../db/schema';
import {
  STATUS_LIST_LENGTH,
  controllerDocument,
  createDocumentLoader,
  decodeStatusList,
  emptyStatusList,
  encodeStatusList,
  generateIssuerKey,
  openSecret,
  sealSecret,
  setStatusBit,
  signCredential,
  statusListCredential,
  verifyCredential,
  type IssuerKey,
  type VerificationReport,
} from './vc';

/**
 * Where the system signs: each agency's Ed25519 key (made on its first credential, sealed at rest,
 * rotatable), the agencies' Bitstring Status Lists, and the document loader that answers for our
 * own issuers and lists from the database, and for nothing else: a credential that names another
 * issuer is checked against nothing fetched from anywhere.
 *
 * An agency's identifier (its controller document's URL) is fixed when its first key is made and
 * kept by every later key, and a status list's URL when the list is made: both are inside every
 * credential signed under them, so they are read from the database, never rebuilt from today's
 * PUBLIC_URL. A server moved to another address still verifies, and keeps issuing under, the same
 * identifiers.
 */
export function createSigning(deps: { db: Kysely<DB>; publicUrl: string; kek: () => Buffer }) {
  const { db, publicUrl, kek } = deps;
  const issuerUrl = (agencyCode: string) => `${publicUrl}/api/credentials/issuers/${agencyCode}`;
  const statusListUrl = (id: string) => `${publicUrl}/api/credentials/status-lists/${id}`;

  // Opened private keys, by key id; a key never changes once made, so there is nothing to expire.
  const opened = new Map<string, IssuerKey>();

  /** The agency's identifier: its first key's controller, or today's address for a first key. */
  async function controllerOf(db: Executor, agencyCode: string) {
    const first = await db
      .selectFrom('issuer_key')
      .select('controller')
      .where('agency_code', '=', agencyCode)
      .orderBy('created_at')
      .limit(1)
      .executeTakeFirst();
    return first?.controller ?? issuerUrl(agencyCode);
  }

  async function issuerOf(db: Executor, agencyCode: string) {
    const a = await db.selectFrom('agency').select(['code', 'name_th', 'name_en']).where('code', '=', agencyCode).executeTakeFirstOrThrow();
    return { id: await controllerOf(db, a.code), nameTh: a.name_th, nameEn: a.name_en };
  }

  const keyFrom = (row: { id: string; controller: string; public_key_multibase: string; secret_sealed: string }): IssuerKey => {
    let key = opened.get(row.id);
    if (!key) {
      let secretKeyMultibase: string;
      try {
        secretKeyMultibase = openSecret(row.secret_sealed, row.id, kek());
      } catch (error) {
        throw new Error(
          `The signing key ${row.id} does not open with this key-encryption key; was CREDENTIAL_KEY_SECRET changed? (${(error as Error).message})`,
          { cause: error },
        );
      }
      key = { id: row.id, controller: row.controller, publicKeyMultibase: row.public_key_multibase, secretKeyMultibase };
      opened.set(row.id, key);
    }
    return key;
  };

  const activeRow = (db: Executor, agencyCode: string) =>
    db
      .selectFrom('issuer_key')
      .select(['id', 'controller', 'public_key_multibase', 'secret_sealed'])
      .where('agency_code', '=', agencyCode)
      .where('status', '=', 'active')
      .executeTakeFirst();

  /** A new key for the agency, under its identifier, stored sealed. */
  async function newKeyRow(db: Executor, agencyCode: string) {
    const controller = await controllerOf(db, agencyCode);
    // Named by the day it was made, with a random tail: readable in a controller document, unique.
    const fragment = `key-${new Date().toISOString().slice(0, 10)}-${randomBytes(3).toString('hex')}`;
    const key = await generateIssuerKey(controller, fragment);
    return {
      id: key.id,
      agency_code: agencyCode,
      controller,
      public_key_multibase: key.publicKeyMultibase,
      secret_sealed: sealSecret(key.secretKeyMultibase, key.id, kek()),
    };
  }

  /** The agency's active key, made on first use; two first uses at once keep one of the two. */
  async function activeKey(trx: Executor, agencyCode: string): Promise<IssuerKey> {
    const found = await activeRow(trx, agencyCode);
    if (found) return keyFrom(found);
    const row = await newKeyRow(trx, agencyCode);
    await trx
      .insertInto('issuer_key')
      .values(row)
      .onConflict((oc) => oc.column('agency_code').where('status', '=', 'active').doNothing())
      .execute();
    return keyFrom((await activeRow(trx, agencyCode))!);
  }

  /** A list's credential, signed now with the agency's active key. */
  async function signedList(trx: Executor, url: string, agencyCode: string, bits: Uint8Array) {
    const unsigned = statusListCredential({
      id: url,
      issuer: await issuerOf(trx, agencyCode),
      encodedList: encodeStatusList(bits),
      validFrom: new Date().toISOString(),
    });
    return signCredential(unsigned, await activeKey(trx, agencyCode), loader);
  }

  /** Our own documents, found by the URL they were published under. */
  async function resolve(url: string): Promise<Record<string, unknown> | null> {
    const keys = await db
      .selectFrom('issuer_key')
      .select(['id', 'agency_code', 'public_key_multibase'])
      .where('controller', '=', url)
      .orderBy('created_at')
      .execute();
    if (keys.length > 0) {
      return controllerDocument(
        await issuerOf(db, keys[0]!.agency_code),
        keys.map((k) => ({ id: k.id, publicKeyMultibase: k.public_key_multibase })),
      );
    }
    const list = await db.selectFrom('status_list').select('document').where('url', '=', url).executeTakeFirst();
    return (list?.document as Record<string, unknown> | null) ?? null;
  }
  const loader = createDocumentLoader(resolve);

  return {
    issuerOf,
    resolve,

    /** An agency's controller document, by its code (the public route's question). */
    async issuerDocument(agencyCode: string) {
      return resolve(await controllerOf(db, agencyCode));
    },

    async statusListDocument(listId: string) {
      const list = await db.selectFrom('status_list').select('document').where('id', '=', listId).executeTakeFirst();
      return (list?.document as Record<string, unknown> | null) ?? null;
    },

    /**
     * A place in the agency's status list: indexes come from one sequence (never waiting on a
     * list's row); a list is made, empty and signed, when its block's first index is taken.
     */
    async allocateStatus(trx: Executor, agencyCode: string) {
      const { n } = (await sql<{ n: string }>`select nextval('credential_status_seq') as n`.execute(trx)).rows[0]!;
      const block = Math.floor(Number(n) / STATUS_LIST_LENGTH);
      const index = Number(n) % STATUS_LIST_LENGTH;
      const id = `${agencyCode}-${block}`;
      let list = await trx.selectFrom('status_list').select('url').where('id', '=', id).executeTakeFirst();
      if (!list) {
        const url = statusListUrl(id);
        const bits = emptyStatusList();
        const document = await signedList(trx, url, agencyCode, bits);
        await trx
          .insertInto('status_list')
          .values({ id, agency_code: agencyCode, url, block, bits, document: JSON.stringify(document) })
          .onConflict((oc) => oc.column('id').doNothing())
          .execute();
        list = await trx.selectFrom('status_list').select('url').where('id', '=', id).executeTakeFirstOrThrow();
      }
      return { listId: id, index, listUrl: list.url };
    },

    async sign(trx: Executor, agencyCode: string, unsigned: Record<string, unknown>) {
      const key = await activeKey(trx, agencyCode);
      return { document: await signCredential(unsigned, key, loader), keyId: key.id };
    },

    /** Sets (or clears) a credential's bit and signs the list again, under the list's row lock. */
    async setRevoked(trx: Executor, listId: string, index: number, revoked: boolean) {
      const list = await trx.selectFrom('status_list').select(['agency_code', 'url', 'bits']).where('id', '=', listId).forUpdate().executeTakeFirstOrThrow();
      const bits = new Uint8Array(list.bits);
      setStatusBit(bits, index, revoked);
      const document = await signedList(trx, list.url, list.agency_code, bits);
      await trx
        .updateTable('status_list')
        .set({ bits, document: JSON.stringify(document), updated_at: new Date() })
        .where('id', '=', listId)
        .execute();
    },

    /** Retires the agency's active key and makes a new one; what the old key signed still verifies. */
    async rotate(trx: Executor, agencyCode: string) {
      const row = await newKeyRow(trx, agencyCode);
      const retired = await trx
        .updateTable('issuer_key')
        .set({ status: 'retired', retired_at: new Date() })
        .where('agency_code', '=', agencyCode)
        .where('status', '=', 'active')
        .returning('id')
        .executeTakeFirst();
      await trx.insertInto('issuer_key').values(row).execute();
      return { retiredKeyId: retired?.id ?? null, activeKeyId: row.id };
    },

    async keysOf(agencyCode: string) {
      return db
        .selectFrom('issuer_key')
        .select(['id', 'status', 'created_at', 'retired_at', 'public_key_multibase'])
        .where('agency_code', '=', agencyCode)
        .orderBy('created_at')
        .execute();
    },

    /** Checks any credential: signature, issuer's key, status and dates. Nothing is fetched. */
    async verify(credential: unknown, now = new Date()): Promise<VerificationReport> {
      return verifyCredential(credential, { loader, now });
    },

    /** The list's bits as the status list credential states them (what an outside verifier reads). */
    listBits(document: { credentialSubject?: { encodedList?: string } }) {
      return decodeStatusList(document.credentialSubject?.encodedList ?? '');
    },
  };
}

export type Signing = ReturnType<typeof createSigning>;
