import { createEmploymentAccess, type EmploymentDeps } from './employment.access';
import { createEmployersService } from './employers.service';
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
  deps.registry.onPeopleChanged((trx, personIds) => matching.refresh(trx, personIds));
  deps.credentials.onQualificationsChanged((trx, personIds) => matching.refresh(trx, personIds));
  deps.training.onCompletionsChanged((trx, personIds) => matching.refresh(trx, personIds));
  const seekers = createSeekersService(access, matching);
  return {
    ...createEmployersService(access),
    ...createVacanciesService(access),
    ...seekers,
    ...createPlacementsService(access, seekers),
    /** Rebuilds the whole matching read model from the other modules' records. */
    rebuildMatching: matching.rebuild,
    /** Gives the job seekers the read model lacks their row (start-up runs it). */
    fillMissingMatching: matching.fillMissing,
  };
}

export type EmploymentService = ReturnType<typeof createEmploymentService>;
