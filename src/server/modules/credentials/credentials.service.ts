import { randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import type { Actor } from '../../platform/auth/actor';
import { recordAudit } from '../../platform/audit/audit.service';
import type { RequestContext } from '../../platform/context';
import { problems } from '../../platform/problem';
import { bangkokDate } from '../../../shared/fiscal-year';
import type { RegistryService } from '../registry/registry.service';
import { renderCertificatePdf } from './certificate.pdf';
import { credentialsPolicy } from './credentials.policy';
import * as repository from './credentials.repository';

type Ctx = RequestContext & { actor: Actor };

const placeOf = (c: { province_code: string; issuer_unit_code: string }) => ({ provinceCode: c.province_code, issuerUnitCode: c.issuer_unit_code });

/** Crockford's base32 without I, L, O, U: no letter is read as another when typed from paper. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** 20 random symbols, 100 bits: unguessable, and short enough to type from a printed certificate. */
export function newCredentialCode(): string {
  const bytes = randomBytes(20);
  let code = '';
  for (const b of bytes) code += ALPHABET[b & 31];
  return code.match(/.{4}/g)!.join('-');
}

/** Normalises a typed code: case, spaces and missing dashes do not matter. */
export function normalizeCode(input: string): string | null {
  const symbols = input.toUpperCase().replace(/[\s-]/g, '');
  if (!/^[0-9A-HJKMNP-TV-Z]{20}$/.test(symbols)) return null;
  return symbols.match(/.{4}/g)!.join('-');
}

/** "นางสาวสมหญิง ใจดี" → "นางสาวสมหญิง ใ•••": enough to recognise, not enough to look someone up. */
export function maskName(name: string): string {
  const words = name.trim().split(/\s+/);
  if (words.length < 2) return name;
  const last = words.pop()!;
  const first = new Intl.Segmenter('th', { granularity: 'grapheme' }).segment(last)[Symbol.iterator]().next().value?.segment ?? '';
  return `${words.join(' ')} ${first}•••`;
}

export interface IssueInput {
  kind: 'training-completion';
  personId: number;
  holderNameTh: string;
  holderNameEn: string | null;
  titleTh: string;
  titleEn: string;
  issuerUnitCode: string;
  provinceCode: string;
  issuedOn: string;
  expiresOn?: string | null;
  details: { courseCode: string; sessionCode: string; hours: number; startedOn: string; endedOn: string };
  sourceType: string;
  sourceId: string;
}

/**
 * Credentials: what the system vouches for, each with an unguessable code that a public page
 * checks. Training issues completion certificates through `issue` inside its own transaction; the
 * competency module will add qualifications and signatures on the same records.
 */
export function createCredentialsService(deps: { db: Kysely<DB>; registry: RegistryService; publicUrl: string }) {
  const { db, registry, publicUrl } = deps;
  // A merge moves certificates to the survivor; an erasure removes the printed name and revokes.
  registry.links.onMerge.push(async (trx, fromId, toId) => void (await repository.repointHolder(trx, fromId, toId)));
  registry.links.onErase.push(async (trx, personId) => void (await repository.eraseHolder(trx, personId)));

  const verifyUrl = (code: string) => `${publicUrl}/verify/${code}`;

  const statusOf = (c: { status: string; expires_on: string | null }) =>
    c.status === 'revoked' ? ('revoked' as const) : c.expires_on && c.expires_on < bangkokDate(new Date()) ? ('expired' as const) : ('valid' as const);

  const present = (c: repository.CredentialDetailRow) => {
    const details = c.details as IssueInput['details'];
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
      hours: details.hours,
      startedOn: details.startedOn,
      endedOn: details.endedOn,
      sessionCode: details.sessionCode,
      revokedAt: c.revoked_at ? new Date(c.revoked_at).toISOString() : null,
      revokedReason: c.revoked_reason,
      verifyUrl: verifyUrl(c.code),
    };
  };

  const notFound = () => problems.notFound({ en: 'No certificate has this code.', th: 'ไม่พบเกียรติบัตรที่มีรหัสนี้' });

  /** The holder themself, or staff who may read in the credential's area. */
  async function readable(ctx: Ctx, rawCode: string) {
    const code = normalizeCode(rawCode);
    const found = code ? await repository.findByCode(db, code) : undefined;
    if (!found) throw notFound();
    const own = ctx.actor.personId !== null && ctx.actor.personId === found.person_id;
    if (!own && !credentialsPolicy.reads(ctx.actor, placeOf(found))) throw notFound();
    return found;
  }

  return {
    verifyUrl,

    /** Issues inside the caller's transaction; one credential per source, so a retry returns the first. */
    async issue(trx: Transaction<DB>, ctx: RequestContext, input: IssueInput) {
      const existing = await repository.findBySource(trx, input.sourceType, input.sourceId);
      if (existing) return { id: existing.id, code: existing.code, created: false };
      const created = await repository.insertCredential(trx, {
        code: newCredentialCode(),
        kind: input.kind,
        person_id: input.personId,
        holder_name_th: input.holderNameTh,
        holder_name_en: input.holderNameEn,
        title_th: input.titleTh,
        title_en: input.titleEn,
        issuer_unit_code: input.issuerUnitCode,
        province_code: input.provinceCode,
        issued_on: input.issuedOn,
        valid_from: input.issuedOn,
        expires_on: input.expiresOn ?? null,
        details: JSON.stringify(input.details),
        source_type: input.sourceType,
        source_id: input.sourceId,
        issued_by: ctx.actor?.userId ?? null,
      });
      await registry.addTimelineEvent(trx, {
        personId: input.personId,
        module: 'credentials',
        kind: 'certificate-issued',
        summaryTh: `ได้รับเกียรติบัตร ${input.titleTh}`,
        summaryEn: `Certificate issued: ${input.titleEn}`,
        data: { code: created.code },
        actorUserId: ctx.actor?.userId ?? null,
      });
      await recordAudit(trx, ctx, { action: 'credential.issue', entityType: 'credential', entityId: created.code, provinceCode: input.provinceCode, after: { kind: input.kind, personId: input.personId, source: `${input.sourceType}:${input.sourceId}` } });
      return { id: created.id, code: created.code, created: true };
    },

    /** The public check: only what is needed to trust the certificate. Unknown codes reveal nothing. */
    async verify(rawCode: string) {
      const code = normalizeCode(rawCode);
      const c = code ? await repository.findByCode(db, code) : undefined;
      if (!c) throw notFound();
      const details = c.details as IssueInput['details'];
      return {
        code: c.code,
        status: statusOf(c),
        holderNameMasked: maskName(c.holder_name_th),
        titleTh: c.title_th,
        titleEn: c.title_en,
        hours: details.hours,
        issuedOn: c.issued_on,
        expiresOn: c.expires_on,
        issuerNameTh: c.issuer_name_th,
        issuerNameEn: c.issuer_name_en,
        revokedOn: c.revoked_at ? bangkokDate(new Date(c.revoked_at)) : null,
      };
    },

    async get(ctx: Ctx, code: string) {
      return present(await readable(ctx, code));
    },

    async pdf(ctx: Ctx, code: string) {
      const c = await readable(ctx, code);
      const details = c.details as IssueInput['details'];
      const bytes = await renderCertificatePdf({
        code: c.code,
        verifyUrl: verifyUrl(c.code),
        holderName: { th: c.holder_name_th, en: c.holder_name_en },
        course: { th: c.title_th, en: c.title_en },
        hours: details.hours,
        startedOn: details.startedOn,
        endedOn: details.endedOn,
        issuedOn: c.issued_on,
        issuer: { th: c.issuer_name_th, en: c.issuer_name_en },
        agency: { th: c.agency_name_th, en: c.agency_name_en },
      });
      return { fileName: `certificate-${c.code}.pdf`, bytes };
    },

    async mine(ctx: Ctx) {
      if (!ctx.actor.personId) return [];
      return (await repository.ofPerson(db, ctx.actor.personId)).map(present);
    },

    async ofPerson(ctx: Ctx, personId: number) {
      const own = ctx.actor.personId === personId;
      if (!own && !credentialsPolicy.readsAny(ctx.actor)) throw problems.forbidden({ en: 'Your role does not include reading certificates.', th: 'บทบาทของคุณไม่มีสิทธิ์ดูเกียรติบัตร' });
      return (await repository.ofPerson(db, personId)).filter((c) => own || credentialsPolicy.reads(ctx.actor, placeOf(c))).map(present);
    },

    async revoke(ctx: Ctx, rawCode: string, reason: string) {
      const code = normalizeCode(rawCode);
      const c = code ? await repository.findByCode(db, code) : undefined;
      if (!c) throw notFound();
      if (!credentialsPolicy.revokes(ctx.actor, placeOf(c))) {
        throw problems.outOfScope({ en: 'Only an officer of the issuing area may revoke this certificate.', th: 'เฉพาะเจ้าหน้าที่ในพื้นที่ที่ออกเกียรติบัตรเท่านั้นที่เพิกถอนได้' });
      }
      await db.transaction().execute(async (trx) => {
        const revoked = await repository.revoke(trx, c.id, ctx.actor.userId, reason);
        if (!revoked) throw problems.conflict({ en: 'This certificate is already revoked.', th: 'เกียรติบัตรนี้ถูกเพิกถอนแล้ว' });
        await registry.addTimelineEvent(trx, { personId: c.person_id, module: 'credentials', kind: 'certificate-revoked', summaryTh: `เพิกถอนเกียรติบัตร ${c.title_th}: ${reason}`, summaryEn: `Certificate revoked: ${c.title_en}: ${reason}`, data: { code: c.code }, actorUserId: ctx.actor.userId });
        await recordAudit(trx, ctx, { action: 'credential.revoke', entityType: 'credential', entityId: c.code, provinceCode: c.province_code, after: { reason } });
      });
      return present((await repository.findByCode(db, c.code))!);
    },
  };
}

export type CredentialsService = ReturnType<typeof createCredentialsService>;
