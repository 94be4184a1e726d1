import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { components, paths } from '../../api/schema';

export type UsersQuery = NonNullable<paths['/api/users']['get']['parameters']['query']>;

/** Accounts' query keys: `users` covers every list, `user(id)` one account. */
export const userKeys = {
  all: ['users'] as const,
  list: (query: UsersQuery) => [...userKeys.all, 'list', query] as const,
  user: (id: string) => [...userKeys.all, 'user', id] as const,
};

export function useUsers(query: UsersQuery) {
  return useQuery({ queryKey: userKeys.list(query), placeholderData: keepPreviousData, queryFn: () => unwrap(api.GET('/api/users', { params: { query } })) });
}

export function useUser(id: string) {
  return useQuery({ queryKey: userKeys.user(id), queryFn: () => unwrap(api.GET('/api/users/{id}', { params: { path: { id } } })) });
}

/** An account was created or changed: show the change at once, and let the lists ask again. */
export function useUsersRefresh() {
  const client = useQueryClient();
  return {
    created: () => client.invalidateQueries({ queryKey: userKeys.all }),
    saved: (updated: components['schemas']['User']) => {
      // The one account's page also knows its second factor, which a change of roles or status keeps.
      client.setQueryData(userKeys.user(updated.id), (before: components['schemas']['UserDetail'] | undefined) =>
        before ? { ...before, ...updated } : undefined,
      );
      void client.invalidateQueries({ queryKey: userKeys.user(updated.id) });
      return client.invalidateQueries({ queryKey: userKeys.all, predicate: (q) => q.queryKey[1] === 'list' });
    },
  };
}
