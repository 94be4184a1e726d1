import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';

export type Fund = components['schemas']['Fund'];
export type FundDetail = components['schemas']['FundDetail'];
export type Application = components['schemas']['LoanApplication'];
export type Loan = components['schemas']['Loan'];
export type Payment = components['schemas']['LoanPayment'];
export type LoanStatus = Loan['status'];
export type Contact = components['schemas']['LoanContact'];
export type ReminderJob = components['schemas']['ReminderJob'];
export type ApplicationStatus = 'submitted' | 'recommended' | 'verified' | 'returned' | 'approved' | 'rejected' | 'withdrawn';

/**
 * Funding's query keys, one tree: a fund's key covers its dashboard, applications, flows and
 * ledger; a loan's key its schedule and payments; `portfolio` the collection queue and the ageing
 * of every fund (a repayment moves them all).
 */
export const fundingKeys = {
  all: ['funding'] as const,
  funds: () => [...fundingKeys.all, 'funds'] as const,
  fund: (id: number) => [...fundingKeys.all, 'fund', id] as const,
  applications: (fundId: number, status: string | undefined) => [...fundingKeys.fund(fundId), 'applications', status ?? ''] as const,
  application: (id: number) => [...fundingKeys.all, 'application', id] as const,
  fundLoans: (fundId: number, status: string | undefined) => [...fundingKeys.fund(fundId), 'loans', status ?? ''] as const,
  loan: (id: number) => [...fundingKeys.all, 'loan', id] as const,
  groupLoans: (groupId: number) => [...fundingKeys.all, 'group', groupId] as const,
  mine: () => [...fundingKeys.all, 'mine'] as const,
  portfolio: () => [...fundingKeys.all, 'portfolio'] as const,
  collections: () => [...fundingKeys.portfolio(), 'collections'] as const,
  ageing: () => [...fundingKeys.portfolio(), 'ageing'] as const,
  flows: () => [...fundingKeys.portfolio(), 'flows'] as const,
  segments: (fundId: number, by: string, curriculumCode: string | undefined) =>
    [...fundingKeys.portfolio(), 'segments', fundId, by, curriculumCode ?? ''] as const,
};

export function useFunds() {
  return useQuery({ queryKey: fundingKeys.funds(), queryFn: () => unwrap(api.GET('/api/funding/funds')) });
}
export function useFund(id: number, enabled = true) {
  return useQuery({
    queryKey: fundingKeys.fund(id),
    queryFn: () => unwrap(api.GET('/api/funding/funds/{id}', { params: { path: { id } } })),
    enabled,
  });
}
export function useApplications(fundId: number, status?: ApplicationStatus) {
  return useQuery({
    queryKey: fundingKeys.applications(fundId, status),
    queryFn: () => unwrap(api.GET('/api/funding/funds/{id}/applications', { params: { path: { id: fundId }, query: { status, limit: 200 } } })),
  });
}
export function useFundLoans(fundId: number, status?: LoanStatus) {
  return useQuery({
    queryKey: fundingKeys.fundLoans(fundId, status),
    queryFn: () => unwrap(api.GET('/api/funding/funds/{id}/loans', { params: { path: { id: fundId }, query: { status, limit: 200 } } })),
  });
}
export function useApplication(id: number) {
  return useQuery({
    queryKey: fundingKeys.application(id),
    queryFn: () => unwrap(api.GET('/api/funding/applications/{id}', { params: { path: { id } } })),
  });
}
export function useLoan(id: number) {
  return useQuery({ queryKey: fundingKeys.loan(id), queryFn: () => unwrap(api.GET('/api/funding/loans/{id}', { params: { path: { id } } })) });
}
export function useGroupLoans(groupId: number) {
  return useQuery({
    queryKey: fundingKeys.groupLoans(groupId),
    queryFn: () => unwrap(api.GET('/api/funding/groups/{groupId}/loans', { params: { path: { groupId } } })),
  });
}
export function useMyFunding() {
  return useQuery({ queryKey: fundingKeys.mine(), queryFn: () => unwrap(api.GET('/api/funding/my')) });
}
export function useCollections() {
  return useQuery({ queryKey: fundingKeys.collections(), queryFn: () => unwrap(api.GET('/api/funding/collections')) });
}
/** A reminder job's progress, asked again every second until it ends. */
export function useReminderJob(jobId: string | null) {
  return useQuery({
    queryKey: [...fundingKeys.portfolio(), 'reminders', jobId ?? ''],
    queryFn: () => unwrap(api.GET('/api/funding/reminders/{jobId}', { params: { path: { jobId: jobId! } } })),
    enabled: jobId !== null,
    refetchInterval: (q) => (q.state.data && ['succeeded', 'failed'].includes(q.state.data.status) ? false : 1000),
  });
}
export function useAgeing() {
  return useQuery({ queryKey: fundingKeys.ageing(), queryFn: () => unwrap(api.GET('/api/funding/reports/ageing')) });
}
/** PAR of a fund's loans by the group's type, or by whether a member completed a course. */
export function useParSegments(fundId: number, by: 'group-type' | 'course', curriculumCode: string | undefined) {
  return useQuery({
    queryKey: fundingKeys.segments(fundId, by, curriculumCode),
    queryFn: () => unwrap(api.GET('/api/funding/reports/par', { params: { query: { by, fundId, curriculumCode } } })),
    enabled: by === 'group-type' || Boolean(curriculumCode),
  });
}
export function useFlows() {
  return useQuery({ queryKey: fundingKeys.flows(), queryFn: () => unwrap(api.GET('/api/funding/reports/flows')) });
}

/** What a change touched: an application moves its fund's lists; money moves the loan, its fund and the portfolio. */
export function useFundingRefresh() {
  const client = useQueryClient();
  return {
    application: (id: number, fundId: number) =>
      Promise.all([
        client.invalidateQueries({ queryKey: fundingKeys.application(id) }),
        client.invalidateQueries({ queryKey: fundingKeys.fund(fundId) }),
        client.invalidateQueries({ queryKey: fundingKeys.funds() }),
        client.invalidateQueries({ queryKey: fundingKeys.mine() }),
      ]),
    money: (fundId: number, loanId?: number) =>
      Promise.all([
        ...(loanId ? [client.invalidateQueries({ queryKey: fundingKeys.loan(loanId) })] : []),
        client.invalidateQueries({ queryKey: fundingKeys.fund(fundId) }),
        client.invalidateQueries({ queryKey: fundingKeys.funds() }),
        client.invalidateQueries({ queryKey: fundingKeys.portfolio() }),
        client.invalidateQueries({ queryKey: [...fundingKeys.all, 'group'] }),
        client.invalidateQueries({ queryKey: fundingKeys.mine() }),
      ]),
    /** Reminders and contacts: the collection queue and the loans. */
    portfolio: () =>
      Promise.all([client.invalidateQueries({ queryKey: fundingKeys.collections() }), client.invalidateQueries({ queryKey: [...fundingKeys.all, 'loan'] })]),
  };
}
