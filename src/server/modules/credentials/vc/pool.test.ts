import { afterAll, describe, expect, it } from 'vitest';
import { openBadgeCredential } from './open-badge';
import { singleProof } from './proof';
import { createSigningPool } from './pool';
import { buildIssuer, buildWorld, trainingCertificate } from './test-factories';
import { verifyCredential } from './verify';

describe('the signing pool', () => {
  // Two threads: enough to show work spread over workers, small enough for a shared machine.
  const pool = createSigningPool({ threads: 2 });
  afterAll(() => pool.close());

  it('signs on worker threads; every signature verifies as the main thread’s would', async () => {
    const world = buildWorld();
    const dsd = await buildIssuer(world);
    const inputs = Array.from({ length: 6 }, () => trainingCertificate(dsd));
    const signed = await Promise.all(inputs.map((input) => pool.sign(openBadgeCredential(input), dsd.activeKey)));
    expect(pool.threads).toBe(2);
    for (const [i, document] of signed.entries()) {
      expect(document.id).toBe(inputs[i]!.id);
      expect(singleProof(document)?.verificationMethod).toBe(dsd.activeKey.id);
      const report = await verifyCredential(document, { loader: world.loader, now: new Date('2026-01-01T00:00:00Z') });
      expect(report.problems).toEqual([]);
      expect(report.verified).toBe(true);
    }
    // A changed byte after signing is caught: the proof covers what the worker signed.
    const altered = { ...signed[0]!, name: 'ปลอม' };
    expect((await verifyCredential(altered, { loader: world.loader, now: new Date('2026-01-01T00:00:00Z') })).signature).toBe('invalid');
  });

  it('keeps the date it is given, so a signature can be reproduced', async () => {
    const dsd = await buildIssuer(buildWorld());
    const created = new Date('2025-06-01T03:00:00Z');
    const document = await pool.sign(openBadgeCredential(trainingCertificate(dsd)), dsd.activeKey, { created });
    expect(singleProof(document)?.created).toBe('2025-06-01T03:00:00Z');
  });

  it('hands a signer’s error back to the caller, and carries on signing after it', async () => {
    const world = buildWorld();
    const dsd = await buildIssuer(world);
    const other = await buildIssuer(world, 'DOAE', { nameTh: 'กรมส่งเสริมการเกษตร', nameEn: 'Department of Agricultural Extension' });
    // Signed by another agency's key: refused where the mistake is, not issued unverifiable.
    await expect(pool.sign(openBadgeCredential(trainingCertificate(dsd)), other.activeKey)).rejects.toThrow(/is not the controller/);
    // A term no context defines: JSON-LD safe mode refuses it in the worker.
    const undefinedTerm = { ...openBadgeCredential(trainingCertificate(dsd)), madeUpTerm: 'x' };
    await expect(pool.sign(undefinedTerm, dsd.activeKey)).rejects.toThrow();
    const after = await pool.sign(openBadgeCredential(trainingCertificate(dsd)), dsd.activeKey);
    const report = await verifyCredential(after, { loader: world.loader, now: new Date('2026-01-01T00:00:00Z') });
    expect(report.problems).toEqual([]);
    expect(report.verified).toBe(true);
  });

  it('shuts down: signatures still waiting fail, and a later request starts it again', async () => {
    const own = createSigningPool({ threads: 1 });
    const dsd = await buildIssuer(buildWorld());
    const waiting = Array.from({ length: 4 }, () => own.sign(openBadgeCredential(trainingCertificate(dsd)), dsd.activeKey));
    const settled = Promise.allSettled(waiting);
    await own.close();
    const outcomes = await settled;
    expect(outcomes.some((o) => o.status === 'rejected' && /closed/.test(String(o.reason)))).toBe(true);
    const again = await own.sign(openBadgeCredential(trainingCertificate(dsd)), dsd.activeKey);
    expect(again.proof).toBeDefined();
    await own.close();
  });
});
