/**
 * The demo's self-service (issue 21 §4, §6): the single mother `demo.citizen` asks for a correction
 * of her house number and for the erasure of her record (held: she leads a group whose loan is
 * owed, demo-funding.ts), and files two grievances, one received weeks ago and now past its 15
 * working days. Khon Kaen's officers (`demo.kk.officer`, `demo.kk.skills`) then find them in
 * /selfservice/requests and /selfservice/grievances, the late one escalated, and the executive
 * sees the escalated one.
 */
import type { Services } from '../src/server/app';
import type { Database } from '../src/server/db/engine';
import * as selfserviceRepository from '../src/server/modules/selfservice/selfservice.repository';
import { GRIEVANCE_WORKING_DAYS } from '../src/server/modules/selfservice/selfservice.rules';
import { bangkokDate } from '../src/shared/fiscal-year';

export async function fillSelfservice(services: Services, database: Database): Promise<void> {
  const db = database.db;
  const { selfservice } = services;
  console.log('Self-service:');
  if (await db.selectFrom('pdpa_request').select('id').limit(1).executeTakeFirst()) {
    console.log('  requests exist already');
    return;
  }
  const mother = await db.selectFrom('app_user').select(['id', 'person_id']).where('username', '=', 'demo.citizen').executeTakeFirst();
  if (!mother?.person_id) {
    console.log('  no demo.citizen: nothing filed');
    return;
  }
  const ctx = { actor: { ...(await services.identity.loadActor(mother.id))!, mustChangePassword: false }, requestId: 'demo' };
  const record = await services.registry.myRecord(ctx);

  const correction = await selfservice.fileRequest(ctx, {
    kind: 'correction',
    field: 'houseNo',
    requestedValue: `${record.address.houseNo ?? '99'}/1`,
    reason: 'บ้านเลขที่ในทะเบียนบ้านเปลี่ยนหลังแบ่งแปลงที่ดิน',
  });
  const erasure = await selfservice.fileRequest(ctx, { kind: 'erasure', reason: 'ไม่ประสงค์ให้เก็บข้อมูลอีกต่อไป' });

  const open = await selfservice.fileGrievance(ctx, {
    kind: 'appeal',
    about: 'refusal',
    subject: 'ไม่ได้รับคัดเลือกเข้าหลักสูตรขายของออนไลน์รอบสอง',
    body: 'ขอให้ทบทวนการไม่รับสมัคร เพราะยื่นเอกสารครบตามกำหนด',
  });
  const late = await selfservice.fileGrievance(ctx, {
    kind: 'complaint',
    about: 'service',
    subject: 'รอใบรับรองนานเกินกำหนด',
    body: 'อบรมจบแล้วแต่ยังไม่ได้รับเกียรติบัตรทางไปรษณีย์',
  });
  // Received five weeks ago (a paper complaint keyed in late, as an office's old records are):
  // its service level counted from that day by funding's holiday calendar has passed.
  const receivedAt = new Date(Date.now() - 35 * 86_400_000);
  const dueOn = await services.funding.workingDaysAfter(bangkokDate(receivedAt), GRIEVANCE_WORKING_DAYS);
  await selfserviceRepository.backdate(db, 'grievance', late.id, receivedAt, dueOn);

  const kk = await db.selectFrom('app_user').select('id').where('username', '=', 'demo.kk.officer').executeTakeFirstOrThrow();
  const officer = { actor: { ...(await services.identity.loadActor(kk.id))!, mustChangePassword: false }, requestId: 'demo' };
  const queue = await selfservice.requestQueue(officer, { limit: 50, offset: 0 });
  const grievances = await selfservice.grievanceQueue(officer, { limit: 50, offset: 0 });
  console.log(
    `  demo.citizen: correction of houseNo due ${correction.dueOn}, erasure held (${erasure.legalHold?.en ?? 'no hold'}); ` +
      `demo.kk.officer's queue: ${queue.length} requests`,
  );
  console.log(
    `  grievances: ${grievances.length} in Khon Kaen, ${grievances.filter((g) => g.escalated).length} escalated ` +
      `(${late.id}: due ${dueOn}, ${grievances.find((g) => g.id === late.id)?.daysLate ?? 0} days late); ${open.id} due ${open.dueOn}`,
  );
}
