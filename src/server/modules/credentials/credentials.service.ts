import type { Kysely, Transaction } from 'kysely';
import { IGNORE_NOTIFY, type NotifySink } from '../../platform/notify';
import type { Executor } from '../../db/executor';
import type { DB } from '../../db/schema';
import { recordAudit } from '../../platform/audit/audit.service';
import type { ActorContext, RequestContext } from '../../platform/context';
import { problems } from '../../platform/problem';
import { bangkokDate } from '../../../shared/fiscal-year';
import type { GeoService } from '../geo/geo.service';
import type { OrgService } from '../org/org.service';
import type { RegistryService } from '../registry/registry.service';
import { renderCertificatePdf } from './certificate.pdf';
import { maskName, normalizeCode } from './credentials.codes';
import { credentialsPolicy } from './credentials.policy';
import * as repository from './credentials.repository';
import { createSigning } from './credentials.signing';
import { createIssuing, isTraining, type IssueInput, type PreparedCredential, type QualificationDetails, type TrainingDetails } from './issuing.service';
import type { VerificationReport } from './vc';
import type { SigningPool } from './vc/pool';

export type { AchievementInput, IssueInput, PreparedCredential, QualificationDetails, TrainingDetails } from './issuing.service';

type Ctx = ActorContext;

/** Told, inside the transaction that issued or revoked them, whose qualifications changed (employment's matching keeps a copy). */
export type QualificationsListener = (trx: Transaction<DB>, personIds: readonly number[]) => Promise<void>;

const placeOf = (c: { province_code: string; issuer_unit_code: string }) => ({ provinceCode: c.province_code, issuerUnitCode: c.issuer_unit_code });

type CredentialDetailRow = repository.CredentialRow & { issuer_name_th: string; issuer_name_en: string; agency_name_th: string; agency_name_en: string };

/**
 * Credentials: what the system vouches for, each with an unguessable code that a public page
 * checks. Training issues completion certificates through `issue` inside its own transaction; the
 * competency module will add qualifications and signatures on the same records.
 */
export function createCredentialsService(deps: {
  db: Kysely<DB>;
  geo: GeoService;
  org: OrgService;
  registry: RegistryService;
  publicUrl: string;
  kek: () => Buffer;
  /** Where signatures are made: worker threads (`vc/pool.ts`). */
  pool: SigningPool;
  /** Notifications: a certificate issued is told to its holder in the writing transaction. */
  notify?: NotifySink;
}) {
  const { db, geo, org, registry, publicUrl } = deps;
  const signing = createSigning({ db, org, pool: deps.pool, publicUrl, kek: deps.kek });
  // A merge and an erasure follow `credentialsContract`: the erasure removes the printed name and
  // the signed document that carries it; here it is also revoked in the status list, so the
  // holder's own copy says revoked.
  registry.links.followErasure('credential', async (trx, rows) => {
    for (const c of rows as { status_list_id: string | null; status_index: number | null }[]) {
      if (c.status_list_id !== null && c.status_index !== null) await signing.setRevoked(trx, c.status_list_id, c.status_index, true);
    }
  });

  const verifyUrl = (code: string) => `${publicUrl}/verify/${code}`;
  const qualificationListeners: QualificationsListener[] = [];
  const qualificationsChanged = async (trx: Transaction<DB>, personIds: readonly number[]) => {
    for (const listener of qualificationListeners) await listener(trx, personIds);
  };
  const issuing = createIssuing({ db, org, registry, signing, verifyUrl, qualificationsChanged, notify: deps.notify ?? IGNORE_NOTIFY });

  /** Rows with their issuing unit's and its agency's names (org's). */
  const withIssuer = async (rows: repository.CredentialRow[]): Promise<CredentialDetailRow[]> => {
    const units = await org.unitNames(rows.map((c) => c.issuer_unit_code));
    return rows.map((c) => {
      const u = units.get(c.issuer_unit_code);
      return {
        ...c,
        issuer_name_th: u?.nameTh ?? c.issuer_unit_code,
        issuer_name_en: u?.nameEn ?? c.issuer_unit_code,
        agency_name_th: u?.agencyNameTh ?? '',
        agency_name_en: u?.agencyNameEn ?? '',
      };
    });
  };
  const findByCode = async (code: string) => {
    const found = await repository.findByCode(db, code);
    return found ? (await withIssuer([found]))[0] : undefined;
  };

  const statusOf = (c: { status: string; expires_on: string | null }) =>
    c.status === 'revoked' ? ('revoked' as const) : c.expires_on && c.expires_on < bangkokDate(new Date()) ? ('expired' as const) : ('valid' as const);

  const present = (c: CredentialDetailRow) => {
    const details = c.details as TrainingDetails | QualificationDetails;
    const training = isTraining(c.kind, details) ? details : null;
    const qualification = training ? null : (details as QualificationDetails);
    return {
      code: c.code,
      kind: c.kind,
      status: statusOf(c),
      personId: c.person_id,
      holderNameTh: c.holder_name_th,
      holderNameEn: c.holder_name_en,
      titleTh: c.title_th,
      titleEn: c.title_en,
      issuerUnitCode: c.issuer_unit_code,
      issuerNameTh: c.issuer_name_th,
      issuerNameEn: c.issuer_name_en,
      issuedOn: c.issued_on,
      validFrom: c.valid_from,
      expiresOn: c.expires_on,
      hours: training?.hours ?? null,
      startedOn: training?.startedOn ?? null,
      endedOn: training?.endedOn ?? null,
      sessionCode: training?.sessionCode ?? null,
      standardCode: qualification?.standardCode ?? null,
      level: qualification?.level ?? null,
      assessedOn: qualification?.assessedOn ?? null,
      units: qualification?.units ?? [],
      revokedAt: c.revoked_at ? new Date(c.revoked_at).toISOString() : null,
      revokedReason: c.revoked_reason,
      verifyUrl: verifyUrl(c.code),
      signed: c.document !== null,
      signingKeyId: c.signing_key_id,
    };
  };

  const notFound = () => problems.notFound({ en: 'No certificate has this code.', th: 'ไม่พบเกียรติบัตรที่มีรหัสนี้' });

  /** The holder themself, or staff who may read in the credential's area. */
  async function readable(ctx: Ctx, rawCode: string) {
    const code = normalizeCode(rawCode);
    const found = code ? await findByCode(code) : undefined;
    if (!found) throw notFound();
    const own = ctx.actor.personId !== null && ctx.actor.personId === found.person_id;
    if (!own && !credentialsPolicy.reads(ctx.actor, placeOf(found))) throw notFound();
    return found;
  }

  /** The outcome of the public check, from the signed document where there is one. */
  function outcome(c: CredentialDetailRow, report: VerificationReport | null) {
    if (report && report.signature === 'invalid') return 'invalid' as const;
    return statusOf(c);
  }

  return {
    publicUrl,
    verifyUrl,
    signing,

    /** Issues one credential inside the caller's transaction (see `issuing.service.ts`). */
    issue: issuing.issue,
    /** Issues credentials signed before the short transaction that writes them. */
    issueAll: issuing.issueAll,
    /** The two steps of `issueAll`, for a job that signs one batch while it writes the one before. */
    prepareIssue: (ctx: RequestContext, inputs: readonly IssueInput[]) => issuing.prepare(db, ctx, inputs),
    writeIssued: (ctx: RequestContext, prepared: readonly PreparedCredential[]) => db.transaction().execute((trx) => issuing.write(trx, ctx, prepared)),

    /**
     * The public check by code: the signed document's signature, key and status list are checked
     * as any outside verifier would, and only what is needed to trust it is shown. Unknown codes
     * reveal nothing.
     */
    async verify(rawCode: string) {
      const code = normalizeCode(rawCode);
      const c = code ? await findByCode(code) : undefined;
      if (!c) throw notFound();
      const report = c.document ? await signing.verify(c.document) : null;
      return {
        code: c.code,
        kind: c.kind,
        status: outcome(c, report),
        holderNameMasked: maskName(c.holder_name_th),
        titleTh: c.title_th,
        titleEn: c.title_en,
        hours: isTraining(c.kind, c.details) ? c.details.hours : null,
        level: isTraining(c.kind, c.details) ? null : (c.details as QualificationDetails).level,
        issuedOn: c.issued_on,
        expiresOn: c.expires_on,
        issuerNameTh: c.issuer_name_th,
        issuerNameEn: c.issuer_name_en,
        revokedOn: c.revoked_at ? bangkokDate(new Date(c.revoked_at)) : null,
        checks: report
          ? {
              signature: report.signature,
              status: report.status,
              validity: report.validity,
              issuerId: report.issuer?.id ?? null,
              issuerName: report.issuer?.name ?? null,
              keyId: report.keyId,
            }
          : null,
      };
    },

    /**
     * Checks a credential file someone holds: signature, issuer's key, status and dates, without
     * trusting anything the file says about itself. A credential of ours also gets its masked name.
     */
    async verifyDocument(credential: unknown) {
      const report = await signing.verify(credential);
      const doc = (credential ?? {}) as {
        id?: unknown;
        name?: unknown;
        validFrom?: unknown;
        validUntil?: unknown;
        credentialSubject?: { achievement?: { name?: unknown } };
      };
      // Ours when its id is a verification page of a code we hold with exactly this id (the address
      // may be an earlier PUBLIC_URL's).
      const tail = typeof doc.id === 'string' ? /\/verify\/([0-9A-Za-z-]{20,40})$/.exec(doc.id) : null;
      const ours = tail ? normalizeCode(tail[1]!) : null;
      const found = ours && report.signature === 'valid' ? await findByCode(ours) : undefined;
      const row = found && (found.document as { id?: unknown } | null)?.id === doc.id ? found : undefined;
      return {
        verified: report.verified,
        signature: report.signature,
        status: report.status,
        validity: report.validity,
        // What the file says of its issuer is shown only when the issuer's key signed it.
        issuerId: report.signature === 'valid' ? (report.issuer?.id ?? null) : null,
        issuerName: report.signature === 'valid' ? (report.issuer?.name ?? null) : null,
        keyId: report.keyId,
        problems: report.problems,
        code: row?.code ?? null,
        holderNameMasked: row ? maskName(row.holder_name_th) : null,
        achievementName:
          report.signature === 'valid' && typeof doc.credentialSubject?.achievement?.name === 'string' ? doc.credentialSubject.achievement.name : null,
        validFrom: report.signature === 'valid' && typeof doc.validFrom === 'string' ? doc.validFrom : null,
        validUntil: report.signature === 'valid' && typeof doc.validUntil === 'string' ? doc.validUntil : null,
      };
    },

    /** For other modules: the credential issued for each source (an enrolment, a candidacy), by source id. */
    async issuedFor(sourceType: 'enrolment' | 'assessment_candidate', sourceIds: readonly (number | string)[], executor: Executor = db) {
      const rows = await repository.bySources(executor, sourceType, sourceIds.map(String));
      return new Map(rows.map((c) => [Number(c.source_id), { code: c.code, status: c.status }]));
    },

    /** For other modules: each person's newest valid qualification for a standard (its code). */
    async qualificationsFor(personIds: readonly number[], standardCode: string) {
      return new Map((await repository.qualificationsOfStandard(db, personIds, standardCode, 'valid')).map((q) => [q.person_id, q.code]));
    },
    /** For other modules: the standards of each person's valid qualifications (inside the caller's transaction: pass it). */
    async standardsHeld(personIds: readonly number[], executor: Executor = db) {
      const held = new Map<number, string[]>();
      for (const r of await repository.standardsHeld(executor, personIds)) held.set(r.person_id, [...(held.get(r.person_id) ?? []), r.standard_code]);
      return held;
    },
    /** Registers a module's reaction to qualifications issued or revoked, told inside that transaction (called once, when the services are wired). */
    onQualificationsChanged(listener: QualificationsListener) {
      qualificationListeners.push(listener);
    },
    /** For other modules: each person's newest revoked qualification for a standard, and when it was revoked. */
    async revokedQualificationsFor(personIds: readonly number[], standardCode: string) {
      const rows = await repository.qualificationsOfStandard(db, personIds, standardCode, 'revoked');
      return new Map(rows.map((q) => [q.person_id, { code: q.code, revokedAt: new Date(q.revoked_at!).toISOString() }]));
    },

    async get(ctx: Ctx, code: string) {
      return present(await readable(ctx, code));
    },

    /** The signed Open Badge, exactly as issued, for the holder to keep or show. */
    async document(ctx: Ctx, code: string) {
      const c = await readable(ctx, code);
      if (!c.document)
        throw problems.notFound({
          en: 'This certificate was issued before credentials were signed; it is checked by its code.',
          th: 'เกียรติบัตรนี้ออกก่อนระบบลงลายมือชื่อดิจิทัล ตรวจสอบได้ด้วยรหัส',
        });
      return { fileName: `credential-${c.code}.json`, document: c.document as Record<string, unknown> };
    },

    async pdf(ctx: Ctx, code: string) {
      const c = await readable(ctx, code);
      const details = c.details as TrainingDetails | QualificationDetails;
      const training = isTraining(c.kind, details) ? details : null;
      const bytes = await renderCertificatePdf({
        code: c.code,
        verifyUrl: verifyUrl(c.code),
        holderName: { th: c.holder_name_th, en: c.holder_name_en },
        course: { th: c.title_th, en: c.title_en },
        hours: training?.hours ?? null,
        startedOn: training?.startedOn ?? (details as QualificationDetails).assessedOn,
        endedOn: training?.endedOn ?? (details as QualificationDetails).assessedOn,
        issuedOn: c.issued_on,
        issuer: { th: c.issuer_name_th, en: c.issuer_name_en },
        agency: { th: c.agency_name_th, en: c.agency_name_en },
        kind: c.kind,
        expiresOn: c.expires_on,
      });
      return { fileName: `certificate-${c.code}.pdf`, bytes };
    },

    async mine(ctx: Ctx) {
      if (!ctx.actor.personId) return [];
      return (await withIssuer(await repository.ofPerson(db, ctx.actor.personId))).map(present);
    },

    async ofPerson(ctx: Ctx, personId: number) {
      const own = ctx.actor.personId === personId;
      if (!own && !credentialsPolicy.readsAny(ctx.actor))
        throw problems.forbidden({ en: 'Your role does not include reading certificates.', th: 'บทบาทของคุณไม่มีสิทธิ์ดูเกียรติบัตร' });
      return (await withIssuer(await repository.ofPerson(db, personId))).filter((c) => own || credentialsPolicy.reads(ctx.actor, placeOf(c))).map(present);
    },

    /** Revokes in the database and in the agency's status list, so the holder's own copy says revoked. */
    async revoke(ctx: Ctx, rawCode: string, reason: string) {
      const code = normalizeCode(rawCode);
      const c = code ? await findByCode(code) : undefined;
      if (!c) throw notFound();
      if (!credentialsPolicy.revokes(ctx.actor, placeOf(c))) {
        // Only an officer of the issuing area (or the issuing course provider) revokes; the refusal names both areas.
        throw await geo.outOfScope({ en: 'revoke this certificate', th: 'เพิกถอนเกียรติบัตรนี้' }, [c.province_code], credentialsPolicy.issuerScope(ctx.actor));
      }
      await db.transaction().execute(async (trx) => {
        const revoked = await repository.revoke(trx, c.id, ctx.actor.userId, reason);
        if (!revoked) throw problems.conflict({ en: 'This certificate is already revoked.', th: 'เกียรติบัตรนี้ถูกเพิกถอนแล้ว' });
        if (c.status_list_id !== null && c.status_index !== null) await signing.setRevoked(trx, c.status_list_id, c.status_index, true);
        if (c.kind === 'qualification') await qualificationsChanged(trx, [c.person_id]);
        await registry.addTimelineEvent(trx, {
          personId: c.person_id,
          module: 'credentials',
          kind: 'certificate-revoked',
          summaryTh: `เพิกถอน${c.kind === 'qualification' ? 'คุณวุฒิ' : 'เกียรติบัตร'} ${c.title_th}: ${reason}`,
          summaryEn: `${c.kind === 'qualification' ? 'Qualification' : 'Certificate'} revoked: ${c.title_en}: ${reason}`,
          data: { code: c.code },
          actorUserId: ctx.actor.userId,
        });
        await recordAudit(trx, ctx, {
          action: 'credential.revoke',
          entityType: 'credential',
          entityId: c.code,
          provinceCode: c.province_code,
          after: { reason, status: c.status_list_id ? `${c.status_list_id}:${c.status_index}` : null },
        });
      });
      return present((await findByCode(c.code))!);
    },

    /** An issuer's controller document (its keys, current and retired), or null when it has none. */
    async issuerDocument(agencyCode: string) {
      return signing.issuerDocument(agencyCode);
    },

    async statusList(listId: string) {
      return signing.statusListDocument(listId);
    },

    async issuerKeys(ctx: Ctx, agencyCode: string) {
      if (!credentialsPolicy.managesKeys(ctx.actor))
        throw problems.forbidden({ en: 'Only a system administrator manages signing keys.', th: 'เฉพาะผู้ดูแลระบบเท่านั้นที่จัดการกุญแจลงนามได้' });
      return (await signing.keysOf(agencyCode)).map((k) => ({
        id: k.id,
        status: k.status,
        createdAt: new Date(k.created_at).toISOString(),
        retiredAt: k.retired_at ? new Date(k.retired_at).toISOString() : null,
        publicKeyMultibase: k.public_key_multibase,
      }));
    },

    /** Retires the agency's key and makes a new one; what the old key signed still verifies. */
    async rotateKey(ctx: Ctx, agencyCode: string) {
      if (!credentialsPolicy.managesKeys(ctx.actor))
        throw problems.forbidden({ en: 'Only a system administrator rotates signing keys.', th: 'เฉพาะผู้ดูแลระบบเท่านั้นที่เปลี่ยนกุญแจลงนามได้' });
      if (!(await org.agencyExists(agencyCode))) throw problems.notFound({ en: `No agency has the code ${agencyCode}.`, th: `ไม่พบหน่วยงานรหัส ${agencyCode}` });
      const rotated = await db.transaction().execute(async (trx) => {
        const r = await signing.rotate(trx, agencyCode);
        await recordAudit(trx, ctx, { action: 'issuer_key.rotate', entityType: 'agency', entityId: agencyCode, provinceCode: null, after: r });
        return r;
      });
      return { ...rotated, keys: await this.issuerKeys(ctx, agencyCode) };
    },
  };
}

export type CredentialsService = ReturnType<typeof createCredentialsService>;
