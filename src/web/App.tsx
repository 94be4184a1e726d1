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

export function App() {
  return (
    <Routes>
      <Route path="/sign-in" element={<SignInPage />} />
      <Route
        element={
          <RequireSession>
            <AppLayout />
          </RequireSession>
        }
      >
        <Route index element={<HomePage />} />
        <Route path="change-password" element={<ChangePasswordPage />} />
        {MODULES.map((module) => (
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
