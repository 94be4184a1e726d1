import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { api, ApiProblem, unwrap } from './api/client';
import type { components } from './api/schema';
import { PageLoader } from './components/PageLoader';

export type Me = components['schemas']['Me'];
export type Role = Me['roles'][number]['role'];

/** The signed-in account's query key; signing out clears every other query too. */
export const meKey = ['me'] as const;

/** The signed-in account, or null when nobody is signed in. */
export function useMe() {
  return useQuery({
    queryKey: meKey,
    queryFn: async (): Promise<Me | null> => {
      try {
        return await unwrap(api.GET('/api/auth/me'));
      } catch (error) {
        if (error instanceof ApiProblem && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 60_000,
  });
}

export function useSetMe() {
  const client = useQueryClient();
  return (me: Me | null) => {
    if (me === null) client.clear();
    client.setQueryData(meKey, me);
  };
}

export const hasRole = (me: Me | null | undefined, ...roles: Role[]) => Boolean(me?.roles.some((r) => roles.includes(r.role)));

/** Shows its children to a signed-in person who has replaced any one-time password. */
export function RequireSession({ children }: { children: ReactNode }) {
  const { data: me, isPending } = useMe();
  const location = useLocation();
  if (isPending) {
    return <PageLoader height="60vh" />;
  }
  if (!me) return <Navigate to="/sign-in" replace state={{ from: location.pathname }} />;
  if (me.mustChangePassword && location.pathname !== '/change-password') return <Navigate to="/change-password" replace state={{ from: location.pathname }} />;
  // A role requires a second factor not yet set up (issue 21): the account page is the only way on.
  if (me.mustEnrolSecondFactor && location.pathname !== '/account') return <Navigate to="/account" replace />;
  return <>{children}</>;
}
