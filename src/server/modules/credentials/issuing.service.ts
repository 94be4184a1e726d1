import type { Insertable, Kysely, Transaction } from 'kysely';
import type { NotifySink } from '../../platform/notify';
import type { Executor } from '../../db/executor';
import type { CredentialTable, DB } from '../../db/schema';
import { recordAudit } from '../../platform/audit/audit.service';
import type { RequestContext } from '../../platform/context';
import type { OrgService } from '../org/org.service';
import type { RegistryService } from '../registry/registry.service';
import { newCredentialCode } from './credentials.codes';
import * as repository from './credentials.repository';
import type { Signing, StatusPlace } from './credentials.signing';
import { openBadgeCredential, type IssuerProfile } from './vc';

export interface TrainingDetails {
  courseCode: string;
  sessionCode: string;
  hours: number;
  startedOn: string;
  endedOn: string;
}

export interface QualificationDetails {
  standardCode: string;
  level: number;
  eventCode: string;
  assessedOn: string;
  units: { code: string; nameTh: string; nameEn: string }[];
}

/** What the signed credential says the achievement is, besides its name. */
export interface AchievementInput {
  id: string;
  descriptionTh: string;
  descriptionEn: string;
  criteriaTh: string;
  criteriaEn: string;
}

export type IssueInput = {
  personId: number;
  holderNameTh: string;
  holderNameEn: string | null;
  titleTh: string;
  titleEn: string;
  issuerUnitCode: string;
  provinceCode: string;
  issuedOn: string;
  expiresOn?: string | null;
  /** The agency whose key signs; the issuing unit's agency unless given. */
  agencyCode?: string;
  achievement: AchievementInput;
  sourceType: string;
  sourceId: string;
} & ({ kind: 'training-completion'; details: TrainingDetails } | { kind: 'qualification'; details: QualificationDetails });

/** A credential ready to write: its row, with its code, status place and signed document. */
export interface PreparedCredential {
  input: IssueInput;
  row: Insertable<CredentialTable>;
}

export const isTraining = (kind: string, _details: unknown): _details is TrainingDetails => kind === 'training-completion';

/**
 * Issuing in two steps, so that signing (pure CPU, on the signing pool's threads) stays outside
 * the transaction that writes: `prepare` gives each credential its code and status place and signs
 * it, reading only reference data and keys; `write` inserts the rows with their timeline and
 * audit events in a short transaction. `write` skips a source that already has its credential
 * (`on conflict do nothing`), so a batch prepared twice, or retried after a crash, never issues
 * twice; its status place is then left unused.
 */
export function createIssuing(deps: {
  db: Kysely<DB>;
  org: OrgService;
  registry: RegistryService;
  signing: Signing;
  verifyUrl: (code: string) => string;
  /** Tells other modules, inside the writing transaction, whose qualifications changed. */
  qualificationsChanged: (trx: Transaction<DB>, personIds: readonly number[]) => Promise<void>;
  /** Tells each holder, inside the writing transaction, that their credential was issued. */
  notify: NotifySink;
}) {
  const { db, org, registry, signing, verifyUrl } = deps;

  /** The unsigned Open Badge: the same statement the row holds. */
  function openBadgeOf(input: IssueInput, code: string, issuer: IssuerProfile, status: StatusPlace) {
    const { achievement, details } = input;
    return openBadgeCredential({
      id: verifyUrl(code),
      issuer,
      holder: { nameTh: input.holderNameTh, nameEn: input.holderNameEn },
      achievement: {
        id: achievement.id,
        kind: input.kind,
        nameTh: input.titleTh,
        nameEn: input.titleEn,
        descriptionTh: achievement.descriptionTh,
        descriptionEn: achievement.descriptionEn,
        criteriaTh: achievement.criteriaTh,
        criteriaEn: achievement.criteriaEn,
        ...(isTraining(input.kind, details) ? { hours: details.hours } : { competencyUnits: details.units, level: details.level }),
      },
      // Dates are Bangkok dates: a credential is valid from the start of its day there.
      validFrom: `${input.issuedOn}T00:00:00+07:00`,
      validUntil: input.expiresOn ? `${input.expiresOn}T23:59:59+07:00` : null,
      status: { listCredentialUrl: status.listUrl, index: status.index },
    });
  }

  /** Inputs whose source has no credential yet. */
  async function pendingOf(executor: Executor, inputs: readonly IssueInput[]) {
    const issued = new Set<string>();
    for (const type of new Set(inputs.map((i) => i.sourceType))) {
      const ids = inputs.filter((i) => i.sourceType === type).map((i) => i.sourceId);
      for (const c of await repository.bySources(executor, type, ids)) issued.add(`${type}:${c.source_id}`);
    }
    return inputs.filter((i) => !issued.has(`${i.sourceType}:${i.sourceId}`));
  }

  async function prepare(executor: Executor, ctx: RequestContext, inputs: readonly IssueInput[]): Promise<PreparedCredential[]> {
    const pending = await pendingOf(executor, inputs);
    const units = await org.unitNames(
      pending.filter((i) => !i.agencyCode).map((i) => i.issuerUnitCode),
      executor,
    );
    const agencyOf = (i: IssueInput) => i.agencyCode ?? units.get(i.issuerUnitCode)!.agencyCode;
    const prepared: Promise<PreparedCredential>[] = [];
    for (const agencyCode of new Set(pending.map(agencyOf))) {
      const mine = pending.filter((i) => agencyOf(i) === agencyCode);
      const issuer = await signing.issuerOf(executor, agencyCode);
      const key = await signing.activeKey(executor, agencyCode);
      const places = await signing.allocateStatuses(executor, agencyCode, mine.length);
      mine.forEach((input, at) => {
        const code = newCredentialCode();
        const status = places[at]!;
        // Every signature of the batch is handed to the pool at once: one per thread at a time.
        prepared.push(
          signing.signWith(key, openBadgeOf(input, code, issuer, status)).then((document) => ({
            input,
            row: {
              code,
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
              agency_code: agencyCode,
              status_list_id: status.listId,
              status_index: status.index,
              signing_key_id: key.id,
              document: JSON.stringify(document),
            },
          })),
        );
      });
    }
    return Promise.all(prepared);
  }

  /** Writes prepared credentials with their timeline and audit events; returns those written. */
  async function write(trx: Transaction<DB>, ctx: RequestContext, prepared: readonly PreparedCredential[]) {
    const written = await repository.insertCredentials(
      trx,
      prepared.map((p) => p.row),
    );
    const bySource = new Map(prepared.map((p) => [`${p.input.sourceType}:${p.input.sourceId}`, p]));
    for (const w of written) {
      const { input, row } = bySource.get(`${w.source_type}:${w.source_id}`)!;
      const qualification = input.kind === 'qualification';
      await registry.addTimelineEvent(trx, {
        personId: input.personId,
        module: 'credentials',
        kind: qualification ? 'qualification-issued' : 'certificate-issued',
        summaryTh: qualification ? `ได้รับคุณวุฒิ ${input.titleTh}` : `ได้รับเกียรติบัตร ${input.titleTh}`,
        summaryEn: qualification ? `Qualification awarded: ${input.titleEn}` : `Certificate issued: ${input.titleEn}`,
        data: { code: w.code },
        actorUserId: ctx.actor?.userId ?? null,
      });
      await recordAudit(trx, ctx, {
        action: 'credential.issue',
        entityType: 'credential',
        entityId: w.code,
        provinceCode: input.provinceCode,
        after: {
          kind: input.kind,
          personId: input.personId,
          source: `${input.sourceType}:${input.sourceId}`,
          keyId: row.signing_key_id,
          status: `${row.status_list_id}:${row.status_index}`,
        },
      });
    }
    await deps.notify(
      trx,
      written.map((w) => {
        const { input } = bySource.get(`${w.source_type}:${w.source_id}`)!;
        return {
          personId: input.personId,
          kind: 'certificate-issued',
          eventKey: `credential.issued:${w.code}`,
          provinceCode: input.provinceCode,
          params: { titleTh: input.titleTh, titleEn: input.titleEn, code: w.code, url: verifyUrl(w.code) },
        };
      }),
    );
    const qualified = [
      ...new Set(
        written.flatMap((w) => {
          const { input } = bySource.get(`${w.source_type}:${w.source_id}`)!;
          return input.kind === 'qualification' ? [input.personId] : [];
        }),
      ),
    ];
    if (qualified.length) await deps.qualificationsChanged(trx, qualified);
    return written;
  }

  return {
    prepare,
    write,

    /**
     * One credential inside the caller's transaction (a decision that awards it commits with it);
     * one per source, so a retry returns the first. It is signed on the pool while the
     * transaction waits.
     */
    async issue(trx: Transaction<DB>, ctx: RequestContext, input: IssueInput) {
      const existing = await repository.findBySource(trx, input.sourceType, input.sourceId);
      if (existing) return { id: existing.id, code: existing.code, created: false };
      const [written] = await write(trx, ctx, await prepare(trx, ctx, [input]));
      if (written) return { id: written.id, code: written.code, created: true };
      const raced = (await repository.findBySource(trx, input.sourceType, input.sourceId))!;
      return { id: raced.id, code: raced.code, created: false };
    },

    /**
     * Credentials signed before the transaction that writes them; returns each source's code
     * (the one written now, or the one it already had).
     */
    async issueAll(ctx: RequestContext, inputs: readonly IssueInput[]) {
      const prepared = await prepare(db, ctx, inputs);
      await db.transaction().execute((trx) => write(trx, ctx, prepared));
      const codes = new Map<string, string>();
      for (const type of new Set(inputs.map((i) => i.sourceType))) {
        const ids = inputs.filter((i) => i.sourceType === type).map((i) => i.sourceId);
        for (const c of await repository.bySources(db, type, ids)) codes.set(`${type}:${c.source_id}`, c.code);
      }
      return inputs.map((i) => codes.get(`${i.sourceType}:${i.sourceId}`)!);
    },
  };
}

export type Issuing = ReturnType<typeof createIssuing>;
