import type { Kysely } from 'kysely';
import type { Executor } from '../../db/executor';
import type { DB } from '../../db/schema';
import { loadReferenceSet, fingerprint } from '../../db/reference-data';
import type { JobRunner } from '../../platform/jobs/jobs';
import type { CredentialsService } from '../credentials/credentials.service';
import type { GeoService } from '../geo/geo.service';
import type { OrgService } from '../org/org.service';
import type { RegistryService } from '../registry/registry.service';
import { createAttendanceService } from './attendance.service';
import { createCompletionService, type CertificateJobOptions } from './completion.service';
import { CURRICULA, totalMinutes } from './data/curricula';
import { createRemindersService } from './reminders.service';
import { createSeatsService } from './seats.service';
import { createSessionsService } from './sessions.service';
import { createTrainingAccess } from './training.access';
import * as repository from './training.repository';
import * as facts from './facts.repository';
import type { FactSink } from '../../platform/facts';
import type { NotifySink } from '../../platform/notify';

export { CERTIFICATES_JOB, type CompletionListener } from './completion.service';
export { RESULT_COLUMNS, RESULTS_MAX_ROWS } from './attendance.service';

export interface SessionInput {
  curriculumCode: string;
  unitCode: string;
  provinceCode: string;
  online: boolean;
  subdistrictCode?: string | null;
  venue?: string | null;
  applicationsCloseOn: string;
  capacityMin: number;
  capacityMax: number;
  trainers: string[];
  budgetSource?: string | null;
  days: { day: string; hours: number; topicTh?: string | null; topicEn?: string | null }[];
}

/** Loads the shipped curricula when they change (start-up). */
export async function loadTrainingReferenceData(db: Kysely<DB>): Promise<boolean> {
  return loadReferenceSet(db, 'training', fingerprint(CURRICULA), (trx) =>
    repository.upsertCurricula(
      trx,
      CURRICULA.map((c) => ({
        code: c.code,
        name_th: c.nameTh,
        name_en: c.nameEn,
        provider_agency_code: c.providerAgencyCode,
        provider_unit_code: c.providerUnitCode,
        provider_partner: c.providerPartner,
        category: c.category,
        mode: c.mode,
        total_minutes: totalMinutes(c),
        topics: JSON.stringify(c.topics),
        target_groups: c.targetGroups,
        prerequisites: c.prerequisites,
        min_age: c.minAge,
        min_attendance_percent: c.minAttendancePercent,
        min_post_test_score: c.minPostTestScore,
        competency_units: c.competencyUnits,
        assumed_fields: c.assumed,
        source_note: c.source,
        shipped: true,
      })),
    ),
  );
}

/**
 * Training: curricula and sessions, seats and the waitlist, attendance and results, completion and
 * certificates, each use case in its own file over one shared access layer.
 */
export function createTrainingService(deps: {
  db: Kysely<DB>;
  geo: GeoService;
  org: OrgService;
  registry: RegistryService;
  credentials: CredentialsService;
  jobs: JobRunner;
  /** Monitoring's recorder: completions are told to it in their transactions. */
  facts?: FactSink;
  /** Notifications: application results are written to the outbox in their transactions. */
  notify?: NotifySink;
  /** The certificates job's batch size, and (tests) a simulated crash. */
  certificates?: CertificateJobOptions;
}) {
  const access = createTrainingAccess(deps);
  const { db } = deps;
  const completion = createCompletionService(access, deps.certificates);
  return {
    ...createSessionsService(access, completion.evaluate),
    ...createSeatsService(access),
    ...createAttendanceService(access),
    ...completion,
    ...createRemindersService(access),

    /** For other modules: curricula that prepare for any of these competency units. */
    async curriculaForUnits(unitCodes: readonly string[]) {
      return (await facts.curriculaForUnits(db, unitCodes)).map((c) => ({
        code: c.code,
        nameTh: c.name_th,
        nameEn: c.name_en,
        competencyUnits: c.competency_units,
      }));
    },

    /** For other modules: the unit (learning centre) of each person's latest completed course. */
    async lastCompletionUnits(personIds: readonly number[]) {
      const rows = await facts.lastCompletionUnits(db, personIds);
      return new Map(rows.map((r) => [r.person_id, { unitCode: r.unit_code, courseCode: r.course_code, completedOn: r.ends_on }]));
    },

    /** For other modules: of these people, who completed a session of this curriculum (inside the caller's transaction: pass it). */
    async completersOf(curriculumCode: string, personIds: readonly number[], executor: Executor = db) {
      return new Map((await facts.completersOf(executor, curriculumCode, personIds)).map((r) => [r.person_id, { sessionId: r.session_id }]));
    },

    /** For other modules: the competency units of the courses each person completed (inside the caller's transaction: pass it). */
    async completedUnits(personIds: readonly number[], executor: Executor = db) {
      const units = new Map<number, string[]>();
      for (const r of await facts.completedUnits(executor, personIds)) units.set(r.person_id, [...(units.get(r.person_id) ?? []), r.unit_code]);
      return units;
    },

    /** For other modules: every session each person completed, with its end date, unit and province (inside the caller's transaction: pass it). */
    async completedSessions(personIds: readonly number[], executor: Executor = db) {
      return (await facts.completedSessions(executor, personIds)).map((r) => ({
        personId: r.person_id,
        sessionId: r.session_id,
        endsOn: r.ends_on,
        unitCode: r.unit_code,
        provinceCode: r.province_code,
      }));
    },

    /**
     * For monitoring's rebuild: completed enrolments per province and day, counted where and when
     * their session ended (the same cell `evaluate` tells as it records them).
     */
    completionTally: () => facts.completionTally(db),
    /** For monitoring's rebuild: `training.completed` by district and target group, from the records. */
    breakdownTally: (filter: facts.CompletionFilter) => access.completionBreakdownTally(db, filter),

    /** For other modules: sessions' codes and course names by id. */
    async sessionLabels(ids: readonly number[]) {
      return new Map(
        (await facts.sessionLabels(db, ids)).map((r) => [r.id, { code: r.code, endsOn: r.ends_on, courseNameTh: r.name_th, courseNameEn: r.name_en }]),
      );
    },

    /**
     * For other modules: each person's latest completion of a course that prepares for any of these
     * units (all such people, or only those given).
     */
    async completionsOf(unitCodes: readonly string[], personIds?: readonly number[]) {
      const rows = await facts.completionsForUnits(db, unitCodes, personIds);
      return new Map(
        rows.map((r) => [
          r.person_id,
          { courseCode: r.course_code, courseNameTh: r.course_name_th, courseNameEn: r.course_name_en, completedOn: r.completed_on },
        ]),
      );
    },
  };
}

export type TrainingService = ReturnType<typeof createTrainingService>;
