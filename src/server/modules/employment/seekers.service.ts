import { recordAudit } from '../../platform/audit/audit.service';
import type { ActorContext } from '../../platform/context';
import { problems } from '../../platform/problem';
import type { EmploymentAccess } from './employment.access';
import { employmentPolicy } from './employment.policy';
import * as repository from './employment.repository';
import type { MatchingService } from './matching.service';

type Ctx = ActorContext;

export { MATCH_POOL } from './matching.service';

export interface SeekerInput {
  desiredOccupations: string[];
  provinceCode?: string;
  districtCode?: string | null;
  travelKm: number;
  availability: 'full-time' | 'part-time' | 'home-based' | 'any';
  acceptsHomeBased: boolean;
  minWageSatang?: number | null;
  accommodations?: string | null;
}

/** Job seekers' profiles, career guidance, and matching both ways with reasons. */
export function createSeekersService(access: EmploymentAccess, matching: MatchingService) {
  const { db, registry, outOfArea, identity } = access;

  /** A registered, active person the actor may act for: an officer of their province, or themself. */
  async function personFor(ctx: Ctx, personId: number, as: 'act' | 'read' = 'act') {
    const p = (await registry.facts([personId])).get(personId);
    const self = ctx.actor.personId === personId;
    if (!p || (!self && !employmentPolicy.reads(ctx.actor, p.provinceCode)))
      throw problems.notFound({ en: `No person has id ${personId}.`, th: `ไม่พบบุคคลรหัส ${personId}` });
    if (as === 'act' && !self && !employmentPolicy.acts(ctx.actor, p.provinceCode))
      throw await outOfArea({ en: 'act for this person', th: 'ดำเนินการแทนบุคคลนี้' }, p.provinceCode, employmentPolicy.officerScope(ctx.actor));
    if (p.status !== 'active')
      throw problems.conflict({ en: `Person ${personId} is no longer active (${p.status}).`, th: `บุคคลรหัส ${personId} ไม่อยู่ในสถานะใช้งานแล้ว` });
    return p;
  }

  const presentSeeker = (s: repository.SeekerRow) => ({
    personId: s.person_id,
    provinceCode: s.province_code,
    districtCode: s.district_code,
    desiredOccupations: s.desired_occupations,
    travelKm: s.travel_km,
    availability: s.availability,
    acceptsHomeBased: s.accepts_home_based,
    minWageSatang: s.min_wage_satang,
    accommodations: s.accommodations,
    optedInAt: new Date(s.opted_in_at).toISOString(),
  });

  const service = {
    /** Opts a person in as a job seeker, or updates their profile (officer of their area, or the person). */
    async saveSeeker(ctx: Ctx, personId: number, input: SeekerInput) {
      const p = await personFor(ctx, personId);
      const provinceCode = input.provinceCode ?? p.provinceCode;
      const districtCode = input.districtCode === undefined ? (provinceCode === p.provinceCode ? p.districtCode : null) : input.districtCode;
      if (districtCode && districtCode.slice(0, 2) !== provinceCode)
        throw problems.validation([
          { field: 'body.districtCode', code: 'other-province', message: 'The district is not in the province given.', messageTh: 'อำเภอไม่อยู่ในจังหวัดที่ระบุ' },
        ]);
      const values = {
        province_code: provinceCode,
        district_code: districtCode,
        desired_occupations: input.desiredOccupations,
        travel_km: input.travelKm,
        availability: input.availability,
        accepts_home_based: input.acceptsHomeBased,
        min_wage_satang: input.minWageSatang ?? null,
        accommodations: input.accommodations ?? null,
      };
      const saved = await db.transaction().execute(async (trx) => {
        await registry.lockPeople(trx, [personId]);
        const current = await repository.currentSeeker(trx, personId);
        const row = current ? await repository.updateSeeker(trx, current.id, values) : await repository.insertSeeker(trx, { person_id: personId, ...values });
        await matching.refresh(trx, [personId]);
        if (!current)
          await registry.addTimelineEvent(trx, {
            personId,
            module: 'employment',
            kind: 'job-seeker',
            summaryTh: 'ลงทะเบียนผู้หางาน',
            summaryEn: 'Registered as a job seeker',
            actorUserId: ctx.actor.userId,
          });
        await recordAudit(trx, ctx, {
          action: current ? 'job_seeker.update' : 'job_seeker.opt_in',
          entityType: 'person',
          entityId: String(personId),
          provinceCode: p.provinceCode,
          subjectPersonId: personId,
          after: { ...values, accommodations: values.accommodations ? '…' : null },
        });
        return row;
      });
      return presentSeeker(saved);
    },

    async withdrawSeeker(ctx: Ctx, personId: number) {
      const p = await personFor(ctx, personId);
      await db.transaction().execute(async (trx) => {
        const current = await repository.currentSeeker(trx, personId);
        if (!current) throw problems.notFound({ en: 'This person is not a job seeker.', th: 'บุคคลนี้ไม่ได้ลงทะเบียนผู้หางาน' });
        await repository.updateSeeker(trx, current.id, { withdrawn_at: new Date() });
        await matching.refresh(trx, [personId]);
        await registry.addTimelineEvent(trx, {
          personId,
          module: 'employment',
          kind: 'job-seeker-withdrawn',
          summaryTh: 'ถอนการลงทะเบียนผู้หางาน',
          summaryEn: 'No longer looking for work',
          actorUserId: ctx.actor.userId,
        });
        await recordAudit(trx, ctx, {
          action: 'job_seeker.withdraw',
          entityType: 'person',
          entityId: String(personId),
          provinceCode: p.provinceCode,
          subjectPersonId: personId,
        });
      });
      return { withdrawn: true };
    },

    /** A guidance session: the note, a plan with dated next steps, on the person's timeline. */
    async addGuidance(
      ctx: Ctx,
      personId: number,
      input: { note: string; plan: { step: string; dueOn?: string | null }[]; nextOn?: string | null; sensitive: boolean },
    ) {
      const p = await personFor(ctx, personId);
      if (ctx.actor.personId === personId && !employmentPolicy.acts(ctx.actor, p.provinceCode))
        throw problems.forbidden({ en: 'Guidance notes are written by employment officers.', th: 'บันทึกการแนะแนวอาชีพบันทึกโดยเจ้าหน้าที่' });
      const unit = ctx.actor.grants.find((g) => g.role === 'officer')?.unitCode ?? null;
      const note = await db.transaction().execute(async (trx) => {
        const row = await repository.insertNote(trx, {
          person_id: personId,
          province_code: p.provinceCode,
          note: input.note,
          plan: JSON.stringify(input.plan),
          next_on: input.nextOn ?? null,
          sensitive: input.sensitive,
          recorded_by: ctx.actor.userId,
          unit_code: unit,
        });
        await registry.addTimelineEvent(trx, {
          personId,
          module: 'employment',
          kind: 'guidance',
          summaryTh: `แนะแนวอาชีพ${input.plan.length ? ` แผน ${input.plan.length} ขั้นตอน` : ''}${input.nextOn ? ` นัดครั้งต่อไป ${input.nextOn}` : ''}`,
          summaryEn: `Career guidance${input.plan.length ? `, a plan of ${input.plan.length} steps` : ''}${input.nextOn ? `, next on ${input.nextOn}` : ''}`,
          actorUserId: ctx.actor.userId,
        });
        await recordAudit(trx, ctx, {
          action: 'guidance.add',
          entityType: 'guidance_note',
          entityId: String(row.id),
          provinceCode: p.provinceCode,
          subjectPersonId: personId,
          after: { note: input.note, sensitive: input.sensitive },
          personal: ['note'],
        });
        return row;
      });
      return (await service.presentNotes(ctx, [note], p.provinceCode))[0]!;
    },

    async presentNotes(ctx: Ctx, rows: Awaited<ReturnType<typeof repository.notesOf>>, provinceCode: string) {
      const names = await identity.displayNames(rows.map((r) => r.recorded_by));
      const sees = employmentPolicy.readsSensitive(ctx.actor, provinceCode);
      return rows.map((n) => ({
        id: n.id,
        note: n.sensitive && !sees ? null : n.note,
        plan: n.sensitive && !sees ? [] : (JSON.parse(n.plan) as { step: string; dueOn?: string | null }[]),
        nextOn: n.next_on,
        sensitive: n.sensitive,
        recordedBy: (names as Map<string, string>).get(n.recorded_by) ?? '',
        createdAt: new Date(n.created_at).toISOString(),
      }));
    },

    personFor,
    presentSeeker,

    /** Ranked candidates for a vacancy, each with the reasons of their score; the officer may narrow by target group or district. */
    candidates: matching.candidates,

    /** Ranked open vacancies for a job seeker, with reasons. */
    async vacanciesFor(ctx: Ctx, personId: number, limit = 20) {
      await personFor(ctx, personId, 'read');
      return matching.vacanciesForSeeker(personId, limit);
    },
  };
  return service;
}
