import { createApplicationsService } from './applications.service';
import { createApplicationFilesService } from './application-files.service';
import { createCollectionsService } from './collections.service';
import { createFundingAccess, type FundingDeps } from './funding.access';
import { createFundsService } from './funds.service';
import { createLoanDecisionsService } from './loan-decisions.service';
import { createLoansService } from './loans.service';
import { createRepaymentImportService } from './repayment-import.service';

export { loadFundingReferenceData, verifyLedger } from './funds.service';

/**
 * The revolving fund: funds with rules as data and a double-entry ledger, applications through
 * four eyes with the commitment under the fund row's lock, loans with exact schedules,
 * repayments, reversals, restructuring and write-off, arrears and reports. Reads the registry,
 * training and enterprise through their services.
 */
export function createFundingService(deps: FundingDeps) {
  const access = createFundingAccess(deps);
  return {
    ...createFundsService(access),
    ...createApplicationsService(access),
    ...createLoansService(access),
    ...createRepaymentImportService(access),
    ...createLoanDecisionsService(access),
    ...createCollectionsService(access),
    ...createApplicationFilesService(access),
  };
}

export type FundingService = ReturnType<typeof createFundingService>;
