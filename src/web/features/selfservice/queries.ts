import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';

/** Self-service's query keys, one tree. */
export const selfKeys = {
  all: ['selfservice'] as const,
  summary: () => [...selfKeys.all, 'summary'] as const,
  data: () => [...selfKeys.all, 'data'] as const,
  grievances: () => [...selfKeys.all, 'grievances'] as const,
  requestQueue: (status: string) => [...selfKeys.all, 'queue', 'requests', status] as const,
  grievanceQueue: (escalated: boolean) => [...selfKeys.all, 'queue', 'grievances', escalated] as const,
};

export const useSelfRefresh = () => {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: selfKeys.all });
};

export const useMySummary = () => useQuery({ queryKey: selfKeys.summary(), queryFn: () => unwrap(api.GET('/api/me/summary')) });
export const useMyData = () => useQuery({ queryKey: selfKeys.data(), queryFn: () => unwrap(api.GET('/api/me/data')) });
export const useMyGrievances = () => useQuery({ queryKey: selfKeys.grievances(), queryFn: () => unwrap(api.GET('/api/me/grievances')) });
export const useRequestQueue = (status: 'open' | 'applied' | 'refused' | undefined) =>
  useQuery({ queryKey: selfKeys.requestQueue(status ?? ''), queryFn: () => unwrap(api.GET('/api/pdpa-requests', { params: { query: { status } } })) });
export const useGrievanceQueue = (escalated: boolean) =>
  useQuery({
    queryKey: selfKeys.grievanceQueue(escalated),
    queryFn: () => unwrap(api.GET('/api/grievances', { params: { query: escalated ? { escalated: 'true' } : {} } })),
  });
