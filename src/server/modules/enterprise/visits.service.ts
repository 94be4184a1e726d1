import { recordAudit } from '../../platform/audit/audit.service';
import { provincesOf } from '../../platform/auth/actor';
import type { ActorContext } from '../../platform/context';
import { problems } from '../../platform/problem';
import type { EnterpriseAccess } from './enterprise.access';
import { presentVisit } from './enterprise.present';
import * as repository from './enterprise.repository';
import { mergeVisit, type VisitCopy } from './enterprise.rules';

type Ctx = ActorContext;

export interface VisitInput extends Omit<VisitCopy, 'editedAt'> {
  id: string;
  groupId: number;
  programmeCode?: string;
  photos: { id: string; dataUrl: string }[];
  editedAt: string;
}

const PHOTO_MAX_BYTES = 1_000_000;

const copyOf = (v: NonNullable<Awaited<ReturnType<typeof repository.findVisit>>>): VisitCopy => ({
  visitedOn: v.visited_on,
  officers: v.officers,
  progress: v.progress as VisitCopy['progress'],
  obstacles: v.obstacles as VisitCopy['obstacles'],
  actions: v.actions as VisitCopy['actions'],
  notes: v.notes as VisitCopy['notes'],
  latitude: v.latitude,
  longitude: v.longitude,
  editedAt: new Date(v.edited_at).toISOString(),
});

/** Field visits (ลงพื้นที่) recorded on phones, offline, and synchronised later. */
export function createVisitsService(access: EnterpriseAccess) {
  const { db, geo, requireGroup, guardRead, guardWrite, readScope } = access;

  const describe = async (rows: NonNullable<Awaited<ReturnType<typeof repository.findVisit>>>[]) => {
    const photos = await repository.photosOf(
      db,
      rows.map((r) => r.id),
    );
    return rows.map((r) =>
      presentVisit(
        r,
        photos.filter((f) => f.visit_id === r.id),
      ),
    );
  };

  return {
    /**
     * Stores each visit a phone sends: a visit it has never seen is created; one it has (sent
     * again, or by another officer's phone) is merged, keeping every note, obstacle, action and
     * photo from both copies. A visit synchronised twice is stored once.
     */
    async sync(ctx: Ctx, visits: VisitInput[]) {
      const results: { id: string; outcome: 'created' | 'merged'; visit: Awaited<ReturnType<typeof describe>>[number] }[] = [];
      for (const input of visits) {
        const group = await requireGroup(input.groupId);
        await guardWrite(ctx, group.provinceCode, { en: 'record visits to this group', th: 'บันทึกการลงพื้นที่ของกลุ่มนี้' });
        if (input.programmeCode) await access.requireProgramme(input.programmeCode);
        const photos = input.photos.map((f) => {
          const [, type, data] = /^data:(image\/[a-z]+);base64,(.*)$/.exec(f.dataUrl)!;
          const bytes = Buffer.from(data!, 'base64');
          if (bytes.length > PHOTO_MAX_BYTES)
            throw problems.validation([
              {
                field: `body.visits.photos.${f.id}`,
                code: 'photo-too-large',
                message: 'A photo is resized on the phone to at most 1 MB.',
                messageTh: 'รูปภาพต้องย่อขนาดบนโทรศัพท์ให้ไม่เกิน 1 MB',
              },
            ]);
          return { id: f.id, content_type: type!, data: bytes };
        });
        const outcome = await db.transaction().execute(async (trx) => {
          const existing = await repository.lockVisit(trx, input.id);
          let outcome: 'created' | 'merged';
          if (!existing) {
            await repository.insertVisit(trx, {
              id: input.id,
              group_id: input.groupId,
              programme_code: input.programmeCode ?? null,
              province_code: group.provinceCode,
              visited_on: input.visitedOn,
              officers: input.officers,
              progress: JSON.stringify(input.progress),
              obstacles: JSON.stringify(input.obstacles),
              actions: JSON.stringify(input.actions),
              notes: JSON.stringify(input.notes),
              latitude: input.latitude,
              longitude: input.longitude,
              created_by: ctx.actor.userId,
              edited_at: input.editedAt,
            });
            outcome = 'created';
          } else {
            if (existing.group_id !== input.groupId)
              throw problems.conflict({ en: `Visit ${input.id} is a visit to another group.`, th: `การลงพื้นที่ ${input.id} เป็นของกลุ่มอื่น` });
            const merged = mergeVisit(copyOf(existing), { ...input, editedAt: new Date(input.editedAt).toISOString() });
            await repository.updateVisit(trx, input.id, {
              visited_on: merged.visitedOn,
              officers: merged.officers,
              progress: JSON.stringify(merged.progress),
              obstacles: JSON.stringify(merged.obstacles),
              actions: JSON.stringify(merged.actions),
              notes: JSON.stringify(merged.notes),
              latitude: merged.latitude,
              longitude: merged.longitude,
              edited_at: merged.editedAt,
            });
            outcome = 'merged';
          }
          for (const f of photos) await repository.insertPhoto(trx, { ...f, visit_id: input.id });
          await recordAudit(trx, ctx, {
            action: `field_visit.${outcome === 'created' ? 'create' : 'merge'}`,
            entityType: 'field_visit',
            entityId: input.id,
            provinceCode: group.provinceCode,
            after: { groupId: input.groupId, notes: input.notes.length, obstacles: input.obstacles.length, photos: photos.length },
          });
          return outcome;
        });
        const [visit] = await describe([(await repository.findVisit(db, input.id))!]);
        results.push({ id: input.id, outcome, visit: visit! });
      }
      return { results };
    },

    async visitsOfGroup(groupId: number) {
      return describe(await repository.visitsOfGroup(db, groupId));
    },
    async getVisit(ctx: Ctx, id: string) {
      const v = await repository.findVisit(db, id);
      if (!v) throw problems.notFound({ en: `No visit has id ${id}.`, th: `ไม่พบการลงพื้นที่รหัส ${id}` });
      await guardRead(ctx, v.province_code, { en: 'read this visit', th: 'ดูการลงพื้นที่นี้' });
      return (await describe([v]))[0]!;
    },
    async photo(ctx: Ctx, id: string) {
      const f = await repository.findPhoto(db, id);
      if (!f) throw problems.notFound({ en: `No photo has id ${id}.`, th: `ไม่พบรูปภาพรหัส ${id}` });
      await guardRead(ctx, f.province_code, { en: 'see this photo', th: 'ดูรูปภาพนี้' });
      return { contentType: f.content_type, data: Buffer.from(f.data) };
    },
    /** Open obstacles per province and category, in the reader's area. */
    async obstacles(ctx: Ctx) {
      const scope = await readScope(ctx, { en: 'reading obstacles from visits', th: 'ดูปัญหาอุปสรรคจากการลงพื้นที่' });
      const rows = await repository.openObstacles(db, provincesOf(scope));
      const names = new Map((await geo.provincesByCode([...new Set(rows.map((r) => r.province_code))])).map((p) => [p.code, p]));
      return rows.map((r) => ({
        provinceCode: r.province_code,
        nameTh: names.get(r.province_code)?.nameTh ?? r.province_code,
        nameEn: names.get(r.province_code)?.nameEn ?? r.province_code,
        category: r.category,
        open: r.n,
      }));
    },
  };
}
