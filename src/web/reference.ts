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
  areaSearch: (q: string) => [...referenceKeys.all, 'area-search', q] as const,
  provinceShapes: () => [...referenceKeys.all, 'province-shapes'] as const,
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

/** Areas whose Thai or English name matches, at every level. */
export function useAreaSearch(q: string) {
  return useQuery({
    queryKey: referenceKeys.areaSearch(q),
    enabled: q.length > 0,
    queryFn: () => unwrap(api.GET('/api/geo/search', { params: { query: { q, limit: 20 } } })),
  });
}

/** The provinces' outlines (GeoJSON, served by the API from the shipped data set), for the map. */
export function useProvinceShapes<Feature>() {
  return useQuery({
    queryKey: referenceKeys.provinceShapes(),
    staleTime: Infinity,
    queryFn: async () => (await unwrap(api.GET('/api/geo/provinces.geojson'))) as unknown as { features: Feature[] },
  });
}

/** A name in the reader's language. */
export const nameOf = (item: { nameTh: string; nameEn: string } | undefined | null, language: string) =>
  item ? (language.startsWith('th') ? item.nameTh : item.nameEn) : '';
