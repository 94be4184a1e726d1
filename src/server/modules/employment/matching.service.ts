import type { Executor } from '../../db/executor';
import { provincesOf } from '../../platform/auth/actor';
import type { ActorContext } from '../../platform/context';
import { problems } from '../../platform/problem';
import type { EmploymentAccess } from './employment.access';
import { employmentPolicy } from './employment.policy';
import * as repository from './employment.repository';
import { matchScore, monthlyOf, occupationKeys, seekerMatchFacts, vacancyMatchFacts } from './employment.rules';
import * as matching from './matching.repository';

type Ctx = ActorContext;

/** The most job seekers (or vacancies) one match reads: the district first, then the rest of the province. */
export const MATCH_POOL = 20_000;

/** People per batch when the read model is rebuilt (each batch: a few queries of this many ids). */
export const REFRESH_BATCH = 5_000;

type Course = { code: string; nameTh: string; nameEn: string };

/**
 * Matching both ways. The read model `seeker_match` keeps, on one row per current job seeker,
 * what the score needs from the registry (active, non-sensitive priority groups), credentials
 * (standards held) and training (units of completed courses); those modules tell employment
 * when they change them, inside their own transactions, and `refresh` rebuilds the rows from
 * their services. A ranking is one indexed SQL query computing `matchScore`'s points; the
 * reasons are `matchScore` itself, for the `limit` rows shown only.
 */
export function createMatchingService(access: EmploymentAccess) {
  const { db, registry, org, credentials, training, today, vacancyFor, presentVacancies, standardFor } = access;

  /** Non-sensitive target groups by code: the only ones a reason may name or the read model keep. */
  const priorityGroups = async (executor: Executor = db) =>
    new Map((await org.targetGroups(executor)).filter((g) => !g.sensitive).map((g) => [g.code, { code: g.code, nameTh: g.nameTh, nameEn: g.nameEn }]));

  /**
   * Rebuilds these people's rows of the read model from the sources, inside the caller's
   * transaction: a current job seeker gets a row; anyone else (withdrawn, merged away, erased)
   * has none.
   */
  async function refresh(trx: Executor, personIds: readonly number[]) {
    const ids = [...new Set(personIds)];
    // The registry's locks first (as a registry change holds them before it tells us), then ours.
    await registry.holdPeople(trx, ids);
    const profiles = await matching.currentSeekers(trx, ids);
    const seekers = profiles.map((p) => p.person_id);
    if (!seekers.length) return matching.replaceSeekerMatches(trx, ids, []);
    const people = await registry.facts(seekers, trx);
    const held = await credentials.standardsHeld(seekers, trx);
    const units = await training.completedUnits(seekers, trx);
    const groups = await priorityGroups(trx);
    const rows = profiles.map((s) => {
      const p = people.get(s.person_id);
      return {
        ...s,
        standards: held.get(s.person_id) ?? [],
        course_units: units.get(s.person_id) ?? [],
        priority_groups: (p?.targetGroups ?? []).filter((g) => groups.has(g)),
        active: p?.status === 'active',
      };
    });
    await matching.replaceSeekerMatches(trx, ids, rows);
  }

  /** Rebuilds the whole read model, a batch per transaction (after a restore, or to fill a benchmark). */
  async function rebuild(batch = REFRESH_BATCH) {
    let after = 0;
    let done = 0;
    for (;;) {
      const ids = await matching.seekerIdsAfter(db, after, batch);
      if (!ids.length) return done;
      await db.transaction().execute((trx) => refresh(trx, ids));
      done += ids.length;
      after = ids[ids.length - 1]!;
    }
  }

  /**
   * Gives every current job seeker without a row one, a batch per transaction: what start-up runs
   * so that a database migrated to the read model (or holding seekers written outside the
   * services) matches everyone. Answers how many rows it wrote.
   */
  async function fillMissing(batch = REFRESH_BATCH) {
    let after = 0;
    let done = 0;
    for (;;) {
      const ids = await matching.seekerIdsWithoutMatch(db, after, batch);
      if (!ids.length) return done;
      await db.transaction().execute((trx) => refresh(trx, ids));
      done += ids.length;
      after = ids[ids.length - 1]!;
    }
  }

  const courseOf = (c: { courseCode: string; courseNameTh: string; courseNameEn: string } | undefined): Course | null =>
    c ? { code: c.courseCode, nameTh: c.courseNameTh, nameEn: c.courseNameEn } : null;

  return {
    fillMissing,
    refresh,
    rebuild,

    /** Ranked candidates for a vacancy, each with the reasons of their score; the officer may narrow by target group or district. */
    async candidates(ctx: Ctx, vacancyId: number, query: { targetGroup?: string; district?: string; limit: number }) {
      const { vacancy: v, own } = await vacancyFor(ctx, vacancyId, 'read');
      if (own)
        throw problems.forbidden({
          en: 'Employers see the people referred to them, not the job seekers’ register.',
          th: 'นายจ้างเห็นเฉพาะผู้ที่ถูกส่งตัวมา ไม่เห็นทะเบียนผู้หางาน',
        });
      const standard = v.required_standard_code ? await standardFor(v.required_standard_code) : null;
      const units = standard?.units.map((u) => u.code) ?? [];
      const groups = await priorityGroups();
      const pool = {
        provinceCode: v.province_code,
        districtCode: v.district_code,
        fromHome: v.remote || v.kind === 'home-based',
        provinces: provincesOf(employmentPolicy.readScope(ctx.actor)),
        district: query.district,
        cap: MATCH_POOL,
      };
      // A sensitive group (disability) is not in the read model: the registry answers for the pool.
      let only: number[] | undefined;
      if (query.targetGroup && !groups.has(query.targetGroup)) {
        const ids = await matching.seekerPoolIds(db, pool);
        const people = await registry.facts(ids);
        only = ids.filter((id) => people.get(id)?.targetGroups.includes(query.targetGroup!));
        if (!only.length) return [];
      }
      const ranked = await matching.rankSeekers(db, {
        ...pool,
        priorityGroup: query.targetGroup && groups.has(query.targetGroup) ? query.targetGroup : undefined,
        only,
        limit: query.limit,
        standardCode: v.required_standard_code,
        standardUnits: units,
        occupationKeys: occupationKeys(v.occupation_code),
        offeredMonthly: monthlyOf(v.wage_satang, v.wage_unit),
      });
      const ids = ranked.map((r) => r.person_id);
      const [people, courses, referred] = await Promise.all([
        registry.facts(ids),
        training.completionsOf(
          units,
          ranked.filter((r) => r.course_units.some((u) => units.includes(u))).map((r) => r.person_id),
        ),
        repository.referralsOfVacancy(db, v.id),
      ]);
      const referralOf = new Map(referred.map((r) => [r.person_id, r.status]));
      return ranked.map((s) => {
        const p = people.get(s.person_id)!;
        const m = matchScore({
          requiredStandard: v.required_standard_code,
          holdsRequired: v.required_standard_code !== null && s.standards.includes(v.required_standard_code),
          course: courseOf(courses.get(s.person_id)),
          vacancy: vacancyMatchFacts(v),
          seeker: seekerMatchFacts(s),
          priorityGroups: s.priority_groups.flatMap((g) => (groups.has(g) ? [groups.get(g)!] : [])),
        });
        return {
          personId: s.person_id,
          nameTh: p.nameTh,
          nameEn: p.nameEn,
          docNumberMasked: p.docNumberMasked,
          provinceCode: s.province_code,
          districtCode: s.district_code,
          score: m.score,
          reasons: m.reasons,
          referralStatus: referralOf.get(s.person_id) ?? null,
        };
      });
    },

    /** Ranked open vacancies for a job seeker, with reasons (the caller has checked that the actor may read the person). */
    async vacanciesForSeeker(personId: number, limit: number) {
      let s = await matching.seekerMatch(db, personId);
      if (!s) {
        if (!(await repository.currentSeeker(db, personId)))
          throw problems.notFound({ en: 'This person has not opted in as a job seeker.', th: 'บุคคลนี้ยังไม่ได้ลงทะเบียนผู้หางาน' });
        // A profile from before the read model existed: build its row now.
        await db.transaction().execute((trx) => refresh(trx, [personId]));
        s = (await matching.seekerMatch(db, personId))!;
      }
      const seeker = s;
      const now = today();
      const groups = await priorityGroups();
      const priority = seeker.priority_groups.flatMap((g) => (groups.has(g) ? [groups.get(g)!] : []));
      // Which required standards their courses prepare for: a standard's units met by a completed course.
      const prepared: string[] = [];
      const unitsOf = new Map<string, string[]>();
      for (const code of await matching.standardsRequired(db, { seeker, today: now })) {
        const units = (await standardFor(code)).units.map((u) => u.code);
        unitsOf.set(code, units);
        if (seeker.course_units.some((u) => units.includes(u))) prepared.push(code);
      }
      const ranked = await matching.rankVacancies(db, {
        seeker,
        preparedStandards: prepared,
        hasPriorityGroup: priority.length > 0,
        today: now,
        cap: MATCH_POOL,
        limit,
      });
      const rows = new Map(
        (
          await repository.vacanciesWithEmployer(
            db,
            ranked.map((r) => r.id),
          )
        ).map((v) => [v.id, v]),
      );
      const course = new Map<string, Course | null>();
      for (const code of new Set(ranked.flatMap((r) => rows.get(r.id)!.required_standard_code ?? []))) {
        course.set(code, prepared.includes(code) ? courseOf((await training.completionsOf(unitsOf.get(code)!, [personId])).get(personId)) : null);
      }
      const presented = await presentVacancies(ranked.map((r) => rows.get(r.id)!));
      return ranked.map((r, i) => {
        const v = rows.get(r.id)!;
        const m = matchScore({
          requiredStandard: v.required_standard_code,
          holdsRequired: v.required_standard_code !== null && seeker.standards.includes(v.required_standard_code),
          course: v.required_standard_code ? (course.get(v.required_standard_code) ?? null) : null,
          vacancy: vacancyMatchFacts(v),
          seeker: seekerMatchFacts(seeker),
          priorityGroups: priority,
        });
        return { vacancy: presented[i]!, score: m.score, reasons: m.reasons };
      });
    },
  };
}

export type MatchingService = ReturnType<typeof createMatchingService>;
