import type { Database } from './db/engine';
import { loadGeoReferenceData } from './modules/geo/geo.service';
import { loadOrgReferenceData } from './modules/org/org.service';
import { loadTrainingReferenceData } from './modules/training/training.service';
import { loadCompetencyReferenceData } from './modules/competency/competency.service';
import { loadEnterpriseReferenceData } from './modules/enterprise/enterprise.service';
import { loadFundingReferenceData } from './modules/funding/funding.service';
import type { Services } from './app';

/** Loads every reference data set that changed since the last start; returns the names loaded. */
export async function loadReferenceData(database: Database, services: Pick<Services, 'geo'>): Promise<string[]> {
  const loaded: string[] = [];
  if (await loadGeoReferenceData(database.db)) loaded.push('geo');
  if (await loadOrgReferenceData(database.db, services.geo)) loaded.push('org');
  // Curricula name their providers' agencies and units, so they load after org.
  if (await loadTrainingReferenceData(database.db)) loaded.push('training');
  // Standards name their owning agency, so they load after org too.
  if (await loadCompetencyReferenceData(database.db)) loaded.push('competency');
  // Programmes name their owner agency and a curriculum.
  if (await loadEnterpriseReferenceData(database.db)) loaded.push('enterprise');
  if (await loadFundingReferenceData(database.db)) loaded.push('funding');
  return loaded;
}
