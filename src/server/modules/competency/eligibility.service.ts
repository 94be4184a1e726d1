import { recordAudit } from '../../platform/audit/audit.service';
import { provincesOf, scopeIncludes } from '../../platform/auth/actor';
import { problems } from '../../platform/problem';
import type { ActorContext } from '../../platform/context';
import type { CompetencyAccess } from './competency.access';
import { competencyPolicy } from './competency.policy';
import * as repository from './competency.repository';

type Ctx = ActorContext;

/** Standards and who is eligible for them: a linked course completed, or experience on record. */
export function createEligibilityService(access: CompetencyAccess) {
  const { db, registry, identity, training, requireStandard, outOfArea, presentStandard, presentUnit, presentEligible, eligibleRows } = access;

  const service = {
    async listStandards() {
      const standards = await repository.listStandards(db);
      return Promise.all(standards.map(async (s) => ({ ...presentStandard(s), unitCount: (await repository.unitsOf(db, s.code)).length })));
    },
    async getStandard(code: string) {
      const s = await requireStandard(code);
      const units = await repository.unitsOf(db, code);
      const curricula = await training.curriculaForUnits(units.map((u) => u.code));
      return {
        ...presentStandard(s),
        units: units.map(presentUnit),
        curricula: curricula.map((c) => ({
          code: c.code,
          nameTh: c.nameTh,
          nameEn: c.nameEn,
          unitCodes: c.competencyUnits.filter((u) => units.some((x) => x.code === u)),
        })),
      };
    },
    async eligible(ctx: Ctx, standardCode: string, query: { province?: string; limit: number; offset: number }) {
      await requireStandard(standardCode);
      const scope = competencyPolicy.readScope(ctx.actor);
      if (scope.kind === 'none')
        throw problems.forbidden({ en: 'Your role does not include reading eligible candidates.', th: 'บทบาทของคุณไม่มีสิทธิ์ดูรายชื่อผู้มีสิทธิ์เข้ารับการประเมิน' });
      if (query.province && !scopeIncludes(scope, query.province))
        throw await outOfArea({ en: 'read eligible candidates', th: 'ดูรายชื่อผู้มีสิทธิ์เข้ารับการประเมิน' }, query.province, scope);
      const rows = await eligibleRows(standardCode, { provinceCode: query.province, provinces: provincesOf(scope) });
      return { items: rows.slice(query.offset, query.offset + query.limit).map(presentEligible), total: rows.length };
    },
    /** Eligible people by province and standing, in the reader's area: what the standard's chart draws. */
    async eligibleSummary(ctx: Ctx, standardCode: string) {
      await requireStandard(standardCode);
      const scope = competencyPolicy.readScope(ctx.actor);
      if (scope.kind === 'none')
        throw problems.forbidden({ en: 'Your role does not include reading eligible candidates.', th: 'บทบาทของคุณไม่มีสิทธิ์ดูรายชื่อผู้มีสิทธิ์เข้ารับการประเมิน' });
      const rows = await eligibleRows(standardCode, { provinces: provincesOf(scope) });
      const provinces = new Map<
        string,
        {
          provinceCode: string;
          provinceNameTh: string;
          provinceNameEn: string;
          notAssessed: number;
          referred: number;
          notYetCompetent: number;
          revoked: number;
          qualified: number;
        }
      >();
      for (const r of rows) {
        const p = provinces.get(r.province_code) ?? {
          provinceCode: r.province_code,
          provinceNameTh: r.province_name_th,
          provinceNameEn: r.province_name_en,
          notAssessed: 0,
          referred: 0,
          notYetCompetent: 0,
          revoked: 0,
          qualified: 0,
        };
        const key = (
          { 'not-assessed': 'notAssessed', referred: 'referred', 'not-yet-competent': 'notYetCompetent', revoked: 'revoked', qualified: 'qualified' } as const
        )[r.standing];
        p[key] += 1;
        provinces.set(r.province_code, p);
      }
      return [...provinces.values()];
    },
    /** Experience seen by an officer, with its evidence, makes a person eligible without a course. */
    async recordExperience(ctx: Ctx, input: { personId: number; standardCode: string; summary: string; evidence: string }) {
      await requireStandard(input.standardCode);
      const person = (await registry.facts([input.personId])).get(input.personId);
      if (!person || person.status !== 'active')
        throw problems.notFound({ en: `No active person has id ${input.personId}.`, th: `ไม่พบบุคคลรหัส ${input.personId}` });
      if (!competencyPolicy.organises(ctx.actor, person.provinceCode))
        throw await outOfArea(
          { en: 'record experience for this person', th: 'บันทึกประสบการณ์ของบุคคลนี้' },
          person.provinceCode,
          competencyPolicy.officerScope(ctx.actor),
        );
      if (await repository.currentExperience(db, input.personId, input.standardCode)) {
        throw problems.conflict({ en: 'Experience for this standard is already recorded for this person.', th: 'บุคคลนี้มีการบันทึกประสบการณ์สำหรับมาตรฐานนี้แล้ว' });
      }
      const id = await db.transaction().execute(async (trx) => {
        const row = await repository.insertExperience(trx, {
          person_id: input.personId,
          standard_code: input.standardCode,
          province_code: person.provinceCode,
          summary: input.summary,
          evidence: input.evidence,
          recorded_by: ctx.actor.userId,
        });
        await registry.addTimelineEvent(trx, {
          personId: input.personId,
          module: 'competency',
          kind: 'experience-recorded',
          summaryTh: `บันทึกประสบการณ์เพื่อขอรับการประเมิน ${input.standardCode}: ${input.summary}`,
          summaryEn: `Experience recorded for assessment against ${input.standardCode}: ${input.summary}`,
          data: { standardCode: input.standardCode },
          actorUserId: ctx.actor.userId,
        });
        await recordAudit(trx, ctx, {
          action: 'prior_experience.record',
          entityType: 'person',
          entityId: String(input.personId),
          provinceCode: person.provinceCode,
          after: { standardCode: input.standardCode },
        });
        return row.id;
      });
      return { id, standardCode: input.standardCode, summary: input.summary, evidence: input.evidence };
    },
    async experiencesOf(ctx: Ctx, personId: number) {
      const person = (await registry.facts([personId])).get(personId);
      if (!person || !(competencyPolicy.reads(ctx.actor, person.provinceCode) || ctx.actor.personId === personId))
        throw problems.notFound({ en: `No person has id ${personId}.`, th: `ไม่พบบุคคลรหัส ${personId}` });
      const rows = await repository.experiencesOf(db, personId);
      const names = await identity.displayNames(rows.map((x) => x.recorded_by));
      return rows.map((x) => ({
        id: x.id,
        standardCode: x.standard_code,
        standardNameTh: x.standard_name_th,
        standardNameEn: x.standard_name_en,
        summary: x.summary,
        evidence: x.evidence,
        recordedAt: new Date(x.recorded_at).toISOString(),
        recordedBy: names.get(x.recorded_by) ?? '',
        withdrawn: x.withdrawn_at !== null,
      }));
    },
  };
  return service;
}
