import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';

export type Listing = components['schemas']['Listing'];
export type GroupChannels = components['schemas']['GroupChannels'];
export type ChannelAccount = GroupChannels['channels'][number];
export type GroupSales = components['schemas']['GroupSales'];
export type ListingStatus = Listing['status'];
export type Channel = ChannelAccount['channel'];
export type SalesChannel = GroupSales['reports'][number]['channel'];
export type FeedFormat = 'lazada' | 'meta' | 'google';

/**
 * The marketplace's query keys, one tree: a group's key covers its listings, products, channels,
 * feeds and sales; `queue` the officer's listing queue; a listing's key its own page; `partner`
 * the advisor's groups; `summary` the sales charts.
 */
export const marketplaceKeys = {
  all: ['marketplace'] as const,
  mine: () => [...marketplaceKeys.all, 'mine'] as const,
  queue: (status: ListingStatus) => [...marketplaceKeys.all, 'queue', status] as const,
  listing: (id: number) => [...marketplaceKeys.all, 'listing', id] as const,
  group: (groupId: number) => [...marketplaceKeys.all, 'group', groupId] as const,
  groupListings: (groupId: number) => [...marketplaceKeys.group(groupId), 'listings'] as const,
  groupProducts: (groupId: number) => [...marketplaceKeys.group(groupId), 'products'] as const,
  channels: (groupId: number) => [...marketplaceKeys.group(groupId), 'channels'] as const,
  sales: (groupId: number) => [...marketplaceKeys.group(groupId), 'sales'] as const,
  feed: (groupId: number, format: FeedFormat) => [...marketplaceKeys.group(groupId), 'feed', format] as const,
  partner: () => [...marketplaceKeys.all, 'partner'] as const,
  summary: (fiscalYear: number | undefined) => [...marketplaceKeys.all, 'summary', fiscalYear ?? 0] as const,
};

export function useMyShops() {
  return useQuery({ queryKey: marketplaceKeys.mine(), queryFn: () => unwrap(api.GET('/api/marketplace/my')) });
}
export function useQueue(status: ListingStatus) {
  return useQuery({
    queryKey: marketplaceKeys.queue(status),
    queryFn: () => unwrap(api.GET('/api/marketplace/listings', { params: { query: { status, limit: 200 } } })),
  });
}
export function useListing(id: number) {
  return useQuery({
    queryKey: marketplaceKeys.listing(id),
    queryFn: () => unwrap(api.GET('/api/marketplace/listings/{id}', { params: { path: { id } } })),
    enabled: id > 0,
  });
}
export function useGroupListings(groupId: number) {
  return useQuery({
    queryKey: marketplaceKeys.groupListings(groupId),
    queryFn: () => unwrap(api.GET('/api/marketplace/groups/{groupId}/listings', { params: { path: { groupId } } })),
  });
}
export function useGroupProducts(groupId: number) {
  return useQuery({
    queryKey: marketplaceKeys.groupProducts(groupId),
    queryFn: () => unwrap(api.GET('/api/marketplace/groups/{groupId}/products', { params: { path: { groupId } } })),
    enabled: groupId > 0,
  });
}
export function useChannels(groupId: number) {
  return useQuery({
    queryKey: marketplaceKeys.channels(groupId),
    queryFn: () => unwrap(api.GET('/api/marketplace/groups/{groupId}/channels', { params: { path: { groupId } } })),
  });
}
export function useGroupSales(groupId: number) {
  return useQuery({
    queryKey: marketplaceKeys.sales(groupId),
    queryFn: () => unwrap(api.GET('/api/marketplace/groups/{groupId}/sales', { params: { path: { groupId } } })),
  });
}
/** A channel feed, fetched when asked for (it builds every product's document). */
export function useFeed(groupId: number, format: FeedFormat, enabled: boolean) {
  return useQuery({
    queryKey: marketplaceKeys.feed(groupId, format),
    queryFn: () => unwrap(api.GET('/api/marketplace/groups/{groupId}/feeds/{format}', { params: { path: { groupId, format } } })),
    enabled,
  });
}
export function usePartnerGroups() {
  return useQuery({ queryKey: marketplaceKeys.partner(), queryFn: () => unwrap(api.GET('/api/marketplace/partner/groups')) });
}
export function useSalesSummary(fiscalYear?: number) {
  return useQuery({
    queryKey: marketplaceKeys.summary(fiscalYear),
    queryFn: () => unwrap(api.GET('/api/marketplace/sales/summary', { params: { query: { fiscalYear } } })),
  });
}

/** What a change touched: a listing moves its page, its group and the queue; a group's channels or sales move the group, the partner's list and the charts. */
export function useMarketplaceRefresh() {
  const client = useQueryClient();
  return {
    listing: (id: number, groupId: number) =>
      Promise.all([
        client.invalidateQueries({ queryKey: marketplaceKeys.listing(id) }),
        client.invalidateQueries({ queryKey: marketplaceKeys.group(groupId) }),
        client.invalidateQueries({ queryKey: [...marketplaceKeys.all, 'queue'] }),
      ]),
    group: (groupId: number) =>
      Promise.all([
        client.invalidateQueries({ queryKey: marketplaceKeys.group(groupId) }),
        client.invalidateQueries({ queryKey: marketplaceKeys.partner() }),
        client.invalidateQueries({ queryKey: [...marketplaceKeys.all, 'summary'] }),
      ]),
  };
}
