import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { monitoringKeys } from './queries';

const reportKeys = {
  reports: () => [...monitoringKeys.all, 'reports'] as const,
  quality: (province: string | undefined) => [...monitoringKeys.all, 'data-quality', province ?? ''] as const,
};

/** The reader's kept reports; polled while one is being made, so its progress moves. */
export function useReports() {
  return useQuery({
    queryKey: reportKeys.reports(),
    queryFn: () => unwrap(api.GET('/api/monitoring/reports', { params: { query: { limit: 30 } } })),
    refetchInterval: (q) => (q.state.data?.some((r) => r.status === 'queued' || r.status === 'running') ? 700 : false),
  });
}

export type ReportRequest = { period: 'month' | 'fiscal-year'; fiscalYear: number; month: number | null; area: string };

/** Starts a report (a job on the server); the list shows it at once and follows it. */
export function useStartReport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ReportRequest) => unwrap(api.POST('/api/monitoring/reports', { body })),
    onSuccess: () => client.invalidateQueries({ queryKey: reportKeys.reports() }),
  });
}

/** Per province of the reader's area, the records that lack what the indicators need. */
export function useDataQuality(province: string | undefined) {
  return useQuery({
    queryKey: reportKeys.quality(province),
    queryFn: () => unwrap(api.GET('/api/monitoring/data-quality', { params: { query: { province } } })),
  });
}
