import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Executor } from '../../db/executor';
import type { DB } from '../../db/schema';
import type { OrgService } from '../org/org.service';
import * as repository from './credentials.repository';
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
  statusListCredential,
  verifyCredential,
  type IssuerKey,
  type VerificationReport,
} from './vc';
import type { SigningPool } from './vc/pool';

/** A credential's place in its agency's status list. */
export interface StatusPlace {
  listId: string;
  index: number;
  listUrl: string;
}

/**
 * Where the system signs: each agency's Ed25519 key (made on its first credential, sealed at rest,
 * rotatable), the agencies' Bitstring Status Lists, and the document loader that answers for our
 * own issuers and lists from the database, and for nothing else: a credential that names another
 * issuer is checked against nothing fetched from anywhere. Signatures are made on the signing pool's
 * worker threads (`vc/pool.ts`), never on the thread that serves requests.
 *
 * An agency's identifier (its controller document's URL) is fixed when its first key is made and
 * kept by every later key, and a status list's URL when the list is made: both are inside every
 * credential signed under them, so they are read from the database, never rebuilt from today's
 * PUBLIC_URL. A server moved to another address still verifies, and keeps issuing under, the same
 * identifiers.
 */
export function createSigning(deps: { db: Kysely<DB>; org: OrgService; pool: SigningPool; publicUrl: string; kek: () => Buffer }) {
  const { db, org, pool, publicUrl, kek } = deps;
  const issuerUrl = (agencyCode: string) => `${publicUrl}/api/credentials/issuers/${agencyCode}`;
  const statusListUrl = (id: string) => `${publicUrl}/api/credentials/status-lists/${id}`;

  // Opened private keys, by key id; a key never changes once made, so there is nothing to expire.
  const opened = new Map<string, IssuerKey>();

  /** The agency's identifier: its first key's controller, or today's address for a first key. */
  const controllerOf = async (db: Executor, agencyCode: string) => (await repository.firstKeyController(db, agencyCode)) ?? issuerUrl(agencyCode);

  async function issuerOf(db: Executor, agencyCode: string) {
    const a = (await org.agencyNames([agencyCode], db)).get(agencyCode);
    if (!a) throw new Error(`No agency has the code ${agencyCode}`);
    return { id: await controllerOf(db, a.code), nameTh: a.nameTh, nameEn: a.nameEn };
  }

  const keyFrom = (row: repository.IssuerKeyRow): IssuerKey => {
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
  async function activeKey(executor: Executor, agencyCode: string): Promise<IssuerKey> {
    const found = await repository.activeKeyRow(executor, agencyCode);
    if (found) return keyFrom(found);
    await repository.insertActiveKeyUnlessOne(executor, await newKeyRow(executor, agencyCode));
    return keyFrom((await repository.activeKeyRow(executor, agencyCode))!);
  }

  /** A list's credential, signed now with the agency's active key. */
  async function signedList(executor: Executor, url: string, agencyCode: string, bits: Uint8Array) {
    const unsigned = statusListCredential({
      id: url,
      issuer: await issuerOf(executor, agencyCode),
      encodedList: encodeStatusList(bits),
      validFrom: new Date().toISOString(),
    });
    return pool.sign(unsigned, await activeKey(executor, agencyCode));
  }

  /** Our own documents, found by the URL they were published under. */
  async function resolve(url: string): Promise<Record<string, unknown> | null> {
    const keys = await repository.keysByController(db, url);
    if (keys.length > 0) {
      return controllerDocument(
        await issuerOf(db, keys[0]!.agency_code),
        keys.map((k) => ({ id: k.id, publicKeyMultibase: k.public_key_multibase })),
      );
    }
    return (await repository.statusListDocumentByUrl(db, url)) as Record<string, unknown> | null;
  }
  const loader = createDocumentLoader(resolve);

  return {
    issuerOf,
    resolve,
    activeKey,

    /** An agency's controller document, by its code (the public route's question). */
    async issuerDocument(agencyCode: string) {
      return resolve(await controllerOf(db, agencyCode));
    },

    async statusListDocument(listId: string) {
      return (await repository.statusListDocumentById(db, listId)) as Record<string, unknown> | null;
    },

    /**
     * `count` places in the agency's status list: indexes come from one sequence (never waiting on
     * a list's row, and never given twice, whether or not the transaction commits); a list is made,
     * empty and signed, when its block's first index is taken. An index whose credential is never
     * written stays an unused 0 in its list.
     */
    async allocateStatuses(executor: Executor, agencyCode: string, count: number): Promise<StatusPlace[]> {
      if (count === 0) return [];
      const places = (await repository.nextStatusIndexes(executor, count)).map((n) => ({
        listId: `${agencyCode}-${Math.floor(n / STATUS_LIST_LENGTH)}`,
        block: Math.floor(n / STATUS_LIST_LENGTH),
        index: n % STATUS_LIST_LENGTH,
      }));
      const ids = [...new Set(places.map((p) => p.listId))];
      const urls = new Map((await repository.statusListUrls(executor, ids)).map((l) => [l.id, l.url]));
      for (const id of ids.filter((i) => !urls.has(i))) {
        const url = statusListUrl(id);
        const bits = emptyStatusList();
        const document = await signedList(executor, url, agencyCode, bits);
        const block = places.find((p) => p.listId === id)!.block;
        await repository.insertStatusListUnlessThere(executor, { id, agency_code: agencyCode, url, block, bits, document: JSON.stringify(document) });
      }
      for (const l of await repository.statusListUrls(executor, ids)) urls.set(l.id, l.url);
      return places.map((p) => ({ listId: p.listId, index: p.index, listUrl: urls.get(p.listId)! }));
    },

    /** Signs with the agency's active key, on the pool. */
    async sign(executor: Executor, agencyCode: string, unsigned: Record<string, unknown>) {
      const key = await activeKey(executor, agencyCode);
      return { document: await pool.sign(unsigned, key), keyId: key.id };
    },

    /** Signs with a key already in hand (a batch signs under one key), on the pool. */
    signWith(key: IssuerKey, unsigned: Record<string, unknown>) {
      return pool.sign(unsigned, key);
    },

    /** Sets (or clears) a credential's bit and signs the list again, under the list's row lock. */
    async setRevoked(trx: Executor, listId: string, index: number, revoked: boolean) {
      const list = await repository.lockStatusList(trx, listId);
      const bits = new Uint8Array(list.bits);
      setStatusBit(bits, index, revoked);
      const document = await signedList(trx, list.url, list.agency_code, bits);
      await repository.updateStatusList(trx, listId, bits, JSON.stringify(document));
    },

    /** Retires the agency's active key and makes a new one; what the old key signed still verifies. */
    async rotate(trx: Executor, agencyCode: string) {
      const row = await newKeyRow(trx, agencyCode);
      const retired = await repository.retireActiveKey(trx, agencyCode);
      await repository.insertKey(trx, row);
      return { retiredKeyId: retired?.id ?? null, activeKeyId: row.id };
    },

    async keysOf(agencyCode: string) {
      return repository.keysOf(db, agencyCode);
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
