import { bangkokDate, bangkokHour, REMINDERS_FROM_HOUR } from '../../../shared/fiscal-year';
import type { TrainingAccess } from './training.access';
import * as repository from './training.repository';

/** People told per transaction. */
const BATCH = 500;

/**
 * The day-before reminder (issue 21 §5): a scan over sessions starting tomorrow in Bangkok, run
 * by the app's hourly housekeeping from 08:00 (Bangkok) of the day before. Each seated person gets one message per session and start
 * date: the event key names both, and the outbox's unique (event key, channel) makes every later
 * scan of the same day write nothing. A session moved to another day is reminded again.
 */
export function createRemindersService(access: TrainingAccess) {
  const { db, notify } = access;
  return {
    /** Writes tomorrow's reminders; the number of people told (already told ones count again, writing nothing). */
    async remindTomorrow(now: Date = new Date()) {
      if (bangkokHour(now) < REMINDERS_FROM_HOUR) return 0;
      const tomorrow = bangkokDate(new Date(now.getTime() + 86_400_000));
      let after = 0;
      let told = 0;
      for (;;) {
        const rows = await repository.seatedStartingOn(db, tomorrow, after, BATCH);
        if (!rows.length) return told;
        await db.transaction().execute((trx) =>
          notify(
            trx,
            rows.map((r) => ({
              personId: r.person_id,
              kind: 'session-reminder',
              eventKey: `training.session-reminder:${r.session_id}:${r.person_id}:${r.starts_on}`,
              provinceCode: r.province_code,
              params: {
                courseTh: r.name_th,
                courseEn: r.name_en,
                sessionCode: r.code,
                day: r.starts_on,
                venueTh: r.online ? 'ออนไลน์' : (r.venue ?? '-'),
                venueEn: r.online ? 'online' : (r.venue ?? '-'),
              },
            })),
          ),
        );
        told += rows.length;
        after = rows[rows.length - 1]!.id;
      }
    },
  };
}
