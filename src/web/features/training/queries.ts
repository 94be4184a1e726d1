import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { paths } from '../../api/schema';
import { registryKeys } from '../registry/queries';

export type SessionsQuery = NonNullable<paths['/api/training/sessions']['get']['parameters']['query']>;
export type CurriculaQuery = NonNullable<paths['/api/training/curricula']['get']['parameters']['query']>;
export type PlanQuery = NonNullable<paths['/api/training/planning']['get']['parameters']['query']>;

/**
 * Training's query keys, one tree: a session's key covers its roster, attendance sheets and
 * certificate jobs; `sessions` covers every list (the officers' and the citizens' open sessions);
 * `mine` is the signed-in citizen's own enrolments and credentials.
 */
export const trainingKeys = {
  all: ['training'] as const,
  curricula: (query: CurriculaQuery) => [...trainingKeys.all, 'curricula', query] as const,
  sessions: () => [...trainingKeys.all, 'sessions'] as const,
  sessionsList: (query: SessionsQuery) => [...trainingKeys.sessions(), 'list', query] as const,
  session: (id: number) => [...trainingKeys.all, 'session', id] as const,
  roster: (id: number) => [...trainingKeys.session(id), 'roster'] as const,
  attendance: (id: number, day: string) => [...trainingKeys.session(id), 'attendance', day] as const,
  certificateJob: (id: number, jobId: string) => [...trainingKeys.session(id), 'certificates', jobId] as const,
  plan: (query: PlanQuery) => [...trainingKeys.all, 'plan', query] as const,
  plans: () => [...trainingKeys.all, 'plan'] as const,
  mine: () => ['mine'] as const,
  myEnrolments: () => [...trainingKeys.mine(), 'enrolments'] as const,
  myCredentials: () => [...trainingKeys.mine(), 'credentials'] as const,
};

export function useCurricula(query: CurriculaQuery = {}) {
  return useQuery({
    queryKey: trainingKeys.curricula(query),
    staleTime: 5 * 60_000,
    queryFn: () => unwrap(api.GET('/api/training/curricula', { params: { query } })),
  });
}

/** A page of sessions (or the open ones a citizen may apply to); the last page stays while the next loads. */
export function useSessions(query: SessionsQuery) {
  return useQuery({
    queryKey: trainingKeys.sessionsList(query),
    placeholderData: keepPreviousData,
    queryFn: () => unwrap(api.GET('/api/training/sessions', { params: { query } })),
  });
}

export function useSession(id: number) {
  return useQuery({ queryKey: trainingKeys.session(id), queryFn: () => unwrap(api.GET('/api/training/sessions/{id}', { params: { path: { id } } })) });
}

/** Everyone enrolled or waitlisted in a session (a session holds at most 500 and a waitlist). */
export function useRoster(id: number) {
  return useQuery({
    queryKey: trainingKeys.roster(id),
    queryFn: () => unwrap(api.GET('/api/training/sessions/{id}/roster', { params: { path: { id }, query: { limit: 1000 } } })),
  });
}

export function useAttendance(id: number, day: string) {
  return useQuery({
    queryKey: trainingKeys.attendance(id, day),
    queryFn: () => unwrap(api.GET('/api/training/sessions/{id}/attendance/{day}', { params: { path: { id, day } } })),
  });
}

/** A bulk issue of certificates, asked again every 0.7 s while it is queued or running. */
export function useCertificateJob(id: number, jobId: string | null) {
  return useQuery({
    queryKey: trainingKeys.certificateJob(id, jobId ?? ''),
    enabled: Boolean(jobId),
    queryFn: () => unwrap(api.GET('/api/training/sessions/{id}/certificates/{jobId}', { params: { path: { id, jobId: jobId! } } })),
    refetchInterval: (q) => (q.state.data && ['queued', 'running'].includes(q.state.data.status) ? 700 : false),
  });
}

/** Labour demand against training supply, by province and category. */
export function usePlan(query: PlanQuery) {
  return useQuery({
    queryKey: trainingKeys.plan(query),
    placeholderData: keepPreviousData,
    queryFn: () => unwrap(api.GET('/api/training/planning', { params: { query } })),
  });
}

export function useMyEnrolments() {
  return useQuery({ queryKey: trainingKeys.myEnrolments(), queryFn: () => unwrap(api.GET('/api/my/enrolments')) });
}

/** The signed-in citizen's certificates and qualifications. */
export function useMyCredentials() {
  return useQuery({ queryKey: trainingKeys.myCredentials(), queryFn: () => unwrap(api.GET('/api/credentials/mine')) });
}

/** After a change, what to ask the server again. */
export function useTrainingRefresh() {
  const client = useQueryClient();
  return {
    /** A session changed (status, roster, attendance, results): it and all under it, the lists, and the people on it. */
    session: (id: number) =>
      Promise.all([
        client.invalidateQueries({ queryKey: trainingKeys.session(id) }),
        client.invalidateQueries({ queryKey: trainingKeys.sessions() }),
        client.invalidateQueries({ queryKey: registryKeys.all }),
      ]),
    /** The citizen applied, withdrew or checked in: her enrolments, the session and the open sessions' seat counts. */
    myEnrolment: (sessionId?: number) =>
      Promise.all([
        client.invalidateQueries({ queryKey: trainingKeys.mine() }),
        client.invalidateQueries({ queryKey: trainingKeys.sessions() }),
        sessionId === undefined ? null : client.invalidateQueries({ queryKey: trainingKeys.session(sessionId) }),
      ]),
    /** New labour demand was imported. */
    plans: () => client.invalidateQueries({ queryKey: trainingKeys.plans() }),
  };
}
