import { sql, type Kysely } from 'kysely';
import type { DB } from '../../src/server/db/schema';
import { bangkokDate } from '../../src/shared/fiscal-year';
import { nationalId } from './people';

/** A date `days` from today in Bangkok, as YYYY-MM-DD. */
export const dayFromToday = (days: number) => bangkokDate(new Date(Date.now() + days * 86_400_000));

/**
 * People written straight into the registry (a factory): `count` women in Mueang Khon Kaen, each
 * a single parent, with valid national IDs from `firstSerial`.
 */
export async function buildPeople(
  db: Kysely<DB>,
  count: number,
  options: { firstSerial: number; targetGroups?: string[]; birthDate?: string; subdistrictCode?: string } = { firstSerial: 1 },
) {
  const rows = Array.from({ length: count }, (_, i) => ({
    doc_type: 'th-id',
    doc_number: nationalId(options.firstSerial + i, 5),
    title: 'mrs',
    first_name_th: 'ทดสอบ',
    last_name_th: `คนที่${options.firstSerial + i}`,
    first_name_en: 'Test',
    last_name_en: `Person${options.firstSerial + i}`,
    sex: 'female',
    birth_date: options.birthDate ?? '1988-02-14',
    subdistrict_code: options.subdistrictCode ?? '400101',
    district_code: (options.subdistrictCode ?? '400101').slice(0, 4),
    province_code: (options.subdistrictCode ?? '400101').slice(0, 2),
    target_groups: options.targetGroups ?? ['single-parent'],
    source: 'officer' as const,
    search_text: `ทดสอบ คนที่${options.firstSerial + i} test person${options.firstSerial + i}`,
  }));
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += 500) {
    const inserted = await db
      .insertInto('person')
      .values(rows.slice(i, i + 500))
      .returning('id')
      .execute();
    ids.push(...inserted.map((r) => Number(r.id)));
  }
  return ids.map((id, i) => ({ id, docNumber: rows[i]!.doc_number }));
}

/** A session body for POST /api/training/sessions: Social Commerce For Business in Khon Kaen. */
export function sessionBody(overrides: Record<string, unknown> = {}) {
  return {
    curriculumCode: 'SOCIAL-COMMERCE',
    unitCode: 'DSD-PSDO-40',
    provinceCode: '40',
    online: false,
    subdistrictCode: '400101',
    venue: 'ห้องประชุมสำนักงานพัฒนาฝีมือแรงงานขอนแก่น',
    applicationsCloseOn: dayFromToday(0),
    capacityMin: 100,
    capacityMax: 500,
    trainers: ['อาจารย์สมชาย'],
    budgetSource: 'งบประมาณปกติ กพร.',
    days: [
      { day: dayFromToday(0), hours: 6, topicTh: 'วางแผนธุรกิจ' },
      { day: dayFromToday(1), hours: 6, topicTh: 'ถ่ายภาพและไลฟ์ขาย' },
    ],
    ...overrides,
  };
}

/**
 * People who completed a session, written straight in (a factory: attendance and evaluation are
 * training's own tests): what makes them eligible for the standards the course prepares for.
 */
export async function completeCourse(db: Kysely<DB>, sessionId: number, personIds: readonly number[]) {
  for (const personId of personIds) {
    await sql`insert into enrolment (session_id, person_id, status, source, enrolled_at, attended_minutes, evaluated_at, outcome_reasons)
              values (${sessionId}, ${personId}, 'completed', 'officer', now(), 720, now(), '[]'::jsonb)`.execute(db);
  }
}
