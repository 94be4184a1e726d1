import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';

/** Monitoring's query keys, one tree: a fiscal year's overview, for the reader's area or one province. */
export const monitoringKeys = {
  all: ['monitoring'] as const,
  indicators: () => [...monitoringKeys.all, 'indicators'] as const,
  overview: (fiscalYear: number, province: string | undefined) => [...monitoringKeys.all, 'overview', fiscalYear, province ?? ''] as const,
  records: (indicator: string, fiscalYear: number, province: string | undefined) =>
    [...monitoringKeys.all, 'records', indicator, fiscalYear, province ?? ''] as const,
  breakdown: (indicator: string, fiscalYear: number, province: string | undefined) =>
    [...monitoringKeys.all, 'breakdown', indicator, fiscalYear, province ?? ''] as const,
  openData: () => [...monitoringKeys.all, 'open-data'] as const,
};

/** The indicators as data (names, units, sources); they change only with a release. */
export function useIndicators() {
  return useQuery({ queryKey: monitoringKeys.indicators(), staleTime: Infinity, queryFn: () => unwrap(api.GET('/api/monitoring/indicators')) });
}

/** A fiscal year's figures against targets, in the reader's area or one province of it. */
export function useOverview(fiscalYear: number, province?: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: monitoringKeys.overview(fiscalYear, province),
    enabled: options.enabled ?? true,
    queryFn: () => unwrap(api.GET('/api/monitoring/overview', { params: { query: { fiscalYear, province } } })),
  });
}

/** The records behind a province's number (placements), for readers allowed to see them. */
export function useRecords(indicator: string, fiscalYear: number, province: string | undefined, options: { enabled: boolean }) {
  return useQuery({
    queryKey: monitoringKeys.records(indicator, fiscalYear, province),
    enabled: options.enabled && Boolean(province),
    queryFn: () =>
      unwrap(
        api.GET('/api/monitoring/records', {
          params: { query: { indicator: indicator as 'employment.placed', fiscalYear, province: province!, limit: 200, offset: 0 } },
        }),
      ),
  });
}

/** One indicator by target group, and by district when a province is chosen, in the reader's area. */
export function useBreakdown(indicator: string, fiscalYear: number, province: string | undefined) {
  return useQuery({
    queryKey: monitoringKeys.breakdown(indicator, fiscalYear, province),
    queryFn: () => unwrap(api.GET('/api/monitoring/breakdown', { params: { query: { indicator: indicator as 'employment.placed', fiscalYear, province } } })),
  });
}

/** The open-data catalogue entry, its dictionary and resources (public). */
export function useOpenData() {
  return useQuery({ queryKey: monitoringKeys.openData(), queryFn: () => unwrap(api.GET('/api/open-data/monitoring')) });
}
