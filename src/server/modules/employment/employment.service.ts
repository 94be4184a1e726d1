import * as quality from './quality.repository';
import { createEmploymentAccess, type EmploymentDeps } from './employment.access';
import { createEmployersService } from './employers.service';
import { createFollowUpsService } from './followups.service';
import { createMatchingService } from './matching.service';
import { createPlacementsService } from './placements.service';
import { createSeekersService } from './seekers.service';
import { createVacanciesService } from './vacancies.service';

export { PLACEMENT_TARGET } from './employment.rules';

/**
 * Employment: employers and their accounts, vacancies and home-based work orders, job seekers and
 * career guidance, matching with reasons, referrals with consent, placements within the openings,
 * and follow-ups on income. It reads the registry, training, credentials and competency through
 * their services; none of them depends on it.
 */
export function createEmploymentService(deps: EmploymentDeps) {
  const access = createEmploymentAccess(deps);
  const matching = createMatchingService(access);
  // The matching read model follows the facts it copies, in the transaction that changes them.
  // So do the follow-ups after a course (a completion, a merge, an erasure).
  const followUps = createFollowUpsService(access);
  deps.registry.onPeopleChanged(async (trx, personIds) => {
    await matching.refresh(trx, personIds);
    await followUps.reconcileCourseFollowUps(trx, personIds);
  });
  deps.credentials.onQualificationsChanged((trx, personIds) => matching.refresh(trx, personIds));
  deps.training.onCompletionsChanged(async (trx, personIds) => {
    await matching.refresh(trx, personIds);
    await followUps.reconcileCourseFollowUps(trx, personIds);
  });
  const seekers = createSeekersService(access, matching);
  return {
    ...createEmployersService(access),
    ...createVacanciesService(access),
    ...seekers,
    ...createPlacementsService(access, seekers, followUps),
    followUpQueue: followUps.followUpQueue,
    recordFollowUp: followUps.recordFollowUp,
    remindFollowUpsDue: followUps.remindFollowUpsDue,
    /** Per province, open follow-ups past due and placements without a wage (monitoring's data quality). */
    dataQuality: async (provinces: readonly string[] | null) => {
      const [overdue, noWage] = await Promise.all([
        quality.overdueFollowUps(deps.db, provinces, access.today()),
        quality.placementsWithoutWage(deps.db, provinces),
      ]);
      return {
        overdueFollowUps: overdue.map((r) => ({ provinceCode: r.provinceCode, count: Number(r.count) })),
        placementsWithoutWage: noWage.map((r) => ({ provinceCode: r.provinceCode, count: Number(r.count) })),
      };
    },
    /** Rebuilds the whole matching read model from the other modules' records. */
    rebuildMatching: matching.rebuild,
    /** Gives the job seekers the read model lacks their row (start-up runs it). */
    fillMissingMatching: matching.fillMissing,
  };
}

export type EmploymentService = ReturnType<typeof createEmploymentService>;
