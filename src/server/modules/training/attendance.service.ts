import { recordAudit } from '../../platform/audit/audit.service';
import type { ActorContext } from '../../platform/context';
import { FileProblem } from '../../platform/files/decode';
import { mapHeader, parseLooseDate, type ImportColumn, type RowError } from '../../platform/files/rows';
import { readTable } from '../../platform/files/table';
import { problems, type FieldError } from '../../platform/problem';
import { fullName } from '../../../shared/person-fields';
import { nationalIdProblem, normalizeDocumentNumber, normalizeNationalId } from '../../../shared/national-id';
import { parseThaiDate } from '../../../shared/thai-date';
import type { TrainingAccess } from './training.access';
import { enDate, thDate } from './training.access';
import { hoursOf } from './training.present';
import * as repository from './training.repository';
import { SEATED } from './training.rules';

type Ctx = ActorContext;

/** The online-results file: who finished, when, and their score. */
export const RESULT_COLUMNS = [
  {
    key: 'id_number',
    th: 'เลขประจำตัวประชาชน/เลขเอกสาร',
    en: 'National ID or document number',
    required: true,
    hintTh: 'เลข 13 หลัก หรือเลขของเอกสารอื่น',
    hintEn: '13 digits, or the number of the other document',
  },
  {
    key: 'completed_on',
    th: 'วันที่เรียนจบ',
    en: 'Completion date',
    required: true,
    hintTh: 'ปี-เดือน-วัน หรือ วัน/เดือน/ปี พ.ศ.',
    hintEn: 'YYYY-MM-DD, or D/M/YYYY in B.E.',
  },
  { key: 'score', th: 'คะแนน', en: 'Score', required: false, hintTh: '0–100 ว่างได้', hintEn: '0–100, may be empty' },
] as const satisfies readonly ImportColumn[];
type ResultKey = (typeof RESULT_COLUMNS)[number]['key'];
export const RESULTS_MAX_ROWS = 5000;

/** Attendance and results: the daily roster, QR check-in, post-test scores and online results. */
export function createAttendanceService(access: TrainingAccess) {
  const { db, registry, today, requireSession, managedSession, rosterSession, roster } = access;

  const service = {
    async attendanceSheet(ctx: Ctx, sessionId: number, day: string) {
      await rosterSession(ctx, sessionId);
      const days = await repository.daysOf(db, sessionId);
      const d = days.find((x) => x.day === day);
      if (!d) throw problems.notFound({ en: `The session has no training day on ${enDate(day)}.`, th: `รุ่นนี้ไม่มีวันอบรมวันที่ ${thDate(day)}` });
      const [people, marks] = await Promise.all([roster(sessionId, { limit: 5000, offset: 0 }), repository.attendanceOn(db, sessionId, day)]);
      const byEnrolment = new Map(marks.map((m) => [m.enrolment_id, m]));
      return {
        day,
        hours: hoursOf(d.minutes),
        entries: people.items
          .filter((p) => SEATED.includes(p.status))
          .map((p) => {
            const mark = byEnrolment.get(p.id);
            return {
              enrolmentId: p.id,
              personId: p.person_id,
              name: fullName({ title: p.title, first: p.first_name_th, last: p.last_name_th }, 'th'),
              present: Boolean(mark && mark.minutes > 0),
              hours: mark ? hoursOf(mark.minutes) : 0,
              method: mark?.method ?? null,
            };
          }),
      };
    },
    /** The officer's roster for one day, in bulk: present (with hours, the whole day by default) or absent. */
    async recordAttendance(ctx: Ctx, sessionId: number, day: string, entries: { enrolmentId: number; present: boolean; hours?: number | null }[]) {
      const s = await managedSession(ctx, sessionId, { en: 'take attendance for this session', th: 'บันทึกการเข้าอบรมของรุ่นนี้' });
      if (s.status === 'cancelled' || s.status === 'planned')
        throw problems.conflict({ en: `A ${s.status} session takes no attendance.`, th: 'รุ่นที่ยังไม่เปิดหรือถูกยกเลิกบันทึกการเข้าอบรมไม่ได้' });
      const d = (await repository.daysOf(db, sessionId)).find((x) => x.day === day);
      if (!d) throw problems.notFound({ en: `The session has no training day on ${enDate(day)}.`, th: `รุ่นนี้ไม่มีวันอบรมวันที่ ${thDate(day)}` });
      if (day > today())
        throw problems.unprocessable({
          en: `${enDate(day)} has not come yet; attendance is taken on or after the day.`,
          th: `ยังไม่ถึงวันที่ ${thDate(day)} บันทึกการเข้าอบรมได้ตั้งแต่วันนั้นเป็นต้นไป`,
        });
      const ids = entries.map((x) => x.enrolmentId);
      const seated = new Map((await repository.enrolmentStatuses(db, sessionId, ids)).map((e) => [e.id, e.status]));
      const errors: FieldError[] = [];
      entries.forEach((x, i) => {
        const status = seated.get(x.enrolmentId);
        if (!status)
          errors.push({
            field: `body.entries[${i}].enrolmentId`,
            code: 'not-in-session',
            message: `Enrolment ${x.enrolmentId} is not in this session.`,
            messageTh: `รายการ ${x.enrolmentId} ไม่อยู่ในรุ่นนี้`,
          });
        else if (!SEATED.includes(status))
          errors.push({
            field: `body.entries[${i}].enrolmentId`,
            code: 'not-seated',
            message: `Enrolment ${x.enrolmentId} is ${status}, not seated.`,
            messageTh: `รายการ ${x.enrolmentId} ไม่ได้อยู่ในรายชื่อผู้ได้ที่นั่ง`,
          });
        if (x.hours != null && Math.round(x.hours * 60) > d.minutes)
          errors.push({
            field: `body.entries[${i}].hours`,
            code: 'above-day',
            message: `The day has ${hoursOf(d.minutes)} hours.`,
            messageTh: `วันนี้มีการอบรม ${hoursOf(d.minutes)} ชั่วโมง`,
          });
      });
      if (errors.length) throw problems.validation(errors);
      const present = entries.filter((x) => x.present);
      const absent = entries.filter((x) => !x.present).map((x) => x.enrolmentId);
      await db.transaction().execute(async (trx) => {
        await repository.upsertAttendance(
          trx,
          present.map((x) => ({
            enrolment_id: x.enrolmentId,
            day,
            minutes: x.hours == null ? d.minutes : Math.round(x.hours * 60),
            method: 'roster' as const,
            recorded_by: ctx.actor.userId,
          })),
        );
        await repository.deleteAttendance(trx, absent, day);
        await repository.recomputeAttended(trx, ids);
        await recordAudit(trx, ctx, {
          action: 'attendance.record',
          entityType: 'training_session',
          entityId: String(sessionId),
          provinceCode: s.province_code,
          after: { day, present: present.length, absent: absent.length },
        });
      });
      return service.attendanceSheet(ctx, sessionId, day);
    },
    /** Self check-in with the QR code shown at the venue: valid only on its day, for its session. */
    async checkIn(ctx: Ctx, code: string) {
      if (!ctx.actor.personId) throw problems.forbidden({ en: 'Check in with your own citizen account.', th: 'กรุณาเช็กอินด้วยบัญชีผู้ใช้ของคุณเอง' });
      const d = await repository.findDayByCode(db, code);
      if (!d)
        throw problems.notFound({
          en: 'This check-in code is not known; scan the QR code at the venue again.',
          th: 'ไม่รู้จักรหัสเช็กอินนี้ กรุณาสแกน QR code ที่สถานที่อบรมอีกครั้ง',
        });
      const s = await requireSession(d.session_id);
      const now = today();
      if (d.day !== now) {
        throw problems.unprocessable({
          en: `This QR code is for ${enDate(d.day)} only; today is ${enDate(now)}.`,
          th: `QR code นี้ใช้เช็กอินได้เฉพาะวันที่ ${thDate(d.day)} เท่านั้น วันนี้คือวันที่ ${thDate(now)}`,
        });
      }
      if (s.status !== 'open' && s.status !== 'running') throw problems.conflict({ en: `The session is ${s.status}.`, th: 'รุ่นนี้ไม่ได้อยู่ระหว่างการอบรม' });
      const e = await repository.enrolmentOf(db, s.id, ctx.actor.personId);
      if (!e || e.status !== 'enrolled') {
        throw problems.forbidden({ en: 'You do not hold a seat in this session.', th: 'คุณไม่ได้อยู่ในรายชื่อผู้ได้ที่นั่งของรุ่นนี้' });
      }
      await db.transaction().execute(async (trx) => {
        await repository.upsertAttendance(trx, [{ enrolment_id: e.id, day: d.day, minutes: d.minutes, method: 'qr', recorded_by: ctx.actor.userId }]);
        await repository.recomputeAttended(trx, [e.id]);
        await recordAudit(trx, ctx, {
          action: 'attendance.check_in',
          entityType: 'enrolment',
          entityId: String(e.id),
          provinceCode: s.province_code,
          after: { day: d.day },
        });
      });
      return {
        sessionId: s.id,
        sessionCode: s.code,
        curriculumNameTh: s.curriculum_name_th,
        curriculumNameEn: s.curriculum_name_en,
        day: d.day,
        hours: hoursOf(d.minutes),
      };
    },
    async setScores(ctx: Ctx, sessionId: number, scores: { enrolmentId: number; score: number | null }[]) {
      const s = await managedSession(ctx, sessionId, { en: 'record scores for this session', th: 'บันทึกคะแนนของรุ่นนี้' });
      const ids = scores.map((x) => x.enrolmentId);
      const known = new Set((await repository.enrolmentStatuses(db, sessionId, ids)).map((r) => r.id));
      const errors = scores.flatMap((x, i) =>
        known.has(x.enrolmentId)
          ? []
          : [
              {
                field: `body.scores[${i}].enrolmentId`,
                code: 'not-in-session',
                message: `Enrolment ${x.enrolmentId} is not in this session.`,
                messageTh: `รายการ ${x.enrolmentId} ไม่อยู่ในรุ่นนี้`,
              },
            ],
      );
      if (errors.length) throw problems.validation(errors);
      await db.transaction().execute(async (trx) => {
        for (const x of scores) await repository.setPostTestScore(trx, x.enrolmentId, x.score);
        await recordAudit(trx, ctx, {
          action: 'enrolment.scores',
          entityType: 'training_session',
          entityId: String(sessionId),
          provinceCode: s.province_code,
          after: { count: scores.length },
        });
      });
      return { updated: scores.length };
    },
    /**
     * The online course's results (identity document, completion date, score): every row is
     * checked first, and one bad row stops the whole file, with each row's errors listed.
     */
    async importResults(ctx: Ctx, sessionId: number, input: { fileName: string; bytes: Buffer }) {
      const s = await managedSession(ctx, sessionId, { en: 'import results for this session', th: 'นำเข้าผลการเรียนของรุ่นนี้' });
      if (s.status === 'cancelled' || s.status === 'planned')
        throw problems.conflict({ en: `A ${s.status} session takes no results.`, th: 'รุ่นที่ยังไม่เปิดหรือถูกยกเลิกนำเข้าผลไม่ได้' });
      let table: Awaited<ReturnType<typeof readTable>>;
      try {
        table = await readTable(input.bytes, { maxRows: RESULTS_MAX_ROWS });
      } catch (error) {
        if (error instanceof FileProblem) throw problems.malformed({ en: `${input.fileName}: ${error.en}`, th: `${input.fileName}: ${error.th}` });
        throw error;
      }
      const { mapping, missing } = mapHeader<ResultKey>(table.header, RESULT_COLUMNS);
      if (missing.length) {
        const names = RESULT_COLUMNS.filter((c) => missing.includes(c.key));
        throw problems.malformed({
          en: `${input.fileName}: the header lacks ${names.map((c) => `"${c.en}"`).join(', ')}.`,
          th: `${input.fileName}: หัวตารางไม่มีคอลัมน์ ${names.map((c) => `"${c.th}"`).join(', ')}`,
        });
      }
      const label = (key: ResultKey) => RESULT_COLUMNS.find((c) => c.key === key)!;
      const errors: RowError[] = [];
      const fail = (line: number, key: ResultKey, value: string, code: string, en: string, th: string) =>
        errors.push({ line, column: key, value: value || null, code, en: `${label(key).en}: ${en}`, th: `${label(key).th}: ${th}` });
      const cell = (cells: string[], key: ResultKey) => (mapping[key] === undefined ? '' : (cells[mapping[key]!] ?? '').trim());
      const parsed: { line: number; doc: string; completedOn: string; score: number | null }[] = [];
      const now = today();
      for (const { line, cells } of table.rows) {
        const before = errors.length;
        const rawId = cell(cells, 'id_number');
        let doc = normalizeDocumentNumber('other', rawId);
        if (!rawId) fail(line, 'id_number', rawId, 'missing-value', 'this column must have a value.', 'ต้องกรอกช่องนี้');
        else if (/^\d{13}$/.test(doc) || /^[\d\s-]+$/.test(rawId)) {
          const problem = nationalIdProblem(rawId);
          if (problem) fail(line, 'id_number', rawId, problem.code, problem.en, problem.th);
          else doc = normalizeNationalId(rawId);
        }
        const rawDate = cell(cells, 'completed_on');
        const completedOn = parseLooseDate(rawDate) ?? parseThaiDate(rawDate);
        if (!rawDate) fail(line, 'completed_on', rawDate, 'missing-value', 'this column must have a value.', 'ต้องกรอกช่องนี้');
        else if (!completedOn)
          fail(line, 'completed_on', rawDate, 'invalid-date', 'not a date (YYYY-MM-DD, or D/M/YYYY in B.E.).', 'ไม่ใช่วันที่ (ปี-เดือน-วัน หรือ วัน/เดือน/ปี พ.ศ.)');
        else if (completedOn < s.starts_on || completedOn > now)
          fail(
            line,
            'completed_on',
            rawDate,
            'outside-session',
            `must fall between the session's start (${enDate(s.starts_on)}) and today.`,
            `ต้องอยู่ระหว่างวันเริ่มอบรม (${thDate(s.starts_on)}) ถึงวันนี้`,
          );
        const rawScore = cell(cells, 'score');
        let score: number | null = null;
        if (rawScore) {
          score = /^\d{1,3}(\.\d+)?$/.test(rawScore) ? Math.round(Number(rawScore)) : NaN;
          if (!Number.isFinite(score) || score < 0 || score > 100)
            fail(line, 'score', rawScore, 'invalid-score', 'a score is a number from 0 to 100.', 'คะแนนต้องเป็นตัวเลข 0 ถึง 100');
        }
        if (errors.length === before) parsed.push({ line, doc, completedOn: completedOn!, score });
      }
      // Who holds each document (registry's), then their enrolments in this session.
      const holders = await registry.personIdsByDocuments(parsed.map((p) => p.doc));
      const enrolments = new Map((await repository.enrolmentsOf(db, sessionId, [...new Set(holders.values())])).map((e) => [e.person_id, e]));
      const found = new Map([...holders].flatMap(([doc, personId]) => (enrolments.has(personId) ? [[doc, enrolments.get(personId)!] as const] : [])));
      const seen = new Map<string, number>();
      const apply: { enrolmentId: number; completedOn: string; score: number | null }[] = [];
      for (const p of parsed) {
        const e = found.get(p.doc);
        if (seen.has(p.doc))
          fail(p.line, 'id_number', p.doc, 'duplicate-row', `the same person is on line ${seen.get(p.doc)}.`, `บุคคลเดียวกันอยู่ในบรรทัดที่ ${seen.get(p.doc)} แล้ว`);
        else if (!e) fail(p.line, 'id_number', p.doc, 'not-enrolled', 'no one with this document is enrolled in this session.', 'ไม่มีผู้ใช้เอกสารนี้ในรายชื่อของรุ่นนี้');
        else if (!SEATED.includes(e.status))
          fail(p.line, 'id_number', p.doc, 'not-seated', `this person is ${e.status}, not seated.`, 'บุคคลนี้ไม่ได้อยู่ในรายชื่อผู้ได้ที่นั่ง');
        else apply.push({ enrolmentId: e.id, completedOn: p.completedOn, score: p.score });
        seen.set(p.doc, p.line);
      }
      errors.sort((a, b) => a.line - b.line);
      if (errors.length) return { status: 'rejected' as const, rows: table.rows.length, applied: 0, errors };
      const days = await repository.daysOf(db, sessionId);
      await db.transaction().execute(async (trx) => {
        for (const a of apply) await repository.setOnlineResult(trx, a.enrolmentId, a.completedOn, a.score);
        // Finishing the online course is attending all of it.
        await repository.upsertAttendance(
          trx,
          apply.flatMap((a) =>
            days.map((d) => ({ enrolment_id: a.enrolmentId, day: d.day, minutes: d.minutes, method: 'import' as const, recorded_by: ctx.actor.userId })),
          ),
        );
        await repository.recomputeAttended(
          trx,
          apply.map((a) => a.enrolmentId),
        );
        await recordAudit(trx, ctx, {
          action: 'enrolment.import_results',
          entityType: 'training_session',
          entityId: String(sessionId),
          provinceCode: s.province_code,
          after: { fileName: input.fileName, rows: apply.length },
        });
      });
      return { status: 'applied' as const, rows: table.rows.length, applied: apply.length, errors: [] as RowError[] };
    },
  };
  return service;
}
