import { createApplicationsService } from './applications.service';
import { createApplicationFilesService } from './application-files.service';
import { createCollectionsService } from './collections.service';
import { createFundingAccess, type FundingDeps } from './funding.access';
import { fundingTallies, par30ByProvince } from './facts.repository';
import { holidayDays } from './funding.repository';
import { addWorkingDays } from './funding.rules';
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
    /** Monitoring's facts over every loan (loans disbursed, satang paid out), for the rebuild. */
    monitoringTallies: () => fundingTallies(deps.db, null),
    /**
     * The `n`th working day after `day` by the holiday calendar this module keeps (weekends and
     * Thai public holidays skipped): other modules' service levels count with it (self-service's
     * grievances).
     */
    workingDaysAfter: async (day: string, n: number) => addWorkingDays(day, n, await holidayDays(deps.db)),
    /** PAR30 per province as of a day, for monitoring's overview. */
    par30ByProvince: (asOf: string, provinces: readonly string[] | null) => par30ByProvince(deps.db, asOf, provinces),
  };
}

export type FundingService = ReturnType<typeof createFundingService>;
