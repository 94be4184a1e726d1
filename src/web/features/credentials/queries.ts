import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { components, paths } from '../../api/schema';
import { registryKeys } from '../registry/queries';

export type EligibleQuery = NonNullable<paths['/api/competency/standards/{code}/eligible']['get']['parameters']['query']>;
export type AssessmentsQuery = NonNullable<paths['/api/assessments']['get']['parameters']['query']>;

/**
 * Competency's query keys, one tree: a standard's key covers its eligible list and summary; an
 * assessment's covers nothing else, and `assessments` covers every list of them. A person's
 * credentials and experience hang under the registry's person key, so a change to her refreshes them.
 */
export const credentialKeys = {
  all: ['credentials'] as const,
  standards: () => [...credentialKeys.all, 'standards'] as const,
  standard: (code: string) => [...credentialKeys.standards(), code] as const,
  eligible: (code: string) => [...credentialKeys.standard(code), 'eligible'] as const,
  eligibleList: (code: string, query: EligibleQuery) => [...credentialKeys.eligible(code), 'list', query] as const,
  eligibleSummary: (code: string) => [...credentialKeys.eligible(code), 'summary'] as const,
  assessments: () => [...credentialKeys.all, 'assessments'] as const,
  assessmentsList: (query: AssessmentsQuery) => [...credentialKeys.assessments(), 'list', query] as const,
  assessment: (id: number) => [...credentialKeys.assessments(), id] as const,
  assessors: () => [...credentialKeys.all, 'assessors'] as const,
  centres: () => [...credentialKeys.all, 'assessment-centres'] as const,
  issuerKeys: (agencyCode: string) => [...credentialKeys.all, 'issuer-keys', agencyCode] as const,
  personCredentials: (personId: number) => [...registryKeys.person(personId), 'credentials'] as const,
  personExperience: (personId: number) => [...registryKeys.person(personId), 'experience'] as const,
  myAssessments: () => ['mine', 'assessments'] as const,
  verification: (code: string) => ['verify', code] as const,
};

export function useStandards(options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: credentialKeys.standards(),
    enabled: options.enabled ?? true,
    staleTime: 5 * 60_000,
    queryFn: () => unwrap(api.GET('/api/competency/standards')),
  });
}

export function useStandard(code: string) {
  return useQuery({
    queryKey: credentialKeys.standard(code),
    staleTime: 5 * 60_000,
    queryFn: () => unwrap(api.GET('/api/competency/standards/{code}', { params: { path: { code } } })),
  });
}

/** Who may be assessed against a standard, a page at a time. */
export function useEligible(code: string, query: EligibleQuery) {
  return useQuery({
    queryKey: credentialKeys.eligibleList(code, query),
    placeholderData: keepPreviousData,
    queryFn: () => unwrap(api.GET('/api/competency/standards/{code}/eligible', { params: { path: { code }, query } })),
  });
}

/** The eligible's standing, province by province. */
export function useEligibleSummary(code: string) {
  return useQuery({
    queryKey: credentialKeys.eligibleSummary(code),
    queryFn: () => unwrap(api.GET('/api/competency/standards/{code}/eligible/summary', { params: { path: { code } } })),
  });
}

export function useAssessments(query: AssessmentsQuery, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: credentialKeys.assessmentsList(query),
    enabled: options.enabled ?? true,
    placeholderData: keepPreviousData,
    queryFn: () => unwrap(api.GET('/api/assessments', { params: { query } })),
  });
}

export function useAssessment(id: number) {
  return useQuery({ queryKey: credentialKeys.assessment(id), queryFn: () => unwrap(api.GET('/api/assessments/{id}', { params: { path: { id } } })) });
}

export function useAssessors() {
  return useQuery({ queryKey: credentialKeys.assessors(), queryFn: () => unwrap(api.GET('/api/assessments/assessors')) });
}

export function useAssessmentCentres() {
  return useQuery({
    queryKey: credentialKeys.centres(),
    staleTime: 5 * 60_000,
    queryFn: () => unwrap(api.GET('/api/units', { params: { query: { kind: 'assessment-centre', limit: 200 } } })),
  });
}

export function useIssuerKeys(agencyCode: string | null) {
  return useQuery({
    queryKey: credentialKeys.issuerKeys(agencyCode ?? ''),
    enabled: Boolean(agencyCode),
    queryFn: () => unwrap(api.GET('/api/credentials/issuers/{agencyCode}/keys', { params: { path: { agencyCode: agencyCode! } } })),
  });
}

export function usePersonCredentials(personId: number, options: { enabled: boolean }) {
  return useQuery({
    queryKey: credentialKeys.personCredentials(personId),
    enabled: options.enabled,
    queryFn: () => unwrap(api.GET('/api/people/{personId}/credentials', { params: { path: { personId } } })),
  });
}

/** Prior experience an officer recorded; a reader without the right gets a refusal, not retried. */
export function usePersonExperience(personId: number) {
  return useQuery({
    queryKey: credentialKeys.personExperience(personId),
    retry: false,
    queryFn: () => unwrap(api.GET('/api/people/{personId}/experience', { params: { path: { personId } } })),
  });
}

export function useMyAssessments() {
  return useQuery({ queryKey: credentialKeys.myAssessments(), queryFn: () => unwrap(api.GET('/api/assessments/mine')) });
}

/** The public check of a credential code; an unknown code is an answer, not a fault to retry. */
export function useVerification(code: string) {
  return useQuery({
    queryKey: credentialKeys.verification(code),
    enabled: code.length > 0,
    retry: false,
    queryFn: () => unwrap(api.GET('/api/verify/{code}', { params: { path: { code } } })),
  });
}

/** After a change, what to ask the server again. */
export function useCredentialsRefresh() {
  const client = useQueryClient();
  const invalidate = (queryKey: readonly unknown[]) => client.invalidateQueries({ queryKey });
  return {
    /** An assessment changed (created, referred, decided): it, every list of them, and who stands where. */
    assessment: (event?: components['schemas']['AssessmentEvent']) => {
      if (event) client.setQueryData(credentialKeys.assessment(event.id), event);
      return Promise.all([invalidate(credentialKeys.assessments()), invalidate(credentialKeys.standards())]);
    },
    /** People were referred from a standard's eligible list. */
    referred: (code: string) => Promise.all([invalidate(credentialKeys.eligible(code)), invalidate(credentialKeys.assessments())]),
    /** A person's credential was issued or revoked, or her experience recorded: her record and everyone's standing. */
    person: (personId: number) => Promise.all([invalidate(registryKeys.person(personId)), invalidate(credentialKeys.standards())]),
    issuerKeys: (agencyCode: string, keys: components['schemas']['IssuerKey'][]) => client.setQueryData(credentialKeys.issuerKeys(agencyCode), keys),
  };
}
