import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';

/** The audit trail's query keys: `status` is the seal's state. */
export const auditKeys = {
  all: ['audit'] as const,
  status: () => [...auditKeys.all, 'status'] as const,
};

/** The sealed chain's head, the events waiting for their seal and the seal's lag; asked again every 10 s. */
export function useAuditStatus() {
  return useQuery({ queryKey: auditKeys.status(), refetchInterval: 10_000, queryFn: () => unwrap(api.GET('/api/audit/status')) });
}
