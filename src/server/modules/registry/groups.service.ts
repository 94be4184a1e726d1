import type { Transaction } from 'kysely';
import type { Executor } from '../../db/executor';
import type { DB } from '../../db/schema';
import { recordAudit } from '../../platform/audit/audit.service';
import { scopeIncludes } from '../../platform/auth/actor';
import type { ActorContext } from '../../platform/context';
import { problems } from '../../platform/problem';
import { normalizePhone } from '../../platform/files/rows';
import * as groups from './groups.repository';
import type { RegistryAccess } from './registry.access';
import { field } from './registry.access';
import { provincesOf, registryPolicy } from './registry.policy';
import { presentEvent, presentGroup, presentMember } from './registry.present';
import * as repository from './registry.repository';
import type { GroupInput } from './registry.service';

type Ctx = ActorContext;

export const groupSearchText = (g: { name: string; registrationNo?: string | null }) => [g.name, g.registrationNo].filter(Boolean).join(' ').toLowerCase();

/** Occupation groups and their memberships. */
export function createGroupsService(access: RegistryAccess) {
  const { withPlace, db, ref, refuse, writablePerson, unitOf } = access;

  /** A group with the names of its place (geography's). */
  const withGroupPlace = async <T extends { subdistrict_code: string }>(row: T) => {
    const { postcode: _postcode, ...place } = await withPlace(row);
    return place;
  };
  const findGroup = async (id: number) => {
    const row = await groups.findGroup(db, id);
    return row && withGroupPlace(row);
  };

  const service = {
    /** For other modules: each group's name and place (no scope check: the caller checks its own). */
    async groupPlaces(ids: readonly number[], executor: Executor = db) {
      const rows = await groups.groupPlaces(executor, ids);
      return new Map(
        rows.map((g) => [
          g.id,
          {
            id: g.id,
            name: g.name,
            type: g.type,
            status: g.status,
            provinceCode: g.province_code,
            districtCode: g.district_code,
            subdistrictCode: g.subdistrict_code,
          },
        ]),
      );
    },
    /** For other modules: the people currently in each group (of these groups, or of these people). */
    async currentMembers(f: { groupIds?: readonly number[]; personIds?: readonly number[] }, executor: Executor = db) {
      const byGroup = new Map<number, number[]>();
      for (const m of await groups.currentMemberships(executor, f)) byGroup.set(m.group_id, [...(byGroup.get(m.group_id) ?? []), m.person_id]);
      return byGroup;
    },
    /** For other modules: the groups a person currently leads (leader or committee member). */
    async groupsLedBy(personId: number, executor: Executor = db) {
      return (await groups.groupsHeldBy(executor, personId, ['leader', 'committee'])).map((r) => r.group_id);
    },
    /** For other modules: each group's current members with their role (leader, committee, member). */
    async currentMemberRoles(groupIds: readonly number[], executor: Executor = db) {
      const byGroup = new Map<number, { personId: number; role: string }[]>();
      for (const m of await groups.currentMemberships(executor, { groupIds }))
        byGroup.set(m.group_id, [...(byGroup.get(m.group_id) ?? []), { personId: m.person_id, role: m.role }]);
      return byGroup;
    },
    // ------------------------------------------------------------ groups
    async listGroups(ctx: Ctx, query: { q?: string; type?: string; province?: string; limit: number; offset: number }) {
      const scope = registryPolicy.readScope(ctx.actor);
      if (scope.kind === 'none') throw await refuse({ en: 'reading occupation groups', th: 'ดูข้อมูลกลุ่มอาชีพ' }, '', scope);
      const found = await groups.searchGroups(db, {
        provinces: provincesOf(scope),
        q: query.q?.trim() || undefined,
        type: query.type,
        provinceCode: query.province,
        limit: query.limit,
        offset: query.offset,
      });
      const items = await Promise.all(found.items.map(withGroupPlace));
      return { items: items.map(presentGroup), total: found.total, totalIsCapped: found.totalIsCapped };
    },

    async getGroup(ctx: Ctx, id: number) {
      const group = await findGroup(id);
      if (!group) throw problems.notFound({ en: `No occupation group has id ${id}.`, th: `ไม่พบกลุ่มอาชีพรหัส ${id}` });
      const scope = registryPolicy.readScope(ctx.actor);
      if (!scopeIncludes(scope, group.province_code)) throw await refuse({ en: 'read this group', th: 'ดูข้อมูลกลุ่มนี้' }, group.province_code, scope);
      const members = await groups.membersOf(db, id);
      return { ...presentGroup(group), members: members.map(presentMember), canEdit: scopeIncludes(registryPolicy.writeScope(ctx.actor), group.province_code) };
    },
    async createGroup(ctx: Ctx, input: GroupInput & { members?: { personId: number; role: string; joinedOn: string }[] }) {
      const r = await ref();
      const area = r.areas.get(input.subdistrictCode);
      if (!area)
        throw problems.validation([
          field('subdistrictCode', 'unknown-subdistrict', `${input.subdistrictCode} is not a sub-district code.`, `${input.subdistrictCode} ไม่ใช่รหัสตำบล`),
        ]);
      if (input.registrationNo && input.type !== 'community-enterprise') {
        throw problems.validation([
          field('registrationNo', 'not-community-enterprise', 'Only a community enterprise has a registration number.', 'เลขทะเบียนมีเฉพาะวิสาหกิจชุมชน'),
        ]);
      }
      const scope = registryPolicy.writeScope(ctx.actor);
      if (!scopeIncludes(scope, area.provinceCode)) throw await refuse({ en: 'register groups', th: 'ลงทะเบียนกลุ่ม' }, area.provinceCode, scope);
      for (const m of input.members ?? []) await writablePerson(ctx, m.personId, { en: 'add this person to a group', th: 'เพิ่มบุคคลนี้เข้ากลุ่ม' });
      const id = await db.transaction().execute(async (trx) => {
        const created = await groups.insertGroup(trx, {
          name: input.name.trim(),
          type: input.type,
          registration_no: input.registrationNo?.trim() || null,
          occupation: input.occupation,
          subdistrict_code: input.subdistrictCode,
          district_code: area.districtCode,
          province_code: area.provinceCode,
          founded_on: input.foundedOn ?? null,
          contact_name: input.contactName?.trim() || null,
          contact_phone: input.contactPhone ? normalizePhone(input.contactPhone) : null,
          registered_unit_code: unitOf(ctx.actor),
          source: 'officer',
          search_text: groupSearchText(input),
        });
        if (!created) {
          throw problems.conflict(
            {
              en: 'A group with this registration number, or this name in this sub-district, is already registered.',
              th: 'มีกลุ่มที่ใช้เลขทะเบียนนี้ หรือชื่อนี้ในตำบลนี้ลงทะเบียนไว้แล้ว',
            },
            [field(input.registrationNo ? 'registrationNo' : 'name', 'duplicate-group', 'Already registered.', 'ลงทะเบียนไว้แล้ว')],
          );
        }
        await repository.addEvent(trx, {
          groupId: created.id,
          module: 'registry',
          kind: 'registered',
          summaryTh: `ลงทะเบียนกลุ่มโดย ${ctx.actor.displayName}`,
          summaryEn: `Group registered by ${ctx.actor.displayName}`,
          actorUserId: ctx.actor.userId,
        });
        for (const m of input.members ?? []) await addMembership(trx, ctx, created.id, input.name, m);
        await recordAudit(trx, ctx, {
          action: 'group.create',
          entityType: 'occupation_group',
          entityId: String(created.id),
          provinceCode: area.provinceCode,
          after: { name: input.name, type: input.type, members: (input.members ?? []).length },
        });
        return created.id;
      });
      return service.getGroup(ctx, id);
    },
    async addMember(ctx: Ctx, groupId: number, member: { personId: number; role: string; joinedOn: string }) {
      const group = await writableGroup(ctx, groupId);
      await writablePerson(ctx, member.personId, { en: 'add this person to a group', th: 'เพิ่มบุคคลนี้เข้ากลุ่ม' });
      await db.transaction().execute(async (trx) => {
        await addMembership(trx, ctx, groupId, group.name, member);
        await recordAudit(trx, ctx, {
          action: 'group.add_member',
          entityType: 'occupation_group',
          entityId: String(groupId),
          provinceCode: group.province_code,
          after: member,
        });
      });
      return service.getGroup(ctx, groupId);
    },
    /** Ends a membership (leaving, or before a new role): the old row stays as history. */
    async endMembership(ctx: Ctx, groupId: number, membershipId: number, input: { leftOn: string; reason?: string | null; newRole?: string | null }) {
      const group = await writableGroup(ctx, groupId);
      await db.transaction().execute(async (trx) => {
        const m = await groups.lockMembership(trx, groupId, membershipId);
        if (!m || m.left_on !== null)
          throw problems.notFound({ en: `No current membership ${membershipId} in this group.`, th: `ไม่พบสมาชิกภาพรหัส ${membershipId} ที่ยังมีผลในกลุ่มนี้` });
        if (input.leftOn < m.joined_on)
          throw problems.validation([field('leftOn', 'before-joined', 'The end date is before the member joined.', 'วันที่สิ้นสุดอยู่ก่อนวันที่เข้าร่วม')]);
        await groups.endMembership(trx, membershipId, input.leftOn, input.reason ?? (input.newRole ? `role changed to ${input.newRole}` : null));
        if (input.newRole) await addMembership(trx, ctx, groupId, group.name, { personId: m.person_id, role: input.newRole, joinedOn: input.leftOn });
        else
          await repository.addEvent(trx, {
            personId: m.person_id,
            groupId,
            module: 'registry',
            kind: 'left-group',
            summaryTh: `ออกจากกลุ่ม ${group.name}`,
            summaryEn: `Left group ${group.name}`,
            actorUserId: ctx.actor.userId,
          });
        await recordAudit(trx, ctx, {
          action: input.newRole ? 'group.change_role' : 'group.end_membership',
          entityType: 'occupation_group',
          entityId: String(groupId),
          provinceCode: group.province_code,
          after: { membershipId, ...input },
        });
      });
      return service.getGroup(ctx, groupId);
    },
    async groupTimeline(ctx: Ctx, id: number) {
      await service.getGroup(ctx, id);
      return (await access.eventsOf({ groupId: id })).map(presentEvent);
    },
  };

  async function writableGroup(ctx: Ctx, id: number) {
    const group = await findGroup(id);
    if (!group) throw problems.notFound({ en: `No occupation group has id ${id}.`, th: `ไม่พบกลุ่มอาชีพรหัส ${id}` });
    const scope = registryPolicy.writeScope(ctx.actor);
    if (!scopeIncludes(scope, group.province_code)) throw await refuse({ en: 'change this group', th: 'แก้ไขข้อมูลกลุ่มนี้' }, group.province_code, scope);
    return group;
  }

  async function addMembership(trx: Transaction<DB>, ctx: Ctx, groupId: number, groupName: string, m: { personId: number; role: string; joinedOn: string }) {
    const added = await groups.insertMembership(trx, { group_id: groupId, person_id: m.personId, role: m.role, joined_on: m.joinedOn });
    if (!added) throw problems.conflict({ en: `Person ${m.personId} is already a member of this group.`, th: `บุคคลรหัส ${m.personId} เป็นสมาชิกกลุ่มนี้อยู่แล้ว` });
    const role = { leader: ['ประธานกลุ่ม', 'leader'], committee: ['กรรมการ', 'committee member'], member: ['สมาชิก', 'member'] }[m.role as 'leader'] ?? [
      m.role,
      m.role,
    ];
    await repository.addEvent(trx, {
      personId: m.personId,
      groupId,
      module: 'registry',
      kind: 'joined-group',
      summaryTh: `เข้าร่วมกลุ่ม ${groupName} ในฐานะ${role[0]}`,
      summaryEn: `Joined ${groupName} as ${role[1]}`,
      data: { role: m.role },
      actorUserId: ctx.actor.userId,
    });
  }

  return service;
}
