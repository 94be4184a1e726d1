import { factDifference } from '../../platform/facts';
import { recordAudit } from '../../platform/audit/audit.service';
import { provincesOf } from '../../platform/auth/actor';
import type { ActorContext, RequestContext } from '../../platform/context';
import { problems } from '../../platform/problem';
import { writeXlsx } from '../../platform/files/xlsx';
import { fiscalYearOf } from '../../../shared/fiscal-year';
import type { EmploymentAccess } from './employment.access';
import { employmentPolicy } from './employment.policy';
import * as repository from './employment.repository';
import { ageOn, employerView, fiscalYearOfPlacement, followUpsFor, incomeChange, mayAnswer, PLACEMENT_TARGET, type ShareableField } from './employment.rules';
import type { FollowUpsService } from './followups.service';
import type { createSeekersService } from './seekers.service';

type Ctx = ActorContext;

/** Referrals with consent, the employer's answers, placements within the openings, follow-ups at 3, 6 and 12 months, and the figures. */
/** The indicator employment publishes: placements (every placement row, by its start date and province). */
export const PLACED_INDICATOR = 'employment.placed';

export function createPlacementsService(access: EmploymentAccess, seekers: ReturnType<typeof createSeekersService>, followUps: FollowUpsService) {
  const { db, geo, org, registry, credentials, training, tellFacts, today, vacancyFor, requireVacancy, outOfArea } = access;

  /** Referrals as the reader may see them: an employer only the consented fields and never an id or identity number. */
  async function presentReferrals(rows: repository.ReferralRow[], forEmployer: boolean) {
    const ids = [...new Set(rows.map((r) => r.person_id))];
    const vacancies = new Map<number, Awaited<ReturnType<typeof requireVacancy>>>();
    for (const id of new Set(rows.map((r) => r.vacancy_id))) vacancies.set(id, await requireVacancy(id));
    const [people, places, courses] = await Promise.all([registry.facts(ids), geo.placeIndex(), training.lastCompletionUnits(ids)]);
    const heldBy = new Map<string, Map<number, string>>();
    for (const v of vacancies.values())
      if (v.required_standard_code && !heldBy.has(v.required_standard_code))
        heldBy.set(v.required_standard_code, await credentials.qualificationsFor(ids, v.required_standard_code));
    const placements = new Map<number, number>();
    for (const id of ids) for (const p of await repository.placementsOfPerson(db, id)) if (p.referral_id) placements.set(p.referral_id, p.id);
    return rows.map((r) => {
      const v = vacancies.get(r.vacancy_id)!;
      const p = people.get(r.person_id);
      const district = p ? places.districts.get(p.districtCode) : undefined;
      const std = v.required_standard_code;
      const full = {
        nameTh: p?.nameTh ?? '',
        nameEn: p?.nameEn ?? null,
        phone: p?.phone ?? null,
        age: p ? ageOn(p.birthDate, today()) : 0,
        districtNameTh: district?.district_name_th ?? '',
        districtNameEn: district?.district_name_en ?? '',
        qualifications: std && heldBy.get(std)?.has(r.person_id) ? [std] : [],
        courses: courses.get(r.person_id) ? [courses.get(r.person_id)!.courseCode] : [],
      };
      return {
        id: r.id,
        vacancyId: r.vacancy_id,
        vacancyCode: v.code,
        vacancyTitleTh: v.title_th,
        personId: forEmployer ? null : r.person_id,
        candidate: employerView(forEmployer ? r.shared_fields : ['name', 'phone', 'age', 'district', 'qualifications', 'courses'], full),
        sharedFields: r.shared_fields,
        status: r.status,
        statusReason: r.status_reason,
        interviewOn: r.interview_on,
        createdAt: new Date(r.created_at).toISOString(),
        placementId: placements.get(r.id) ?? null,
      };
    });
  }

  const presentPlacement = (p: Awaited<ReturnType<typeof repository.listPlacements>>[number]) => ({
    id: p.id,
    vacancyId: p.vacancy_id,
    vacancyCode: p.vacancy_code,
    titleTh: p.title_th,
    titleEn: p.title_en,
    employerNameTh: p.employer_name_th,
    personId: p.person_id,
    kind: p.kind,
    startedOn: p.started_on,
    wageSatang: p.wage_satang,
    wageUnit: p.wage_unit,
    incomeBeforeSatang: p.income_before_satang,
    centreUnitCode: p.centre_unit_code,
    provinceCode: p.province_code,
    fiscalYear: p.fiscal_year,
  });

  const service = {
    /** An officer refers a job seeker to a published vacancy with the person's consent to share the named fields with that employer. */
    async refer(ctx: Ctx, input: { vacancyId: number; personId: number; sharedFields: ShareableField[]; consentEvidence: string }) {
      const p = await seekers.personFor(ctx, input.personId);
      if (!employmentPolicy.acts(ctx.actor, p.provinceCode))
        throw problems.forbidden({ en: 'Referrals are made by employment officers.', th: 'การส่งตัวไปสมัครงานทำโดยเจ้าหน้าที่' });
      const unknownVacancy = () =>
        problems.validation([
          { field: 'body.vacancyId', code: 'unknown', message: `No vacancy has id ${input.vacancyId}.`, messageTh: `ไม่พบตำแหน่งงานรหัส ${input.vacancyId}` },
        ]);
      const v = await requireVacancy(input.vacancyId).catch(() => {
        throw unknownVacancy();
      });
      // A vacancy named in the body is checked as in a path: one not on the public board is unknown outside its area.
      if (v.status !== 'published' && !employmentPolicy.reads(ctx.actor, v.province_code)) throw unknownVacancy();
      if (v.status !== 'published' || v.placed_count >= v.openings)
        throw problems.unprocessable({ en: `Vacancy ${v.code} is not taking people (${v.status}).`, th: `ตำแหน่งงาน ${v.code} ไม่ได้เปิดรับแล้ว (${v.status})` });
      if (!(await repository.currentSeeker(db, input.personId)))
        throw problems.unprocessable({ en: 'The person has not opted in as a job seeker.', th: 'บุคคลนี้ยังไม่ได้ลงทะเบียนผู้หางาน' });
      const fields = [...new Set(input.sharedFields)];
      const row = await db.transaction().execute(async (trx) => {
        const created = await repository.insertReferral(trx, {
          vacancy_id: v.id,
          person_id: input.personId,
          province_code: p.provinceCode,
          shared_fields: fields,
          consent_evidence: input.consentEvidence,
          referred_by: ctx.actor.userId,
          status_reason: null,
          interview_on: null,
          answered_by: null,
          answered_at: null,
        });
        if (!created) throw problems.conflict({ en: `This person is referred to ${v.code} already.`, th: `บุคคลนี้ถูกส่งตัวไปตำแหน่ง ${v.code} แล้ว` });
        await registry.addTimelineEvent(trx, {
          personId: input.personId,
          module: 'employment',
          kind: 'consent-given',
          summaryTh: `ยินยอมให้เปิดเผยข้อมูล (${fields.join(', ')}) แก่ ${v.employer_name_th} เพื่อสมัครงาน ${v.code}`,
          summaryEn: `Consented to share ${fields.join(', ')} with ${v.employer_name_en ?? v.employer_name_th} for vacancy ${v.code}`,
          data: { purpose: 'share-employer', employerId: v.employer_id, vacancyId: v.id, fields, evidence: input.consentEvidence },
          actorUserId: ctx.actor.userId,
        });
        await registry.addTimelineEvent(trx, {
          personId: input.personId,
          module: 'employment',
          kind: 'referred',
          summaryTh: `ส่งตัวไปสมัครงาน ${v.title_th} (${v.employer_name_th})`,
          summaryEn: `Referred to ${v.title_en ?? v.title_th} (${v.employer_name_en ?? v.employer_name_th})`,
          actorUserId: ctx.actor.userId,
        });
        await access.notify(trx, [
          {
            personId: input.personId,
            kind: 'vacancy-match',
            eventKey: `employment.referral:${created.id}`,
            provinceCode: p.provinceCode,
            params: {
              positionTh: v.title_th,
              positionEn: v.title_en ?? v.title_th,
              employerTh: v.employer_name_th,
              employerEn: v.employer_name_en ?? v.employer_name_th,
            },
          },
        ]);
        await recordAudit(trx, ctx, {
          action: 'referral.create',
          entityType: 'referral',
          entityId: String(created.id),
          provinceCode: p.provinceCode,
          subjectPersonId: input.personId,
          after: { vacancyId: v.id, sharedFields: fields, consentEvidence: input.consentEvidence },
        });
        return created;
      });
      return (await presentReferrals([row], false))[0]!;
    },

    async referralsOfVacancy(ctx: Ctx, vacancyId: number) {
      const { own } = await vacancyFor(ctx, vacancyId, 'read');
      return presentReferrals(await repository.referralsOfVacancy(db, vacancyId), own);
    },

    /**
     * The employer (or an officer of the vacancy's area) answers a referral. Hired records the
     * placement, taking one opening in the same transaction (never more placements than openings,
     * however many answers arrive at once), and schedules its follow-ups once each.
     */
    async answer(
      ctx: Ctx,
      referralId: number,
      input: {
        status: 'interview' | 'hired' | 'rejected' | 'withdrawn';
        reason?: string | null;
        interviewOn?: string | null;
        startedOn?: string | null;
        wageSatang?: number | null;
        placementKind?: 'employee' | 'home-based' | 'self-employed' | null;
      },
    ) {
      const r = await repository.findReferral(db, referralId);
      if (!r) throw problems.notFound({ en: `No referral has id ${referralId}.`, th: `ไม่พบการส่งตัวรหัส ${referralId}` });
      const { vacancy: v, own } = await vacancyFor(ctx, r.vacancy_id, 'read').catch(() => {
        throw problems.notFound({ en: `No referral has id ${referralId}.`, th: `ไม่พบการส่งตัวรหัส ${referralId}` });
      });
      if (!own && !employmentPolicy.acts(ctx.actor, v.province_code))
        throw await outOfArea({ en: 'answer this referral', th: 'ตอบผลการส่งตัวนี้' }, v.province_code, employmentPolicy.officerScope(ctx.actor));
      if (input.status === 'rejected' && !input.reason)
        throw problems.validation([{ field: 'body.reason', code: 'required', message: 'Say why the person was not taken.', messageTh: 'กรุณาระบุเหตุผลที่ไม่รับ' }]);
      if (input.status === 'interview' && !input.interviewOn)
        throw problems.validation([{ field: 'body.interviewOn', code: 'required', message: 'Give the interview date.', messageTh: 'กรุณาระบุวันสัมภาษณ์' }]);
      if (input.status === 'hired' && !input.startedOn)
        throw problems.validation([{ field: 'body.startedOn', code: 'required', message: 'Give the start date.', messageTh: 'กรุณาระบุวันเริ่มงาน' }]);
      const person = input.status === 'hired' ? (await registry.facts([r.person_id])).get(r.person_id) : undefined;
      const centre = input.status === 'hired' ? ((await training.lastCompletionUnits([r.person_id])).get(r.person_id)?.unitCode ?? null) : null;
      await db.transaction().execute(async (trx) => {
        const locked = await repository.lockReferral(trx, referralId);
        if (!locked || !mayAnswer(locked.status, input.status))
          throw problems.conflict({
            en: `The referral is ${locked?.status ?? 'gone'}; it cannot become ${input.status}.`,
            th: `การส่งตัวอยู่ในสถานะ ${locked?.status ?? '-'} เปลี่ยนเป็น ${input.status} ไม่ได้`,
          });
        await repository.updateReferral(trx, referralId, {
          status: input.status,
          status_reason: input.reason ?? null,
          interview_on: input.interviewOn ?? locked.interview_on,
          answered_by: ctx.actor.userId,
          answered_at: new Date(),
        });
        if (input.status === 'hired') {
          const taken = await repository.takeOpening(trx, v.id);
          if (!taken) throw problems.conflict({ en: `Every opening of ${v.code} is filled.`, th: `ตำแหน่งงาน ${v.code} รับครบจำนวนแล้ว` });
          const startedOn = input.startedOn!;
          const breakdownBefore = await access.placementBreakdownTally(trx, [r.person_id]);
          const placement = await repository.insertPlacement(trx, {
            vacancy_id: v.id,
            referral_id: referralId,
            person_id: r.person_id,
            kind: input.placementKind ?? (v.kind === 'home-based' ? 'home-based' : v.kind === 'self-employment' ? 'self-employed' : 'employee'),
            started_on: startedOn,
            wage_satang: input.wageSatang ?? v.wage_satang,
            wage_unit: v.wage_unit,
            income_before_satang: person?.monthlyIncomeSatang ?? null,
            centre_unit_code: centre,
            province_code: r.province_code,
            fiscal_year: fiscalYearOfPlacement(startedOn),
            recorded_by: ctx.actor.userId,
          });
          await tellFacts(trx, [
            { indicator: PLACED_INDICATOR, on: startedOn, provinceCode: r.province_code, delta: 1 },
            ...factDifference(breakdownBefore, await access.placementBreakdownTally(trx, [r.person_id])),
          ]);
          await repository.scheduleFollowUps(
            trx,
            followUpsFor(startedOn).map((f) => ({ placement_id: placement.id, months: f.months, due_on: f.dueOn, province_code: r.province_code })),
          );
          await followUps.reconcileCourseFollowUps(trx, [r.person_id]);
          await registry.addTimelineEvent(trx, {
            personId: r.person_id,
            module: 'employment',
            kind: 'placed',
            summaryTh: `ได้งาน ${v.title_th} ที่ ${v.employer_name_th} เริ่ม ${startedOn}`,
            summaryEn: `Placed as ${v.title_en ?? v.title_th} at ${v.employer_name_en ?? v.employer_name_th} from ${startedOn}`,
            data: { placementId: placement.id, vacancyId: v.id },
            actorUserId: ctx.actor.userId,
          });
        }
        await recordAudit(trx, ctx, {
          action: `referral.${input.status}`,
          entityType: 'referral',
          entityId: String(referralId),
          provinceCode: r.province_code,
          subjectPersonId: r.person_id,
          before: { status: locked.status },
          after: { status: input.status, reason: input.reason ?? null },
        });
      });
      return (await presentReferrals([(await repository.findReferral(db, referralId))!], own))[0]!;
    },

    /** A person's employment card: profile, guidance, referrals, placements and follow-ups. */
    async card(ctx: Ctx, personId: number) {
      const p = await seekers.personFor(ctx, personId, 'read');
      const [seeker, notes, referrals, placements] = await Promise.all([
        repository.currentSeeker(db, personId),
        repository.notesOf(db, personId),
        repository.referralsOfPerson(db, personId),
        repository.placementsOfPerson(db, personId),
      ]);
      const vac = new Map(
        (
          await repository.vacanciesWithEmployer(
            db,
            placements.map((x) => x.vacancy_id),
          )
        ).map((v) => [v.id, v]),
      );
      const follow = await repository.followUpsOfPlacements(
        db,
        placements.map((x) => x.id),
      );
      const byPlacement = new Map(placements.map((x) => [x.id, x]));
      return {
        personId,
        seeker: seeker ? seekers.presentSeeker(seeker) : null,
        guidance: ctx.actor.personId === personId ? [] : await seekers.presentNotes(ctx, notes, p.provinceCode),
        referrals: await presentReferrals(referrals, false),
        placements: placements.map((x) => {
          const v = vac.get(x.vacancy_id)!;
          return presentPlacement({
            ...x,
            vacancy_code: v.code,
            title_th: v.title_th,
            title_en: v.title_en,
            occupation_code: v.occupation_code,
            employer_name_th: v.employer_name_th,
          });
        }),
        followUps: await followUps.presentFollowUps([
          ...follow.map((f) => {
            const x = byPlacement.get(f.placement_id!)!;
            const v = vac.get(x.vacancy_id)!;
            return {
              ...f,
              person_id: x.person_id,
              income_before_satang: x.income_before_satang,
              vacancy_code: v.code,
              title_th: v.title_th,
              employer_name_th: v.employer_name_th,
            };
          }),
          ...(await followUps.courseFollowUpsOf(personId)),
        ]),
      };
    },

    async myCard(ctx: Ctx) {
      if (!ctx.actor.personId) throw problems.forbidden({ en: 'This account is not linked to a registered person.', th: 'บัญชีนี้ไม่ได้เชื่อมกับระเบียนบุคคล' });
      return service.card(ctx, ctx.actor.personId);
    },

    /** For monitoring's rebuild: placements per province and start date, from the records. */
    placementTally: () => repository.placementTally(db),
    /** For monitoring's rebuild: `employment.placed` by district and target group, from the records. */
    breakdownTally: (personIds: readonly number[] | null) => access.placementBreakdownTally(db, personIds),
    async listPlacements(ctx: Ctx, query: { fiscalYear?: number; province?: string; limit: number; offset: number }) {
      const scope = employmentPolicy.readScope(ctx.actor);
      if (scope.kind === 'none') throw problems.forbidden({ en: 'Your role does not include placements.', th: 'บทบาทของคุณไม่มีสิทธิ์ดูข้อมูลการบรรจุงาน' });
      return (await repository.listPlacements(db, { provinces: provincesOf(scope), ...query })).map(presentPlacement);
    },

    /** Placements of the reader's area as an XLSX sheet, no identity numbers. */
    async exportPlacements(ctx: Ctx, query: { fiscalYear?: number; province?: string }) {
      const rows = await service.listPlacements(ctx, { ...query, limit: 50_000, offset: 0 });
      const people = await registry.facts([...new Set(rows.map((r) => r.personId))]);
      return writeXlsx([
        {
          name: 'placements',
          header: [
            'id',
            'ชื่อ / name',
            'ตำแหน่ง / vacancy',
            'นายจ้าง / employer',
            'ประเภท / kind',
            'เริ่มงาน / started on',
            'ค่าจ้าง (บาท) / wage (baht)',
            'หน่วย / unit',
            'ศูนย์ / centre',
            'จังหวัด / province',
            'ปีงบประมาณ / fiscal year',
          ],
          rows: rows.map((r) => [
            r.id,
            people.get(r.personId)?.nameTh ?? '',
            `${r.vacancyCode} ${r.titleTh}`,
            r.employerNameTh,
            r.kind,
            r.startedOn,
            r.wageSatang / 100,
            r.wageUnit,
            r.centreUnitCode ?? '',
            r.provinceCode,
            r.fiscalYear,
          ]),
        },
      ]);
    },

    /** Placements of a fiscal year against the target, by province and centre, with the income change at follow-up. */
    async summary(ctx: Ctx, query: { fiscalYear?: number }) {
      const scope = employmentPolicy.readScope(ctx.actor);
      if (scope.kind === 'none') throw problems.forbidden({ en: 'Your role does not include the placement summary.', th: 'บทบาทของคุณไม่มีสิทธิ์ดูสรุปการบรรจุงาน' });
      const fy = query.fiscalYear ?? fiscalYearOf(new Date());
      const provinces = provincesOf(scope);
      const [{ rows }, places, due, afterCourse] = await Promise.all([
        repository.placementSummary(db, fy, provinces),
        geo.placeIndex(),
        followUps.followUpCounts(ctx),
        repository.courseFollowUpSummary(db, fy, provinces),
      ]);
      const units = await org.unitNames(rows.flatMap((r) => (r.centre_unit_code ? [r.centre_unit_code] : [])));
      const sum = (pick: (r: (typeof rows)[number]) => string | null) => rows.reduce((s, r) => s + Number(pick(r) ?? 0), 0);
      const byProvince = new Map<string, number>();
      const byCentre = new Map<string | null, number>();
      for (const r of rows) {
        byProvince.set(r.province_code, (byProvince.get(r.province_code) ?? 0) + Number(r.placed));
        byCentre.set(r.centre_unit_code, (byCentre.get(r.centre_unit_code) ?? 0) + Number(r.placed));
      }
      const measured = sum((r) => r.measured);
      const weighted = (pick: (r: (typeof rows)[number]) => string | null) =>
        measured ? Math.round(rows.reduce((s, r) => s + Number(pick(r) ?? 0) * Number(r.measured), 0) / measured) : null;
      const before = weighted((r) => r.income_before);
      const now = weighted((r) => r.income_now);
      return {
        fiscalYear: fy,
        target: PLACEMENT_TARGET,
        placed: sum((r) => r.placed),
        byProvince: [...byProvince]
          .map(([code, placed]) => ({
            provinceCode: code,
            nameTh: places.provinces.get(code)?.name_th ?? code,
            nameEn: places.provinces.get(code)?.name_en ?? code,
            placed,
          }))
          .sort((a, b) => b.placed - a.placed),
        byCentre: [...byCentre]
          .map(([code, placed]) => ({
            unitCode: code,
            nameTh: code ? (units.get(code)?.nameTh ?? code) : 'ไม่ได้ผ่านการฝึกอบรม',
            nameEn: code ? (units.get(code)?.nameEn ?? code) : 'Not from a course',
            placed,
          }))
          .sort((a, b) => b.placed - a.placed),
        income: { measured, averageBeforeSatang: before, averageNowSatang: now, averageChangeSatang: incomeChange(before, now) },
        followUps: due,
        afterCourse,
      };
    },

    /** The public indicator: people placed this fiscal year (each once per centre), measured, against the target. */
    async indicator(_ctx: RequestContext, fiscalYear?: number) {
      const fy = fiscalYear ?? fiscalYearOf(new Date());
      return { fiscalYear: fy, placed: await repository.placedCount(db, fy), target: PLACEMENT_TARGET, measuredAt: new Date().toISOString() };
    },
  };
  return service;
}
