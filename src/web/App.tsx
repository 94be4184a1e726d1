import { Route, Routes } from 'react-router';
import { AppLayout } from './components/AppLayout';
import { NotFoundPage } from './components/NotFoundPage';
import { AuditPage } from './features/audit/AuditPage';
import { ChangePasswordPage } from './features/auth/ChangePasswordPage';
import { SignInPage } from './features/auth/SignInPage';
import { AreasPage } from './features/geo/AreasPage';
import { HomePage } from './features/home/HomePage';
import { ComingSoonPage, MODULES } from './features/modules/ComingSoonPage';
import { OrgPage } from './features/org/OrgPage';
import { UnitPage } from './features/org/UnitPage';
import { UserPage } from './features/users/UserPage';
import { UsersPage } from './features/users/UsersPage';
import { RequireSession } from './session';
import { VerifyPage } from './features/credentials/VerifyPage';
import { CompetencyPage } from './features/credentials/CompetencyPage';
import { StandardPage } from './features/credentials/StandardPage';
import { AssessmentFormPage } from './features/credentials/AssessmentFormPage';
import { AssessmentPage } from './features/credentials/AssessmentPage';
import { MyQualificationsPage } from './features/credentials/MyQualificationsPage';
import { IssuerKeysPage } from './features/credentials/IssuerKeysPage';
import { MyCoursesPage } from './features/training/MyCoursesPage';
import { SessionApplyPage } from './features/training/SessionApplyPage';
import { MyCertificatesPage } from './features/training/MyCertificatesPage';
import { CheckInPage } from './features/training/CheckInPage';
import { CurriculaPage } from './features/training/CurriculaPage';
import { PeoplePage } from './features/registry/PeoplePage';
import { PersonFormPage } from './features/registry/PersonFormPage';
import { PersonPage } from './features/registry/PersonPage';
import { GroupsPage } from './features/registry/GroupsPage';
import { GroupFormPage } from './features/registry/GroupFormPage';
import { GroupPage } from './features/registry/GroupPage';
import { RegistryImportsPage } from './features/registry/RegistryImportsPage';
import { RegistryDuplicatesPage } from './features/registry/RegistryDuplicatesPage';
import { SessionsPage } from './features/training/SessionsPage';
import { SessionFormPage } from './features/training/SessionFormPage';
import { SessionPage } from './features/training/SessionPage';
import { PlanningPage } from './features/training/PlanningPage';

export function App() {
  return (
    <Routes>
      <Route path="/sign-in" element={<SignInPage />} />
      <Route path="/verify" element={<VerifyPage />} />
      <Route path="/verify/:code" element={<VerifyPage />} />
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
        <Route path="credentials" element={<CompetencyPage />} />
        <Route path="credentials/standards/:code" element={<StandardPage />} />
        <Route path="credentials/assessments/new" element={<AssessmentFormPage />} />
        <Route path="credentials/assessments/:id" element={<AssessmentPage />} />
        <Route path="credentials/keys" element={<IssuerKeysPage />} />
        {MODULES.filter((module) => module !== 'registry' && module !== 'training' && module !== 'credentials').map((module) => (
          <Route key={module} path={module} element={<ComingSoonPage module={module} />} />
        ))}
        <Route path="areas" element={<AreasPage />} />
        <Route path="org" element={<OrgPage />} />
        <Route path="org/units/:code" element={<UnitPage />} />
        <Route path="users" element={<UsersPage />} />
        <Route path="users/:id" element={<UserPage />} />
        <Route path="audit" element={<AuditPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
