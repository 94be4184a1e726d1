/**
 * What each module declares about the data it owns: its tables (no other module names them in
 * SQL) and every column that points at a person or an occupation group, with what a merge and an
 * erasure do to the rows. The registry runs merges and erasures from these declarations alone, and
 * `test/architecture.test.ts` checks them against the code and the database catalogue.
 */

/** Text shown to people, Thai first. */
export interface Bilingual {
  en: string;
  th: string;
}

/** A value an erasure writes: a constant, the moment of erasure, or either only where the column is still empty. */
export type EraseValue = string | number | boolean | null | { now: true } | { ifNull: string | { now: true } };

/** The moment the erasure runs (a `timestamptz`). */
export const NOW = { now: true } as const;
/** Keeps a value already there (an earlier revocation's date), and writes `value` only where there is none. */
export const ifNull = (value: string | { now: true }) => ({ ifNull: value });

/**
 * What a merge does with the duplicate's rows: they move to the survivor. Where the table lets a
 * person hold a row only once (`unique`: the columns of a unique key besides the link, and the
 * column that is null on the rows the key covers when the index is partial), a duplicate's row
 * that would break the key is resolved by `onConflict`:
 * - `keep`: it stays with the retired record (which still points at the survivor);
 * - `close`: it is ended first (the `close` column set to now, or to today in Bangkok but never
 *   before `notBefore`; `note` gets the text, `{survivor}` replaced by the survivor's id), then
 *   moves as history.
 * `keep` leaves every row where it is, saying why (an append-only record of what happened to the
 * duplicate: the audit trail's events name the record they concerned).
 */
export type MergeRule = MoveOnMerge | { kind: 'keep'; why: Bilingual };

export interface MoveOnMerge {
  kind: 'move';
  unique?: { columns: readonly string[]; whileNull?: string };
  onConflict?:
    | { kind: 'keep'; why: Bilingual }
    | { kind: 'close'; column: string; at: 'now' | 'today'; notBefore?: string; note?: { column: string; text: string }; why: Bilingual };
  /** A column set to now() on every row that moves (`updated_at`). */
  touch?: string;
}

/**
 * What an erasure (PDPA s.33) does with the person's rows:
 * - `anonymise`: the named columns are overwritten (`returning` hands the listed columns of the
 *   changed rows to the owning module's follow-up, e.g. revoking in a status list);
 * - `delete`: the rows go, except those where `keepWhereSet` is not null (kept under `duty`);
 * - `keep`: the rows stay as they are under `duty` (they hold no name or number once the person
 *   record is anonymised); with `refusesWhile`, erasure is refused while a row matches, naming the duty.
 */
export type EraseRule =
  | { kind: 'anonymise'; set: Readonly<Record<string, EraseValue>>; returning?: readonly string[] }
  | { kind: 'delete'; keepWhereSet?: { column: string; duty: Bilingual } }
  | { kind: 'keep'; duty: Bilingual; refusesWhile?: { column: string; in: readonly string[] } };

/** A column that points at a person (`person.id`) or an occupation group (`occupation_group.id`). */
export interface LinkDeclaration {
  table: string;
  column: string;
  refersTo: 'person' | 'group';
  merge: MergeRule;
  erase: EraseRule;
}

export interface ModuleContract {
  /** The module's folder under `src/server/modules` (or `platform/<part>`, `db`). */
  module: string;
  /** The tables it owns: only its own files name them in SQL. */
  tables: readonly string[];
  links: readonly LinkDeclaration[];
}

/** Groups are organisations, not data subjects: nothing about them is erased. */
export const GROUP_NOT_ERASED: EraseRule = {
  kind: 'keep',
  duty: {
    en: 'An occupation group is an organisation, not a data subject; its records are not erased.',
    th: 'กลุ่มอาชีพเป็นองค์กร ไม่ใช่เจ้าของข้อมูลส่วนบุคคล จึงไม่ลบข้อมูลของกลุ่ม',
  },
};

/** The tables of the platform and the database layer, which know no module. */
export const PLATFORM_CONTRACTS: readonly ModuleContract[] = [
  { module: 'db', tables: ['schema_migration', 'reference_data_version'], links: [] },
  {
    module: 'platform/audit',
    tables: ['audit_event', 'audit_seal', 'audit_unsealed', 'audit_checkpoint', 'audit_signing_key', 'audit_subject_key'],
    links: [
      {
        table: 'audit_event',
        column: 'subject_person_id',
        refersTo: 'person',
        merge: {
          kind: 'keep',
          why: {
            en: 'An audit event records what happened to the record it names; the trail is append-only.',
            th: 'เหตุการณ์ในบันทึกการตรวจสอบบันทึกสิ่งที่เกิดกับระเบียนที่ระบุไว้ และแก้ไขย้อนหลังไม่ได้',
          },
        },
        erase: {
          kind: 'keep',
          duty: {
            en: 'The audit trail is append-only evidence; its personal values become unreadable once the person’s key is destroyed.',
            th: 'บันทึกการตรวจสอบเป็นหลักฐานที่เพิ่มได้อย่างเดียว ค่าข้อมูลส่วนบุคคลในบันทึกจะอ่านไม่ได้เมื่อทำลายกุญแจของบุคคลแล้ว',
          },
        },
      },
      {
        table: 'audit_subject_key',
        column: 'person_id',
        refersTo: 'person',
        merge: {
          kind: 'keep',
          why: {
            en: 'Each record’s events are sealed under that record’s own key.',
            th: 'เหตุการณ์ของแต่ละระเบียนเข้ารหัสด้วยกุญแจของระเบียนนั้นเอง',
          },
        },
        // Destroying the key is the erasure of the trail's personal values (crypto-shredding).
        erase: { kind: 'delete' },
      },
    ],
  },
  { module: 'platform/auth', tables: ['user_session'], links: [] },
  { module: 'platform/jobs', tables: ['job'], links: [] },
];
