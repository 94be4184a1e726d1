import { createEmploymentAccess, type EmploymentDeps } from './employment.access';
import { createEmployersService } from './employers.service';
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
  const seekers = createSeekersService(access);
  return {
    ...createEmployersService(access),
    ...createVacanciesService(access),
    ...seekers,
    ...createPlacementsService(access, seekers),
  };
}

export type EmploymentService = ReturnType<typeof createEmploymentService>;
