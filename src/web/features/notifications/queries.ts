import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';

export type Preferences = components['schemas']['NotificationPreferences'];
type Status = 'pending' | 'sending' | 'sent' | 'failed' | 'unknown' | 'skipped';

/** Notifications' query keys, one tree. */
export const notificationKeys = {
  all: ['notifications'] as const,
  inbox: () => [...notificationKeys.all, 'inbox'] as const,
  preferences: () => [...notificationKeys.all, 'preferences'] as const,
  outbox: (status: string) => [...notificationKeys.all, 'outbox', status] as const,
  detail: (id: number) => [...notificationKeys.all, 'outbox', 'detail', id] as const,
};

export const useInbox = () =>
  useQuery({ queryKey: notificationKeys.inbox(), queryFn: () => unwrap(api.GET('/api/me/notifications', { params: { query: { limit: 50 } } })) });

export const usePreferences = () => useQuery({ queryKey: notificationKeys.preferences(), queryFn: () => unwrap(api.GET('/api/me/notification-preferences')) });

export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => unwrap(api.POST('/api/me/notifications/{id}/read', { params: { path: { id } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: notificationKeys.inbox() }),
  });
}

export function useSavePreferences() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Pick<Preferences, 'language' | 'channels' | 'optedOut' | 'lineUserId' | 'phone' | 'email'>) =>
      unwrap(api.PUT('/api/me/notification-preferences', { body })),
    onSuccess: (data) => client.setQueryData(notificationKeys.preferences(), data),
  });
}

export const useOutbox = (status: Status | undefined) =>
  useQuery({
    queryKey: notificationKeys.outbox(status ?? ''),
    queryFn: () => unwrap(api.GET('/api/notifications/outbox', { params: { query: { status, limit: 100 } } })),
  });

export const useOutboxDetail = (id: number | null) =>
  useQuery({
    queryKey: notificationKeys.detail(id ?? 0),
    enabled: id !== null,
    queryFn: () => unwrap(api.GET('/api/notifications/outbox/{id}', { params: { path: { id: id! } } })),
  });

export function useRetry() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => unwrap(api.POST('/api/notifications/outbox/{id}/retry', { params: { path: { id } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}
