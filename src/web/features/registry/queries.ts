import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { paths } from '../../api/schema';

export type PeopleQuery = NonNullable<paths['/api/people']['get']['parameters']['query']>;
export type GroupsQuery = NonNullable<paths['/api/groups']['get']['parameters']['query']>;
type ImportErrorsPhase = NonNullable<paths['/api/registry/imports/{id}/errors']['get']['parameters']['query']>['phase'];

/**
 * The registry's query keys, one tree: invalidating a branch refreshes everything under it (a
 * person's key covers her timeline, identity, credentials and experience; `people` covers every
 * list, count and picker of people). Other features hang person-scoped queries under `person(id)`.
 */
export const registryKeys = {
  all: ['registry'] as const,
  people: () => [...registryKeys.all, 'people'] as const,
  peopleList: (query: PeopleQuery) => [...registryKeys.people(), 'list', query] as const,
  peopleStats: () => [...registryKeys.people(), 'stats'] as const,
  duplicates: () => [...registryKeys.people(), 'duplicates'] as const,
  person: (id: number) => [...registryKeys.all, 'person', id] as const,
  personTimeline: (id: number) => [...registryKeys.person(id), 'timeline'] as const,
  personIdentity: (id: number) => [...registryKeys.person(id), 'identity'] as const,
  groups: () => [...registryKeys.all, 'groups'] as const,
  groupsList: (query: GroupsQuery) => [...registryKeys.groups(), 'list', query] as const,
  group: (id: number) => [...registryKeys.all, 'group', id] as const,
  groupTimeline: (id: number) => [...registryKeys.group(id), 'timeline'] as const,
  imports: () => [...registryKeys.all, 'imports'] as const,
  import: (id: string) => [...registryKeys.imports(), id] as const,
  importErrors: (id: string, phase: ImportErrorsPhase, status: string | undefined) => [...registryKeys.import(id), 'errors', phase, status] as const,
};

/** A page of people matching a search; the last page stays on screen while the next loads. */
export function usePeople(query: PeopleQuery, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: registryKeys.peopleList(query),
    enabled: options.enabled ?? true,
    placeholderData: keepPreviousData,
    queryFn: () => unwrap(api.GET('/api/people', { params: { query } })),
  });
}

/** Counts by province and target group, for the registry's overview. */
export function usePeopleStats() {
  return useQuery({ queryKey: registryKeys.peopleStats(), staleTime: 60_000, queryFn: () => unwrap(api.GET('/api/people/stats')) });
}

export function useDuplicates() {
  return useQuery({ queryKey: registryKeys.duplicates(), queryFn: () => unwrap(api.GET('/api/people/duplicates', { params: { query: { limit: 50 } } })) });
}

export function usePerson(id: number, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: registryKeys.person(id),
    enabled: options.enabled ?? true,
    queryFn: () => unwrap(api.GET('/api/people/{id}', { params: { path: { id } } })),
  });
}

export function usePersonTimeline(id: number) {
  return useQuery({ queryKey: registryKeys.personTimeline(id), queryFn: () => unwrap(api.GET('/api/people/{id}/timeline', { params: { path: { id } } })) });
}

/** The unmasked identity document (its reading is audited): only when the form asks for it. */
export function usePersonIdentity(id: number, options: { enabled: boolean }) {
  return useQuery({
    queryKey: registryKeys.personIdentity(id),
    enabled: options.enabled,
    queryFn: () => unwrap(api.GET('/api/people/{id}/identity', { params: { path: { id }, query: { reason: 'แก้ไขระเบียน (editing the record)' } } })),
  });
}

export function useGroups(query: GroupsQuery, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: registryKeys.groupsList(query),
    enabled: options.enabled ?? true,
    placeholderData: keepPreviousData,
    queryFn: () => unwrap(api.GET('/api/groups', { params: { query } })),
  });
}

export function useGroup(id: number) {
  return useQuery({ queryKey: registryKeys.group(id), queryFn: () => unwrap(api.GET('/api/groups/{id}', { params: { path: { id } } })) });
}

export function useGroupTimeline(id: number) {
  return useQuery({ queryKey: registryKeys.groupTimeline(id), queryFn: () => unwrap(api.GET('/api/groups/{id}/timeline', { params: { path: { id } } })) });
}

/** The signed-in officer's recent imports. */
export function useImports() {
  return useQuery({ queryKey: registryKeys.imports(), queryFn: () => unwrap(api.GET('/api/registry/imports')) });
}

/** One import, asked again every 0.7 s while the server is still reading or writing it. */
export function useImport(id: string | null) {
  return useQuery({
    queryKey: registryKeys.import(id ?? ''),
    enabled: Boolean(id),
    queryFn: () => unwrap(api.GET('/api/registry/imports/{id}', { params: { path: { id: id! } } })),
    refetchInterval: (q) => (q.state.data && ['validating', 'importing'].includes(q.state.data.status) ? 700 : false),
  });
}

/** A page of an import's row problems (errors or warnings) of a phase, once it has been checked or finished. */
export function useImportErrors(
  id: string | null,
  phase: ImportErrorsPhase,
  status: string | undefined,
  page: { severity: 'error' | 'warning'; offset: number; limit: number },
) {
  return useQuery({
    queryKey: [...registryKeys.importErrors(id ?? '', phase, status), page.severity, page.offset] as const,
    enabled: Boolean(id && status && ['validated', 'completed'].includes(status)),
    queryFn: () =>
      unwrap(
        api.GET('/api/registry/imports/{id}/errors', {
          params: { path: { id: id! }, query: { phase, severity: page.severity, limit: page.limit, offset: page.offset } },
        }),
      ),
  });
}

/** After a change, what to ask the server again: each names the branch of keys the change touched. */
export function useRegistryRefresh() {
  const client = useQueryClient();
  return {
    /** A person changed: her record and all under it, and every list and count of people. */
    person: (id: number) =>
      Promise.all([client.invalidateQueries({ queryKey: registryKeys.person(id) }), client.invalidateQueries({ queryKey: registryKeys.people() })]),
    /** People were added or merged: every list, count and picker. */
    people: () => client.invalidateQueries({ queryKey: registryKeys.people() }),
    /** A group changed: its record and timeline, and the lists of groups. */
    group: (id: number) =>
      Promise.all([client.invalidateQueries({ queryKey: registryKeys.group(id) }), client.invalidateQueries({ queryKey: registryKeys.groups() })]),
    groups: () => client.invalidateQueries({ queryKey: registryKeys.groups() }),
    /** An import moved on: the list of imports; a finished one also changed people and groups. */
    imports: () => client.invalidateQueries({ queryKey: registryKeys.imports() }),
    afterImport: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: registryKeys.imports() }),
        client.invalidateQueries({ queryKey: registryKeys.people() }),
        client.invalidateQueries({ queryKey: registryKeys.groups() }),
      ]),
  };
}
