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
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  controllerDocument,
  createDocumentLoader,
  emptyStatusList,
  encodeStatusList,
  generateIssuerKey,
  openBadgeCredential,
  setStatusBit,
  signCredential,
  statusListCredential,
  verifyCredential,
  type OpenBadgeInput,
} from '../src/server/modules/credentials/vc';
import { fail, machine, n, percentile, round } from './lib/harness';

const HERE = path.dirname(fileURLToPath(import.meta.url));
let values;
try {
  ({ values } = parseArgs({ options: { count: { type: 'string', default: '500' }, results: { type: 'string', default: process.env.BENCH_RESULTS_DIR ?? path.join(HERE, 'results') } } }));
} catch (error) {
  fail((error as Error).message);
}
const count = Number(values.count);
if (!Number.isSafeInteger(count) || count < 1) fail('--count must be a whole number ≥ 1');

const BASE = 'https://archeep.bench';
const issuer = { id: `${BASE}/api/credentials/issuers/DSD`, nameTh: 'กรมพัฒนาฝีมือแรงงาน', nameEn: 'Department of Skill Development' };
const listUrl = `${BASE}/api/credentials/status-lists/DSD-0`;
const documents = new Map<string, Record<string, unknown>>();
const loader = createDocumentLoader(async (url) => documents.get(url) ?? null);
const key = await generateIssuerKey(issuer.id, 'key-1');
documents.set(issuer.id, controllerDocument(issuer, [key]));

const input = (index: number): OpenBadgeInput => ({
  id: `${BASE}/verify/BENCH-${String(index).padStart(6, '0')}`,
  issuer,
  holder: { nameTh: `นางสาวทดสอบ ลำดับที่${index}`, nameEn: `Miss Test Number${index}` },
  achievement: {
    id: `${BASE}/curricula/DSD-WELD-01`,
    kind: 'training-completion',
    nameTh: 'การเชื่อมไฟฟ้าเบื้องต้น',
    nameEn: 'Basic Arc Welding',
    descriptionTh: 'หลักสูตรฝึกอบรมการเชื่อมไฟฟ้าสำหรับผู้เริ่มต้น',
    descriptionEn: 'A training course in arc welding for beginners.',
    criteriaTh: 'เข้ารับการฝึกอบรมไม่น้อยกว่าร้อยละ 80 ของเวลาและผ่านการประเมินผล',
    criteriaEn: 'Attended at least 80% of the hours and passed the assessment.',
    hours: 18,
  },
  validFrom: '2025-06-01T00:00:00+07:00',
  status: { listCredentialUrl: listUrl, index },
});

const signMs: number[] = [];
const signed: Record<string, unknown>[] = [];
process.stderr.write(`vc: signing ${n(count)} credentials…\n`);
const signStarted = performance.now();
for (let i = 0; i < count; i++) {
  const started = performance.now();
  signed.push(await signCredential(openBadgeCredential(input(i)), key, loader));
  signMs.push(performance.now() - started);
}
const signTotalMs = performance.now() - signStarted;

const bits = emptyStatusList();
const revoked = (i: number) => i % 10 === 9;
for (let i = 0; i < count; i++) if (revoked(i)) setStatusBit(bits, i, true);
documents.set(listUrl, await signCredential(statusListCredential({ id: listUrl, issuer, encodedList: encodeStatusList(bits), validFrom: '2025-01-01T00:00:00Z' }), key, loader));

const verifyMs: number[] = [];
process.stderr.write(`vc: verifying ${n(count)} credentials with their status…\n`);
const verifyStarted = performance.now();
for (let i = 0; i < count; i++) {
  const started = performance.now();
  const report = await verifyCredential(signed[i], { loader });
  verifyMs.push(performance.now() - started);
  const expected = revoked(i) ? 'revoked' : 'active';
  if (report.signature !== 'valid' || report.validity !== 'current' || report.status !== expected) fail(`Credential ${i} gave ${JSON.stringify(report)}, not a valid signature with status ${expected}`);
}
const verifyTotalMs = performance.now() - verifyStarted;

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
  verify: { totalMs: Math.round(verifyTotalMs), perSecond: verifiedPerSecond, revoked: Array.from({ length: count }, (_, i) => i).filter(revoked).length, ...latency(verifyMs) },
};
mkdirSync(values.results!, { recursive: true });
const file = path.join(values.results!, `vc-${result.at.replace(/[:.]/g, '-')}.json`);
writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
process.stdout.write(`vc: signed ${n(signedPerSecond)}/s · verified ${n(verifiedPerSecond)}/s (${n(count)} credentials, eddsa-rdfc-2022, signature + status list each, Node ${process.version})\n`);
