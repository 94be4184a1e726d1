import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { components, paths } from '../../api/schema';

export type UnitsQuery = NonNullable<paths['/api/units']['get']['parameters']['query']>;

/** Units' query keys: `units` covers every list and picker, `unit(code)` one unit. */
export const orgKeys = {
  all: ['org'] as const,
  units: () => [...orgKeys.all, 'units'] as const,
  unitsList: (query: UnitsQuery) => [...orgKeys.units(), 'list', query] as const,
  unit: (code: string) => [...orgKeys.all, 'unit', code] as const,
};

/** A page of units (or the options of a unit picker); the last page stays while the next loads. */
export function useUnits(query: UnitsQuery, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: orgKeys.unitsList(query),
    enabled: options.enabled ?? true,
    placeholderData: keepPreviousData,
    queryFn: () => unwrap(api.GET('/api/units', { params: { query } })),
  });
}

export function useUnit(code: string) {
  return useQuery({ queryKey: orgKeys.unit(code), queryFn: () => unwrap(api.GET('/api/units/{code}', { params: { path: { code } } })) });
}

/** A unit's contact details were saved: show them at once, and let the lists ask again. */
export function useUnitSaved() {
  const client = useQueryClient();
  return (updated: components['schemas']['Unit']) => {
    client.setQueryData(orgKeys.unit(updated.code), updated);
    void client.invalidateQueries({ queryKey: orgKeys.units() });
  };
}
