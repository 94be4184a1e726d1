/**
 * `npx tsx bench/vc.ts [--count N] [--results DIR]`
 *
 * The verifiable-credential core on its own, in one process and without a database: N Open
 * Badge certificates (default 500) signed one after another with an agency's Ed25519 key
 * (eddsa-rdfc-2022, JSON-LD safe mode), then every one verified as the public check does it:
 * signature by a key the issuer's controller document lists, validity dates, and the revocation
 * bit in the issuer's status list, whose own signature is verified each time. Documents come from
 * an in-memory resolver; every tenth credential is revoked first, and each report must say what
 * its bit says.
 *
 * The first signature is timed apart: it processes the JSON-LD contexts, which later operations
 * take from jsonld's cache.
 *
 * Then the same N signed on the signing pool (`vc/pool.ts`, one worker thread per core, or
 * SIGNING_THREADS), all handed to it at once after each worker's first signature: the most the
 * issuing job's signing can give on this machine.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { availableParallelism } from 'node:os';
import { openBadgeCredential, setStatusBit, signCredential, verifyCredential } from '../src/server/modules/credentials/vc';
import { createSigningPool } from '../src/server/modules/credentials/vc/pool';
import { buildIssuer, buildWorld, trainingCertificate } from '../src/server/modules/credentials/vc/test-factories';
import { fail, machine, n, percentile, progress, round, runWhenMain } from './lib/harness';

export async function main(argv: string[]): Promise<string> {
  const HERE = path.dirname(fileURLToPath(import.meta.url));
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { count: { type: 'string', default: '500' }, results: { type: 'string', default: process.env.BENCH_RESULTS_DIR ?? path.join(HERE, 'results') } },
    }));
  } catch (error) {
    fail((error as Error).message);
  }
  const count = Number(values.count);
  if (!Number.isSafeInteger(count) || count < 1) fail('--count must be a whole number ≥ 1');

  // The vc tests' world: an agency with one key and an empty signed list, documents held in memory.
  const world = buildWorld();
  const issuer = await buildIssuer(world);
  /** A certificate per index, each holder named apart so that no two documents are the same. */
  const input = (index: number) => trainingCertificate(issuer, { holder: { nameTh: `นางสาวทดสอบ ลำดับที่${index}`, nameEn: `Miss Test Number${index}` } });

  const signMs: number[] = [];
  const signed: Record<string, unknown>[] = [];
  progress(`vc: signing ${n(count)} credentials…`);
  const signStarted = performance.now();
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    signed.push(await signCredential(openBadgeCredential(input(i)), issuer.activeKey, world.loader));
    signMs.push(performance.now() - started);
  }
  const signTotalMs = performance.now() - signStarted;

  const revoked = (i: number) => i % 10 === 9;
  for (let i = 0; i < count; i++) if (revoked(i)) setStatusBit(issuer.bits, i, true);
  await issuer.publishList();

  const verifyMs: number[] = [];
  progress(`vc: verifying ${n(count)} credentials with their status…`);
  const verifyStarted = performance.now();
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    const report = await verifyCredential(signed[i], { loader: world.loader });
    verifyMs.push(performance.now() - started);
    const expected = revoked(i) ? 'revoked' : 'active';
    if (report.signature !== 'valid' || report.validity !== 'current' || report.status !== expected)
      fail(`Credential ${i} gave ${JSON.stringify(report)}, not a valid signature with status ${expected}`);
  }
  const verifyTotalMs = performance.now() - verifyStarted;

  const threads = Number(process.env.SIGNING_THREADS ?? availableParallelism());
  const pool = createSigningPool({ threads });
  progress(`vc: signing ${n(count)} credentials on the pool (${threads} threads)…`);
  // Warm every worker (start-up, tsx, the contexts) before the clock starts.
  await Promise.all(Array.from({ length: threads * 2 }, (_, i) => pool.sign(openBadgeCredential(input(count + i)), issuer.activeKey)));
  const poolStarted = performance.now();
  const pooled = await Promise.all(Array.from({ length: count }, (_, i) => pool.sign(openBadgeCredential(input(i)), issuer.activeKey)));
  const poolMs = performance.now() - poolStarted;
  await pool.close();
  const poolChecked = await verifyCredential(pooled[0], { loader: world.loader });
  if (poolChecked.signature !== 'valid') fail(`A pool signature did not verify: ${JSON.stringify(poolChecked)}`);
  const poolPerSecond = round(count / (poolMs / 1000));

  const signedPerSecond = round(count / (signTotalMs / 1000));
  const verifiedPerSecond = round(count / (verifyTotalMs / 1000));
  const latency = (ms: number[]) => {
    const sorted = [...ms].sort((a, b) => a - b);
    return { p50Ms: round(percentile(sorted, 0.5), 2), p99Ms: round(percentile(sorted, 0.99), 2), maxMs: round(sorted[sorted.length - 1]!, 2) };
  };
  const result = {
    benchmark: 'vc',
    at: new Date().toISOString(),
    machine: machine(),
    count,
    cryptosuite: 'eddsa-rdfc-2022',
    averageCredentialBytes: Math.round(signed.reduce((sum, c) => sum + JSON.stringify(c).length, 0) / count),
    sign: { totalMs: Math.round(signTotalMs), perSecond: signedPerSecond, firstMs: round(signMs[0]!, 1), ...latency(signMs.slice(1)) },
    pool: { threads, totalMs: Math.round(poolMs), perSecond: poolPerSecond },
    verify: {
      totalMs: Math.round(verifyTotalMs),
      perSecond: verifiedPerSecond,
      revoked: Array.from({ length: count }, (_, i) => i).filter(revoked).length,
      ...latency(verifyMs),
    },
  };
  mkdirSync(values.results!, { recursive: true });
  const file = path.join(values.results!, `vc-${result.at.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  return `vc: signed ${n(signedPerSecond)}/s · verified ${n(verifiedPerSecond)}/s (${n(count)} credentials, eddsa-rdfc-2022, signature + status list each, Node ${process.version}) · pool signed ${n(poolPerSecond)}/s (${threads} threads)`;
}

runWhenMain(import.meta.url, main);
