/**
 * The coded cells of the registry's imports (title, sex, target groups, education, …) and how a
 * cell's words become a code: the reference value's names and synonyms (`shared/reference-match`),
 * then what an officer of the unit mapped by hand before (the value-mapping step, remembered per
 * unit). A value that matches neither is "unmatched": listed with its count after upload, for the
 * officer to map to a reference value or to "leave empty".
 */

import {
  DISABILITY_TYPES,
  DOCUMENT_TYPES,
  EDUCATION_LEVELS,
  GROUP_TYPES,
  MEMBER_ROLES,
  OCCUPATION_CATEGORIES,
  SEXES,
  TITLES,
  WORK_STATUSES,
} from '../../../../shared/person-fields';
import { createMatcher, referenceKey, type ReferenceMatcher, type ReferenceValue } from '../../../../shared/reference-match';
import type { ImportKind } from './columns';

/** The coded columns of each kind of file; target groups come from the org module's reference data. */
export const VALUE_FIELDS: Record<ImportKind, readonly string[]> = {
  people: ['doc_type', 'title', 'sex', 'target_groups', 'disability_type', 'education', 'work_status'],
  groups: ['group_type', 'occupation', 'member_role'],
};

/** Cells that hold several values (target groups: "สตรี;คนยากจน"). */
export const MULTI_VALUE_FIELDS = new Set(['target_groups']);
export const splitValues = (text: string) =>
  text
    .split(/[;|,\n]/)
    .map((t) => t.trim())
    .filter(Boolean);

const FIXED: Record<string, readonly ReferenceValue[]> = {
  doc_type: DOCUMENT_TYPES,
  title: TITLES,
  sex: SEXES,
  disability_type: DISABILITY_TYPES,
  education: EDUCATION_LEVELS,
  work_status: WORK_STATUSES,
  group_type: GROUP_TYPES,
  occupation: OCCUPATION_CATEGORIES,
  member_role: MEMBER_ROLES,
};

/** The reference values a field's cells may name. */
export function referenceValues(field: string, targetGroups: readonly ReferenceValue[]): readonly ReferenceValue[] {
  return field === 'target_groups' ? targetGroups : (FIXED[field] ?? []);
}

/** A remembered mapping's key: the field and the value's matching key. */
export const rememberedKey = (field: string, text: string) => `${field}\u0000${referenceKey(text)}`;

/**
 * What a cell names: a code, `null` when an officer mapped it to "leave empty", `undefined` when
 * it names nothing known.
 */
export type ValueResolver = (field: string, text: string) => string | null | undefined;

export function valueResolver(targetGroups: readonly ReferenceValue[], remembered: ReadonlyMap<string, string | null> = new Map()): ValueResolver {
  const matchers = new Map<string, ReferenceMatcher>();
  const matcher = (field: string) => {
    let m = matchers.get(field);
    if (!m) matchers.set(field, (m = createMatcher(referenceValues(field, targetGroups))));
    return m;
  };
  return (field, text) => {
    const code = matcher(field).match(text);
    if (code !== null) return code;
    const key = rememberedKey(field, text);
    return remembered.has(key) ? remembered.get(key)! : undefined;
  };
}

/** A distinct value of a coded column that matched no reference value, and how often it occurs. */
export interface UnmatchedValue {
  field: string;
  value: string;
  count: number;
}

/** Distinct values kept per field: a file with more is mis-mapped, not a list to go through by hand. */
const MAX_PER_FIELD = 200;

/** Collects the unmatched values of a file's coded columns as its rows go by. */
export function unmatchedCollector(kind: ImportKind, mapping: Record<string, number>, targetGroups: readonly ReferenceValue[]) {
  const resolve = valueResolver(targetGroups);
  const fields = VALUE_FIELDS[kind].filter((f) => mapping[f] !== undefined);
  const found = new Map<string, UnmatchedValue>();
  const perField = new Map<string, number>();
  return {
    add(cells: readonly string[]) {
      for (const field of fields) {
        const cell = (cells[mapping[field]!] ?? '').trim();
        if (!cell) continue;
        for (const text of MULTI_VALUE_FIELDS.has(field) ? splitValues(cell) : [cell]) {
          if (resolve(field, text) !== undefined) continue;
          const key = rememberedKey(field, text);
          const known = found.get(key);
          if (known) known.count++;
          else if ((perField.get(field) ?? 0) < MAX_PER_FIELD) {
            found.set(key, { field, value: text, count: 1 });
            perField.set(field, (perField.get(field) ?? 0) + 1);
          }
        }
      }
    },
    result: (): UnmatchedValue[] => [...found.values()].sort((a, b) => a.field.localeCompare(b.field) || b.count - a.count),
  };
}
