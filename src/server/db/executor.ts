import type { Kysely, Transaction } from 'kysely';
import type { DB } from './schema';

/** Anything a repository can run SQL on: the database or a transaction inside it. */
export type Executor = Kysely<DB> | Transaction<DB>;
