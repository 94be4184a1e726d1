import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { components, paths } from '../../api/schema';

export type Vacancy = components['schemas']['Vacancy'];
export type Referral = components['schemas']['Referral'];
export type FollowUp = components['schemas']['FollowUp'];
export type Reason = components['schemas']['MatchReason'];
export type BoardQuery = NonNullable<paths['/api/employment/board']['get']['parameters']['query']>;

/** Employment's query keys, one tree: every change refreshes what hangs under `all`. */
export const employmentKeys = {
  all: ['employment'] as const,
  board: (q: BoardQuery) => [...employmentKeys.all, 'board', q] as const,
  indicator: () => [...employmentKeys.all, 'indicator'] as const,
  employers: (status?: string) => [...employmentKeys.all, 'employers', status ?? ''] as const,
  myEmployer: () => [...employmentKeys.all, 'my-employer'] as const,
  vacancies: () => [...employmentKeys.all, 'vacancies'] as const,
  vacancy: (id: number) => [...employmentKeys.all, 'vacancy', id] as const,
  candidates: (id: number) => [...employmentKeys.vacancy(id), 'candidates'] as const,
  referrals: (id: number) => [...employmentKeys.vacancy(id), 'referrals'] as const,
  card: (personId: number | 'me') => [...employmentKeys.all, 'card', personId] as const,
  matches: (personId: number) => [...employmentKeys.all, 'matches', personId] as const,
  followUps: (overdue: boolean) => [...employmentKeys.all, 'follow-ups', overdue] as const,
  summary: (fy?: number) => [...employmentKeys.all, 'summary', fy ?? 0] as const,
};

export const useEmploymentRefresh = () => {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: employmentKeys.all });
};

export const useBoard = (query: BoardQuery) =>
  useQuery({
    queryKey: employmentKeys.board(query),
    placeholderData: keepPreviousData,
    queryFn: () => unwrap(api.GET('/api/employment/board', { params: { query } })),
  });
export const useIndicator = () => useQuery({ queryKey: employmentKeys.indicator(), queryFn: () => unwrap(api.GET('/api/employment/indicator')) });
export const useEmployers = (status?: 'pending' | 'verified' | 'rejected' | 'suspended', enabled = true) =>
  useQuery({
    queryKey: employmentKeys.employers(status),
    enabled,
    queryFn: () => unwrap(api.GET('/api/employment/employers', { params: { query: { status, limit: 100 } } })),
  });
export const useMyEmployer = (enabled: boolean) =>
  useQuery({ queryKey: employmentKeys.myEmployer(), enabled, queryFn: () => unwrap(api.GET('/api/employment/employers/mine')) });
export const useVacancies = () =>
  useQuery({ queryKey: employmentKeys.vacancies(), queryFn: () => unwrap(api.GET('/api/employment/vacancies', { params: { query: { limit: 100 } } })) });
export const useVacancy = (id: number) =>
  useQuery({ queryKey: employmentKeys.vacancy(id), queryFn: () => unwrap(api.GET('/api/employment/vacancies/{id}', { params: { path: { id } } })) });
export const useCandidates = (id: number, enabled: boolean) =>
  useQuery({
    queryKey: employmentKeys.candidates(id),
    enabled,
    queryFn: () => unwrap(api.GET('/api/employment/vacancies/{id}/candidates', { params: { path: { id }, query: { limit: 20 } } })),
  });
export const useReferrals = (id: number) =>
  useQuery({
    queryKey: employmentKeys.referrals(id),
    queryFn: () => unwrap(api.GET('/api/employment/vacancies/{id}/referrals', { params: { path: { id } } })),
  });
export const useCard = (personId: number | 'me') =>
  useQuery({
    queryKey: employmentKeys.card(personId),
    queryFn: () =>
      personId === 'me' ? unwrap(api.GET('/api/me/employment')) : unwrap(api.GET('/api/people/{personId}/employment', { params: { path: { personId } } })),
  });
export const useMatches = (personId: number, enabled: boolean) =>
  useQuery({
    queryKey: employmentKeys.matches(personId),
    enabled,
    queryFn: () => unwrap(api.GET('/api/people/{personId}/vacancies', { params: { path: { personId } } })),
  });
export const useFollowUps = (overdue: boolean) =>
  useQuery({
    queryKey: employmentKeys.followUps(overdue),
    queryFn: () => unwrap(api.GET('/api/employment/follow-ups', { params: { query: { overdue: overdue ? 'true' : undefined, limit: 200 } } })),
  });
export const useSummary = (fiscalYear?: number) =>
  useQuery({ queryKey: employmentKeys.summary(fiscalYear), queryFn: () => unwrap(api.GET('/api/employment/summary', { params: { query: { fiscalYear } } })) });
