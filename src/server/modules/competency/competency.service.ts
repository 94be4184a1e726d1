import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { fingerprint, loadReferenceSet } from '../../db/reference-data';
import type { CredentialsService } from '../credentials/credentials.service';
import type { GeoService } from '../geo/geo.service';
import type { IdentityService } from '../identity/identity.service';
import type { OrgService } from '../org/org.service';
import type { RegistryService } from '../registry/registry.service';
import type { TrainingService } from '../training/training.service';
import { createCandidatesService } from './candidates.service';
import { createCompetencyAccess } from './competency.access';
import * as repository from './competency.repository';
import { COMPETENCY_STANDARDS } from './data/standards';
import { createEligibilityService } from './eligibility.service';
import { createEventsService } from './events.service';

/** Loads the shipped occupational standards when they change (start-up, after org). */
export async function loadCompetencyReferenceData(db: Kysely<DB>): Promise<boolean> {
  return loadReferenceSet(db, 'competency', fingerprint(COMPETENCY_STANDARDS), (trx) =>
    repository.replaceStandards(
      trx,
      COMPETENCY_STANDARDS.map((s) => ({
        code: s.code,
        name_th: s.nameTh,
        name_en: s.nameEn,
        sector_th: s.sectorTh,
        sector_en: s.sectorEn,
        qualification_th: s.qualificationTh,
        qualification_en: s.qualificationEn,
        level: s.level,
        owner_agency_code: s.ownerAgencyCode,
        validity_years: s.validityYears,
        source_note: JSON.stringify(s.sourceNote),
        assumed_fields: s.assumed,
      })),
      COMPETENCY_STANDARDS.flatMap((s) =>
        s.units.map((u, i) => ({
          code: u.code,
          standard_code: s.code,
          position: i + 1,
          name_th: u.nameTh,
          name_en: u.nameEn,
          description_th: u.descriptionTh,
          description_en: u.descriptionEn,
          elements: JSON.stringify(u.elements),
        })),
      ),
    ),
  );
}

export interface EventInput {
  standardCode: string;
  centreUnitCode: string;
  provinceCode: string;
  assessedOn: string;
  online: boolean;
  venue?: string | null;
  capacity?: number;
  assessorUserIds: string[];
}

/**
 * Competency assessment against TPQI-style standards: who is eligible (a linked course completed,
 * or experience an officer has seen evidence of), assessment events and their candidates, results
 * per unit recorded by the event's assessors, and the qualification issued (signed) on a
 * competent decision. A re-assessment covers only the units not yet competent. It reads training,
 * the registry and credentials through their services; none of them depends on it.
 */
export function createCompetencyService(deps: {
  db: Kysely<DB>;
  org: OrgService;
  geo: GeoService;
  registry: RegistryService;
  identity: IdentityService;
  credentials: CredentialsService;
  training: TrainingService;
}) {
  const access = createCompetencyAccess(deps);
  const events = createEventsService(access);
  return { ...createEligibilityService(access), ...events, ...createCandidatesService(access, events.getEvent) };
}

export type CompetencyService = ReturnType<typeof createCompetencyService>;
