import { factDifference } from '../../platform/facts';
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import { recordAudit } from '../../platform/audit/audit.service';
import { JobStopped, SimulatedCrash } from '../../platform/jobs/jobs';
import type { IssueInput } from '../credentials/credentials.service';
import type { ActorContext, RequestContext } from '../../platform/context';
import { problems } from '../../platform/problem';
import { bangkokDate } from '../../../shared/fiscal-year';
import type { TrainingAccess } from './training.access';
import { reasonErrors } from './training.access';
import { achievementOf, hoursOf, type SessionDetailRow } from './training.present';
import * as repository from './training.repository';
import { completionReasons, type Reason } from './training.rules';

type Ctx = ActorContext;

export const CERTIFICATES_JOB = 'training.certificates';

/**
 * Told, inside the evaluation's transaction, who has just completed a session: another module
 * (enterprise: a group's stage that needs its members trained) reacts in the same transaction.
 */
export type CompletionListener = (
  trx: Transaction<DB>,
  ctx: RequestContext,
  completed: { sessionId: number; curriculumCode: string; personIds: number[] },
) => Promise<void>;
/** Told, inside the evaluation's transaction, whose completions changed either way (employment's matching keeps the units they completed). */
export type CompletionsChangedListener = (trx: Transaction<DB>, personIds: readonly number[]) => Promise<void>;
const CERTIFICATE_BATCH = 25;

export interface CertificateJobOptions {
  /** Certificates per batch (25). */
  batchSize?: number;
  /** Tests: act out a process that dies after writing this many batches. */
  crashAfterBatches?: number;
}

/** Completion: the completion rule, and the certificates it earns (one by one, or as a job). */
/** The indicator training publishes: enrolments completed (per session province and end date). */
export const COMPLETED_INDICATOR = 'training.completed';

export function createCompletionService(access: TrainingAccess, options: CertificateJobOptions = {}) {
  const listeners: CompletionListener[] = [];
  const changeListeners: CompletionsChangedListener[] = [];
  const { db, tellFacts, registry, credentials, jobs, requireSession, managedSession, curriculumOf, completedWithoutCertificate } = access;
  const batchSize = options.batchSize ?? CERTIFICATE_BATCH;

  /** What each person's certificate states; the session's days and curriculum are read once. */
  async function certificateInputs(session: SessionDetailRow) {
    const [days, curriculum] = await Promise.all([repository.daysOf(db, session.id), curriculumOf(session.curriculum_code)]);
    const minutes = days.reduce((sum, d) => sum + d.minutes, 0);
    const achievement = achievementOf(curriculum, credentials.publicUrl);
    return async (enrolments: readonly { id: number; person_id: number }[]): Promise<IssueInput[]> => {
      const facts = await registry.facts(enrolments.map((e) => e.person_id));
      const issuedOn = bangkokDate(new Date());
      return enrolments.map((e) => {
        const p = facts.get(e.person_id)!;
        return {
          kind: 'training-completion',
          personId: e.person_id,
          holderNameTh: p.nameTh,
          holderNameEn: p.nameEn,
          titleTh: session.curriculum_name_th,
          titleEn: session.curriculum_name_en,
          issuerUnitCode: session.unit_code,
          provinceCode: session.province_code,
          issuedOn,
          details: {
            courseCode: session.curriculum_code,
            sessionCode: session.code,
            hours: hoursOf(minutes),
            startedOn: session.starts_on,
            endedOn: session.ends_on,
          },
          achievement,
          sourceType: 'enrolment',
          sourceId: String(e.id),
        };
      });
    };
  }

  /**
   * The bulk issue, in batches: each batch is signed on the signing pool outside any transaction,
   * then written in a short transaction of its own, and batch n + 1 is signed while batch n is
   * written. A credential exists once per enrolment (a retried write skips what is there), and
   * progress is what is written, so a process that dies anywhere leaves nothing half-issued: the
   * job's next run (after a restart, or on another server) issues only what is missing.
   */
  jobs.register(CERTIFICATES_JOB, async ({ job, progress, signal }) => {
    const payload = job.payload as { sessionId: number; actor: { userId: string; username: string; displayName: string } };
    const ctx: RequestContext = { actor: { ...payload.actor, mustChangePassword: false, grants: [], personId: null }, requestId: `job:${job.id}` };
    const session = await requireSession(payload.sessionId);
    const total = await repository.countCompleted(db, payload.sessionId);
    const pending = await completedWithoutCertificate(payload.sessionId);
    const inputsOf = await certificateInputs(session);
    const batches: (typeof pending)[] = [];
    for (let at = 0; at < pending.length; at += batchSize) batches.push(pending.slice(at, at + batchSize));
    const prepare = (batch: typeof pending) => inputsOf(batch).then((inputs) => credentials.prepareIssue(ctx, inputs));
    let next = batches.length > 0 ? prepare(batches[0]!) : null;
    let issued = 0;
    let done = total - pending.length;
    try {
      for (let n = 0; n < batches.length; n++) {
        const prepared = await next!;
        if (signal.aborted) throw new JobStopped();
        // Sign the next batch on the pool while this one is written.
        next = n + 1 < batches.length ? prepare(batches[n + 1]!) : null;
        issued += (await credentials.writeIssued(ctx, prepared)).length;
        done += batches[n]!.length;
        await progress(done, total);
        if (options.crashAfterBatches !== undefined && n + 1 >= options.crashAfterBatches) throw new SimulatedCrash();
      }
    } finally {
      // A batch signed for nothing (the job stopped) is dropped; its failure, if any, too.
      void next?.catch(() => {});
    }
    return { issued, total };
  });

  const service = {
    /** Registers a module's reaction to completions (called once, when the services are wired). */
    onCompletion(listener: CompletionListener) {
      listeners.push(listener);
    },
    /** Registers a module's reaction to completions gained or lost (called once, when the services are wired). */
    onCompletionsChanged(listener: CompletionsChangedListener) {
      changeListeners.push(listener);
    },
    /** Evaluates the completion rule for every seated person, recording the outcome and why. */
    async evaluate(ctx: Ctx, sessionId: number) {
      const s = await managedSession(ctx, sessionId, { en: 'evaluate completion in this session', th: 'ประเมินผลการจบหลักสูตรของรุ่นนี้' });
      if (s.status !== 'running' && s.status !== 'completed')
        throw problems.conflict({ en: 'Completion is evaluated once the session is running.', th: 'ประเมินผลได้เมื่อรุ่นเริ่มอบรมแล้ว' });
      const [curriculum, days] = await Promise.all([curriculumOf(s.curriculum_code), repository.daysOf(db, sessionId)]);
      const scheduled = days.reduce((sum, d) => sum + d.minutes, 0);
      const rule = { minAttendancePercent: curriculum.min_attendance_percent, minPostTestScore: curriculum.min_post_test_score };
      const seated = await repository.seatedEnrolments(db, sessionId);
      const outcomes = seated.map((e) => ({
        e,
        reasons: completionReasons(rule, { attendedMinutes: e.attended_minutes, scheduledMinutes: scheduled, postTestScore: e.post_test_score }),
      }));
      await db.transaction().execute(async (trx) => {
        // Its district and target-group cells are told by difference (the session's completions before and after).
        const breakdownBefore = await access.completionBreakdownTally(trx, { sessionId });
        for (const { e, reasons } of outcomes) {
          const status = reasons.length ? 'not-completed' : 'completed';
          if (e.status === status && JSON.stringify(e.outcome_reasons ?? []) === JSON.stringify(reasons)) continue;
          await repository.setOutcome(trx, e.id, status, reasons);
          await registry.addTimelineEvent(trx, {
            personId: e.person_id,
            module: 'training',
            kind: status,
            summaryTh:
              status === 'completed' ? `ผ่านการอบรม ${s.curriculum_name_th} (${s.code})` : `ยังไม่ผ่านการอบรม ${s.code}: ${reasons.map((r) => r.th).join('; ')}`,
            summaryEn:
              status === 'completed' ? `Completed ${s.curriculum_name_en} (${s.code})` : `Did not complete ${s.code}: ${reasons.map((r) => r.en).join('; ')}`,
            data: { sessionId, enrolmentId: e.id, reasons },
            actorUserId: ctx.actor.userId,
          });
        }
        const newlyCompleted = outcomes.filter((o) => !o.reasons.length && o.e.status !== 'completed').map((o) => o.e.person_id);
        if (newlyCompleted.length)
          for (const listener of listeners) await listener(trx, ctx, { sessionId, curriculumCode: s.curriculum_code, personIds: newlyCompleted });
        const changed = outcomes.filter((o) => (o.e.status === 'completed') !== !o.reasons.length).map((o) => o.e.person_id);
        // Monitoring counts a completion where and when its session ends.
        const gained = outcomes.filter((o) => !o.reasons.length && o.e.status !== 'completed').length;
        const lost = outcomes.filter((o) => o.reasons.length && o.e.status === 'completed').length;
        await tellFacts(
          trx,
          [
            { indicator: COMPLETED_INDICATOR, on: s.ends_on, provinceCode: s.province_code, delta: gained - lost },
            ...factDifference(breakdownBefore, await access.completionBreakdownTally(trx, { sessionId })),
          ].filter((c) => c.delta !== 0),
        );
        if (changed.length) for (const listener of changeListeners) await listener(trx, changed);
        await recordAudit(trx, ctx, {
          action: 'enrolment.evaluate',
          entityType: 'training_session',
          entityId: String(sessionId),
          provinceCode: s.province_code,
          after: { completed: outcomes.filter((o) => !o.reasons.length).length, notCompleted: outcomes.filter((o) => o.reasons.length).length },
        });
      });
      return { completed: outcomes.filter((o) => !o.reasons.length).length, notCompleted: outcomes.filter((o) => o.reasons.length).length };
    },
    async issueCertificate(ctx: Ctx, enrolmentId: number) {
      const e = await repository.findEnrolment(db, enrolmentId);
      if (!e) throw problems.notFound({ en: `No enrolment has id ${enrolmentId}.`, th: `ไม่พบการสมัครรหัส ${enrolmentId}` });
      const s = await managedSession(ctx, e.session_id, { en: 'issue certificates for this session', th: 'ออกเกียรติบัตรของรุ่นนี้' });
      if (e.status !== 'completed') {
        const reasons = (e.outcome_reasons as Reason[] | null) ?? [];
        throw problems.unprocessable(
          { en: 'Only a person who completed the course receives a certificate.', th: 'ออกเกียรติบัตรได้เฉพาะผู้ที่ผ่านการอบรม' },
          reasonErrors(reasons, 'completion'),
        );
      }
      const [code] = await credentials.issueAll(ctx, await (await certificateInputs(s))([e]));
      return credentials.get(ctx, code!);
    },
    /** Issues every completed person's certificate as a job; answers with the job to follow. */
    async issueCertificates(ctx: Ctx, sessionId: number) {
      const s = await managedSession(ctx, sessionId, { en: 'issue certificates for this session', th: 'ออกเกียรติบัตรของรุ่นนี้' });
      // Progress counts completed people who hold a certificate, out of all who completed.
      const [pending, completed] = await Promise.all([
        completedWithoutCertificate(sessionId).then((rows) => rows.length),
        repository.countCompleted(db, sessionId),
      ]);
      const jobId = await db.transaction().execute(async (trx) => {
        const id = await jobs.enqueue(trx, {
          kind: CERTIFICATES_JOB,
          payload: { sessionId, actor: { userId: ctx.actor.userId, username: ctx.actor.username, displayName: ctx.actor.displayName } },
          createdBy: ctx.actor.userId,
          total: completed,
        });
        await recordAudit(trx, ctx, {
          action: 'credential.issue_bulk',
          entityType: 'training_session',
          entityId: String(sessionId),
          provinceCode: s.province_code,
          after: { jobId: id, pending },
        });
        return id;
      });
      return service.certificateJob(ctx, sessionId, jobId);
    },
    async certificateJob(ctx: Ctx, sessionId: number, jobId: string) {
      await managedSession(ctx, sessionId, { en: 'follow this session’s certificates', th: 'ติดตามการออกเกียรติบัตรของรุ่นนี้' });
      const job = await jobs.get(db, jobId);
      if (!job || job.kind !== CERTIFICATES_JOB || (job.payload as { sessionId: number }).sessionId !== sessionId)
        throw problems.notFound({ en: 'No such certificate job for this session.', th: 'ไม่พบงานออกเกียรติบัตรนี้ของรุ่นนี้' });
      return {
        id: job.id,
        status: job.status,
        done: Number(job.progress_done),
        total: job.progress_total === null ? null : Number(job.progress_total),
        error: job.error,
        result: (job.result as { issued: number; total: number } | null) ?? null,
      };
    },
  };
  return service;
}
