import { lazy, type ComponentType } from 'react';
import { Outlet, Route, Routes } from 'react-router';
import { AppLayout } from './components/AppLayout';
import { NotFoundPage } from './components/NotFoundPage';
import { LazyPage } from './components/PageLoader';
import { SignInPage } from './features/auth/SignInPage';
import { HomePage } from './features/home/HomePage';
import { BUILT_MODULES, MODULES } from './features/modules/modules';
import { RequireSession } from './session';

/**
 * A page from a lazily loaded feature: each feature's pages come in one chunk, fetched the first
 * time one of them is opened. The sign-in page, the layout and the home page are in the first
 * load (scripts/web-bundle-size.ts keeps it within its budget).
 */
function page<M>(load: () => Promise<M>, name: keyof M & string) {
  return lazy(async () => ({ default: (await load())[name] as ComponentType }));
}

const auth = () => import('./features/auth/ChangePasswordPage');
const registry = () => import('./features/registry/pages');
const training = () => import('./features/training/pages');
const enterprise = () => import('./features/enterprise/pages');
const credentials = () => import('./features/credentials/pages');
const verify = () => import('./features/credentials/VerifyPage');
const geo = () => import('./features/geo/AreasPage');
const org = () => import('./features/org/pages');
const users = () => import('./features/users/pages');
const audit = () => import('./features/audit/AuditPage');
const modules = () => import('./features/modules/ComingSoonPage');
const employment = () => import('./features/employment/pages');
const funding = () => import('./features/funding/pages');
const marketplace = () => import('./features/marketplace/pages');
const monitoring = () => import('./features/monitoring/pages');
const notifications = () => import('./features/notifications/pages');
const selfservice = () => import('./features/selfservice/pages');

const ChangePasswordPage = page(auth, 'ChangePasswordPage');
const MyCoursesPage = page(training, 'MyCoursesPage');
const SessionApplyPage = page(training, 'SessionApplyPage');
const MyCertificatesPage = page(training, 'MyCertificatesPage');
const CheckInPage = page(training, 'CheckInPage');
const CurriculaPage = page(training, 'CurriculaPage');
const SessionsPage = page(training, 'SessionsPage');
const SessionFormPage = page(training, 'SessionFormPage');
const SessionPage = page(training, 'SessionPage');
const PlanningPage = page(training, 'PlanningPage');
const ProgrammesPage = page(enterprise, 'ProgrammesPage');
const ProgrammePage = page(enterprise, 'ProgrammePage');
const GroupEnterprisePage = page(enterprise, 'GroupEnterprisePage');
const VisitFormPage = page(enterprise, 'VisitFormPage');
const PeoplePage = page(registry, 'PeoplePage');
const PersonFormPage = page(registry, 'PersonFormPage');
const PersonPage = page(registry, 'PersonPage');
const GroupsPage = page(registry, 'GroupsPage');
const GroupFormPage = page(registry, 'GroupFormPage');
const GroupPage = page(registry, 'GroupPage');
const RegistryImportsPage = page(registry, 'RegistryImportsPage');
const RegistryDuplicatesPage = page(registry, 'RegistryDuplicatesPage');
const VerifyPage = page(verify, 'VerifyPage');
const CompetencyPage = page(credentials, 'CompetencyPage');
const StandardPage = page(credentials, 'StandardPage');
const AssessmentFormPage = page(credentials, 'AssessmentFormPage');
const AssessmentPage = page(credentials, 'AssessmentPage');
const MyQualificationsPage = page(credentials, 'MyQualificationsPage');
const IssuerKeysPage = page(credentials, 'IssuerKeysPage');
const AreasPage = page(geo, 'AreasPage');
const OrgPage = page(org, 'OrgPage');
const UnitPage = page(org, 'UnitPage');
const UsersPage = page(users, 'UsersPage');
const UserPage = page(users, 'UserPage');
const AccountPage = page(users, 'AccountPage');
const SelfRegistrationPage = page(registry, 'SelfRegistrationPage');
const AuditPage = page(audit, 'AuditPage');
const BoardPage = page(employment, 'BoardPage');
const ApplyEmployerPage = page(employment, 'ApplyEmployerPage');
const EmploymentPage = page(employment, 'EmploymentPage');
const VacancyFormPage = page(employment, 'VacancyFormPage');
const VacancyPage = page(employment, 'VacancyPage');
const PersonEmploymentPage = page(employment, 'PersonEmploymentPage');
const FollowUpsPage = page(employment, 'FollowUpsPage');
const SummaryPage = page(employment, 'SummaryPage');
const FundsPage = page(funding, 'FundsPage');
const FundPage = page(funding, 'FundPage');
const FundFormPage = page(funding, 'FundFormPage');
const ApplicationFormPage = page(funding, 'ApplicationFormPage');
const ApplicationPage = page(funding, 'ApplicationPage');
const LoanPage = page(funding, 'LoanPage');
const RepaymentImportPage = page(funding, 'RepaymentImportPage');
const CollectionsPage = page(funding, 'CollectionsPage');
const GroupLoansPage = page(funding, 'GroupLoansPage');
const MyLoansPage = page(funding, 'MyLoansPage');
const MarketplacePage = page(marketplace, 'MarketplacePage');
const ListingPage = page(marketplace, 'ListingPage');
const ListingFormPage = page(marketplace, 'ListingFormPage');
const GroupShopPage = page(marketplace, 'GroupShopPage');
const SalesImportPage = page(marketplace, 'SalesImportPage');
const PartnerPage = page(marketplace, 'PartnerPage');
const MyShopPage = page(marketplace, 'MyShopPage');
const MonitoringPage = page(monitoring, 'MonitoringPage');
const OpenDataPage = page(monitoring, 'OpenDataPage');
const ReportsPage = page(monitoring, 'ReportsPage');
const DataQualityPage = page(monitoring, 'DataQualityPage');
const NotificationsPage = page(notifications, 'NotificationsPage');
const OutboxPage = page(notifications, 'OutboxPage');
const MyArcheepPage = page(selfservice, 'MyArcheepPage');
const MyDataPage = page(selfservice, 'MyDataPage');
const MyGrievancesPage = page(selfservice, 'MyGrievancesPage');
const RequestsQueuePage = page(selfservice, 'RequestsQueuePage');
const GrievancesQueuePage = page(selfservice, 'GrievancesQueuePage');
const ComingSoonPage = lazy(async () => ({ default: (await modules()).ComingSoonPage }));

export function App() {
  return (
    <Routes>
      <Route path="/sign-in" element={<SignInPage />} />
      <Route
        element={
          <LazyPage>
            <Outlet />
          </LazyPage>
        }
      >
        <Route path="/verify" element={<VerifyPage />} />
        <Route path="/verify/:code" element={<VerifyPage />} />
        <Route path="/jobs" element={<BoardPage />} />
        <Route path="/jobs/employers/apply" element={<ApplyEmployerPage />} />
        <Route path="/open-data" element={<OpenDataPage />} />
      </Route>
      <Route
        element={
          <RequireSession>
            <AppLayout />
          </RequireSession>
        }
      >
        <Route index element={<HomePage />} />
        <Route path="change-password" element={<ChangePasswordPage />} />
        <Route path="my/courses" element={<MyCoursesPage />} />
        <Route path="my/courses/sessions/:id" element={<SessionApplyPage />} />
        <Route path="my/certificates" element={<MyCertificatesPage />} />
        <Route path="my/qualifications" element={<MyQualificationsPage />} />
        <Route path="check-in/:code" element={<CheckInPage />} />
        <Route path="training/curricula" element={<CurriculaPage />} />
        <Route path="registry" element={<PeoplePage />} />
        <Route path="registry/people/new" element={<PersonFormPage />} />
        <Route path="registry/people/:id" element={<PersonPage />} />
        <Route path="registry/people/:id/edit" element={<PersonFormPage />} />
        <Route path="registry/groups" element={<GroupsPage />} />
        <Route path="registry/groups/new" element={<GroupFormPage />} />
        <Route path="registry/groups/:id" element={<GroupPage />} />
        <Route path="registry/imports" element={<RegistryImportsPage />} />
        <Route path="registry/duplicates" element={<RegistryDuplicatesPage />} />
        <Route path="training" element={<SessionsPage />} />
        <Route path="training/sessions/new" element={<SessionFormPage />} />
        <Route path="training/sessions/:id" element={<SessionPage />} />
        <Route path="training/planning" element={<PlanningPage />} />
        <Route path="enterprise" element={<ProgrammesPage />} />
        <Route path="enterprise/programmes/:code" element={<ProgrammePage />} />
        <Route path="enterprise/groups/:id" element={<GroupEnterprisePage />} />
        <Route path="enterprise/groups/:id/visit" element={<VisitFormPage />} />
        <Route path="credentials" element={<CompetencyPage />} />
        <Route path="credentials/standards/:code" element={<StandardPage />} />
        <Route path="credentials/assessments/new" element={<AssessmentFormPage />} />
        <Route path="credentials/assessments/:id" element={<AssessmentPage />} />
        <Route path="credentials/keys" element={<IssuerKeysPage />} />
        <Route path="employment" element={<EmploymentPage />} />
        <Route path="employment/vacancies/new" element={<VacancyFormPage />} />
        <Route path="employment/vacancies/:id" element={<VacancyPage />} />
        <Route path="employment/people/:id" element={<PersonEmploymentPage />} />
        <Route path="employment/follow-ups" element={<FollowUpsPage />} />
        <Route path="employment/summary" element={<SummaryPage />} />
        <Route path="my/employment" element={<PersonEmploymentPage />} />
        <Route path="funding" element={<FundsPage />} />
        <Route path="funding/funds/new" element={<FundFormPage />} />
        <Route path="funding/funds/:id" element={<FundPage />} />
        <Route path="funding/funds/:id/apply" element={<ApplicationFormPage />} />
        <Route path="funding/funds/:id/import" element={<RepaymentImportPage />} />
        <Route path="funding/applications/:id" element={<ApplicationPage />} />
        <Route path="funding/loans/:id" element={<LoanPage />} />
        <Route path="funding/collections" element={<CollectionsPage />} />
        <Route path="funding/groups/:id" element={<GroupLoansPage />} />
        <Route path="my/loans" element={<MyLoansPage />} />
        <Route path="marketplace" element={<MarketplacePage />} />
        <Route path="marketplace/listings/:id" element={<ListingPage />} />
        <Route path="marketplace/listings/:listingId/edit" element={<ListingFormPage />} />
        <Route path="marketplace/groups/:id" element={<GroupShopPage />} />
        <Route path="marketplace/groups/:id/listings/new" element={<ListingFormPage />} />
        <Route path="marketplace/groups/:id/import" element={<SalesImportPage />} />
        <Route path="marketplace/partner" element={<PartnerPage />} />
        <Route path="my/shop" element={<MyShopPage />} />
        <Route path="monitoring" element={<MonitoringPage />} />
        <Route path="monitoring/reports" element={<ReportsPage />} />
        <Route path="monitoring/data-quality" element={<DataQualityPage />} />
        <Route path="my/notifications" element={<NotificationsPage />} />
        <Route path="notifications/outbox" element={<OutboxPage />} />
        <Route path="my/archeep" element={<MyArcheepPage />} />
        <Route path="my/data" element={<MyDataPage />} />
        <Route path="my/grievances" element={<MyGrievancesPage />} />
        <Route path="selfservice/requests" element={<RequestsQueuePage />} />
        <Route path="selfservice/grievances" element={<GrievancesQueuePage />} />
        {MODULES.filter((module) => !BUILT_MODULES.includes(module)).map((module) => (
          <Route key={module} path={module} element={<ComingSoonPage module={module} />} />
        ))}
        <Route path="areas" element={<AreasPage />} />
        <Route path="org" element={<OrgPage />} />
        <Route path="org/units/:code" element={<UnitPage />} />
        <Route path="users" element={<UsersPage />} />
        <Route path="users/:id" element={<UserPage />} />
        <Route path="account" element={<AccountPage />} />
        <Route path="register-self" element={<SelfRegistrationPage />} />
        <Route path="audit" element={<AuditPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
