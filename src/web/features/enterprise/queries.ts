import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';

/** Enterprise's query keys, one tree: a programme's key covers its funnel and late list; a group's covers its paths, products and visits. */
export const enterpriseKeys = {
  all: ['enterprise'] as const,
  programmes: () => [...enterpriseKeys.all, 'programmes'] as const,
  programme: (code: string) => [...enterpriseKeys.all, 'programme', code] as const,
  funnel: (code: string, province: string | undefined) => [...enterpriseKeys.programme(code), 'funnel', province ?? ''] as const,
  late: (code: string, province: string | undefined) => [...enterpriseKeys.programme(code), 'late', province ?? ''] as const,
  group: (id: number) => [...enterpriseKeys.all, 'group', id] as const,
  obstacles: () => [...enterpriseKeys.all, 'obstacles'] as const,
  expiring: () => [...enterpriseKeys.all, 'expiring'] as const,
  development: () => [...enterpriseKeys.all, 'development'] as const,
};

export function useProgrammes() {
  return useQuery({ queryKey: enterpriseKeys.programmes(), queryFn: () => unwrap(api.GET('/api/enterprise/programmes')) });
}
export function useProgramme(code: string) {
  return useQuery({
    queryKey: enterpriseKeys.programme(code),
    queryFn: () => unwrap(api.GET('/api/enterprise/programmes/{code}', { params: { path: { code } } })),
  });
}
export function useFunnel(code: string, province?: string) {
  return useQuery({
    queryKey: enterpriseKeys.funnel(code, province),
    queryFn: () => unwrap(api.GET('/api/enterprise/programmes/{code}/funnel', { params: { path: { code }, query: { province } } })),
  });
}
export function useLateList(code: string, province?: string) {
  return useQuery({
    queryKey: enterpriseKeys.late(code, province),
    queryFn: () => unwrap(api.GET('/api/enterprise/programmes/{code}/late', { params: { path: { code }, query: { province, limit: 100 } } })),
  });
}
export function useGroupEnterprise(id: number) {
  return useQuery({
    queryKey: enterpriseKeys.group(id),
    queryFn: () => unwrap(api.GET('/api/enterprise/groups/{groupId}', { params: { path: { groupId: id } } })),
  });
}
export function useObstacles() {
  return useQuery({ queryKey: enterpriseKeys.obstacles(), queryFn: () => unwrap(api.GET('/api/enterprise/obstacles')) });
}
export function useExpiring() {
  return useQuery({
    queryKey: enterpriseKeys.expiring(),
    queryFn: () => unwrap(api.GET('/api/enterprise/certifications/expiring', { params: { query: { within: 90 } } })),
  });
}
export function useDevelopmentSummary() {
  return useQuery({ queryKey: enterpriseKeys.development(), queryFn: () => unwrap(api.GET('/api/enterprise/development')) });
}

/** What a change touched: a group (its page) and every programme's dashboard. */
export function useEnterpriseRefresh() {
  const client = useQueryClient();
  return {
    group: (id: number) =>
      Promise.all([
        client.invalidateQueries({ queryKey: enterpriseKeys.group(id) }),
        client.invalidateQueries({ queryKey: [...enterpriseKeys.all, 'programme'] }),
      ]),
    all: () => client.invalidateQueries({ queryKey: enterpriseKeys.all }),
  };
}
