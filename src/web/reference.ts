import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from './api/client';

/** The 77 provinces, fetched once: for names wherever a code is shown. */
export function useProvinces() {
  return useQuery({ queryKey: ['provinces'], queryFn: () => unwrap(api.GET('/api/geo/provinces', { params: { query: {} } })), staleTime: Infinity });
}

/** A name in the reader's language. */
export const nameOf = (item: { nameTh: string; nameEn: string } | undefined | null, language: string) =>
  item ? (language.startsWith('th') ? item.nameTh : item.nameEn) : '';
