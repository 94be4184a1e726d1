import { createSigningPool, type SigningPool } from '../../src/server/modules/credentials/vc/pool';

/**
 * The certificates benchmark's limit: a signing pool whose signature is a no-op, so the job does
 * everything else it does (status places, rows, timeline, audit, progress) and signs nothing. A
 * status list is still signed for real (on one thread): a list made during an unsigned run is
 * read by the signed runs' credentials, which must verify.
 */
export function createUnsignedPool(): SigningPool & { realSignatures: number } {
  const real = createSigningPool({ threads: 1 });
  const pool = {
    threads: 0,
    realSignatures: 0,
    async sign(credential: Record<string, unknown>, ...rest: Parameters<SigningPool['sign']> extends [unknown, ...infer R] ? R : never) {
      const types = credential.type as string[] | undefined;
      if (!types?.includes('BitstringStatusListCredential')) return credential;
      pool.realSignatures++;
      return real.sign(credential, ...rest);
    },
    close: () => real.close(),
  };
  return pool;
}
