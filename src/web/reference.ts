import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from './api/client';

/**
 * Reference data every feature reads (areas, agencies, target groups): fetched once, kept for the
 * visit, under one key tree.
 */
export const referenceKeys = {
  all: ['reference'] as const,
  regions: () => [...referenceKeys.all, 'regions'] as const,
  provinces: () => [...referenceKeys.all, 'provinces'] as const,
  districts: (provinceCode: string) => [...referenceKeys.all, 'districts', provinceCode] as const,
  subdistricts: (districtCode: string) => [...referenceKeys.all, 'subdistricts', districtCode] as const,
  agencies: () => [...referenceKeys.all, 'agencies'] as const,
  targetGroups: () => [...referenceKeys.all, 'target-groups'] as const,
};

export function useRegions() {
  return useQuery({ queryKey: referenceKeys.regions(), staleTime: Infinity, queryFn: () => unwrap(api.GET('/api/geo/regions')) });
}

/** The 77 provinces, fetched once: for names wherever a code is shown. */
export function useProvinces() {
  return useQuery({
    queryKey: referenceKeys.provinces(),
    staleTime: Infinity,
    queryFn: () => unwrap(api.GET('/api/geo/provinces', { params: { query: {} } })),
  });
}

/** A province's districts, once a province is chosen. */
export function useDistricts(provinceCode: string | null | undefined) {
  return useQuery({
    queryKey: referenceKeys.districts(provinceCode ?? ''),
    enabled: Boolean(provinceCode),
    staleTime: Infinity,
    queryFn: () => unwrap(api.GET('/api/geo/provinces/{code}/districts', { params: { path: { code: provinceCode! } } })),
  });
}

/** A district's sub-districts, once a district is chosen. */
export function useSubdistricts(districtCode: string | null | undefined) {
  return useQuery({
    queryKey: referenceKeys.subdistricts(districtCode ?? ''),
    enabled: Boolean(districtCode),
    staleTime: Infinity,
    queryFn: () => unwrap(api.GET('/api/geo/districts/{code}/subdistricts', { params: { path: { code: districtCode! } } })),
  });
}

export function useAgencies() {
  return useQuery({ queryKey: referenceKeys.agencies(), staleTime: Infinity, queryFn: () => unwrap(api.GET('/api/agencies')) });
}

export function useTargetGroups() {
  return useQuery({ queryKey: referenceKeys.targetGroups(), staleTime: Infinity, queryFn: () => unwrap(api.GET('/api/target-groups')) });
}

/** A name in the reader's language. */
export const nameOf = (item: { nameTh: string; nameEn: string } | undefined | null, language: string) =>
  item ? (language.startsWith('th') ? item.nameTh : item.nameEn) : '';
