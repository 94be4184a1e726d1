import type { Kysely } from 'kysely';
import type { NotifySink } from '../../platform/notify';
import type { Executor } from '../../db/executor';
import type { DB } from '../../db/schema';
import { scopeIncludes, scopeTouches, type Scope } from '../../platform/auth/actor';
import type { ActorContext } from '../../platform/context';
import { IGNORE_FACTS, type FactSink } from '../../platform/facts';
import type { JobRunner } from '../../platform/jobs/jobs';
import { problems } from '../../platform/problem';
import type { EnterpriseService } from '../enterprise/enterprise.service';
import type { GeoService } from '../geo/geo.service';
import type { IdentityService } from '../identity/identity.service';
import type { OrgService } from '../org/org.service';
import type { RegistryService } from '../registry/registry.service';
import type { TrainingService } from '../training/training.service';
import { fundingPolicy } from './funding.policy';
import * as repository from './funding.repository';
import { daysPastDue, type InstalmentState } from './funding.rules';

export type Verb = { en: string; th: string };
export type FundingDeps = {
  db: Kysely<DB>;
  geo: GeoService;
  org: OrgService;
  registry: RegistryService;
  training: TrainingService;
  enterprise: EnterpriseService;
  /** Runs the reminder job. */
  jobs: JobRunner;
  /** Display names of the staff who acted on an application (its path through four eyes). */
  identity: Pick<IdentityService, 'displayNames'>;
  /** Monitoring's recorder: disbursements are told in their transaction. */
  facts?: FactSink;
  /** Notifications: each reminder written is told to the group's leader in the same transaction. */
  notify?: NotifySink;
};

export const toState = (i: repository.InstalmentRow): InstalmentState => ({
  number: i.number,
  dueOn: i.due_on,
  principal: i.principal,
  interest: i.interest,
  fee: i.fee,
  paidPrincipal: i.paid_principal,
  paidInterest: i.paid_interest,
  paidFee: i.paid_fee,
});

/** What funding's use cases share: the services it reads, the records it requires, the scope guards. */
export function createFundingAccess(deps: FundingDeps) {
  const { db, geo, registry } = deps;

  const requireFund = async (id: number, executor: Executor = db) => {
    const f = await repository.findFund(executor, id);
    if (!f) throw problems.notFound({ en: `No fund has id ${id}.`, th: `ไม่พบกองทุนรหัส ${id}` });
    return f;
  };
  const requireApplication = async (id: number) => {
    const a = await repository.findApplication(db, id);
    if (!a) throw problems.notFound({ en: `No loan application has id ${id}.`, th: `ไม่พบคำขอกู้รหัส ${id}` });
    return a;
  };
  const requireLoan = async (id: number) => {
    const l = await repository.findLoan(db, id);
    if (!l) throw problems.notFound({ en: `No loan has id ${id}.`, th: `ไม่พบสัญญาเงินกู้รหัส ${id}` });
    return l;
  };
  const requireGroup = async (groupId: number) => {
    const g = (await registry.groupPlaces([groupId])).get(groupId);
    if (!g) throw problems.notFound({ en: `No occupation group has id ${groupId}.`, th: `ไม่พบกลุ่มอาชีพรหัส ${groupId}` });
    return g;
  };

  /** Refuses unless `scope` holds the province (a record's area), naming both areas. */
  const guard = async (scope: Scope, provinceCodes: readonly string[], what: Verb) => {
    const ok = provinceCodes.length === 1 ? scopeIncludes(scope, provinceCodes[0]!) : scopeTouches(scope, provinceCodes);
    if (!ok) throw await geo.outOfScope(what, provinceCodes, scope);
  };
  const guardRead = (ctx: ActorContext, provinceCodes: readonly string[], what: Verb) => guard(fundingPolicy.readScope(ctx.actor), provinceCodes, what);

  /** The groups the actor's person leads (a citizen account): her own scope here. */
  const ledGroups = async (ctx: ActorContext, groupIds: readonly number[]) => {
    if (ctx.actor.personId === null || !groupIds.length) return new Set<number>();
    const roles = await registry.currentMemberRoles(groupIds);
    return new Set(groupIds.filter((g) => roles.get(g)?.some((m) => m.personId === ctx.actor.personId && m.role === 'leader')));
  };
  const memberOf = async (ctx: ActorContext, groupId: number) => {
    if (ctx.actor.personId === null) return false;
    return (await registry.currentMemberRoles([groupId])).get(groupId)?.some((m) => m.personId === ctx.actor.personId) ?? false;
  };

  /** Reading an application or a loan: the fund's readers of its province, or the group's own members. */
  const guardRecord = async (ctx: ActorContext, row: { group_id: number; province_code: string }, what: Verb) => {
    if (scopeIncludes(fundingPolicy.readScope(ctx.actor), row.province_code)) return;
    if (await memberOf(ctx, row.group_id)) return;
    throw await geo.outOfScope(what, [row.province_code], fundingPolicy.readScope(ctx.actor));
  };

  /** Acting for a group's application: an officer or maker of the group's province, or the group's leader (a citizen account). */
  const guardApplicant = async (ctx: ActorContext, groupId: number, provinceCode: string, what: Verb) => {
    if (scopeIncludes(fundingPolicy.applyScope(ctx.actor), provinceCode)) return;
    if ((await ledGroups(ctx, [groupId])).has(groupId)) return;
    if (ctx.actor.personId !== null)
      throw problems.forbidden({ en: `Only the group’s leader may ${what.en} for the group.`, th: `เฉพาะประธานกลุ่มเท่านั้นที่${what.th}ในนามกลุ่มได้` });
    await guard(fundingPolicy.applyScope(ctx.actor), [provinceCode], what);
  };

  /** Days past due of each loan today, from its current schedule. */
  const arrearsOf = async (loanIds: readonly number[], asOf: string, executor: Executor = db) => {
    const rows = await repository.currentSchedules(executor, loanIds);
    const byLoan = new Map<number, InstalmentState[]>();
    for (const r of rows) byLoan.set(r.loan_id, [...(byLoan.get(r.loan_id) ?? []), toState(r)]);
    return new Map(
      loanIds.map((id) => {
        const s = byLoan.get(id) ?? [];
        const outstanding = s.reduce((sum, i) => sum + i.principal - i.paidPrincipal, 0);
        const nextDue = s.find((i) => i.principal + i.interest + i.fee > i.paidPrincipal + i.paidInterest + i.paidFee)?.dueOn ?? null;
        return [id, { dpd: daysPastDue(s, asOf), outstanding, nextDue, schedule: s }];
      }),
    );
  };

  const facts = deps.facts ?? IGNORE_FACTS;
  return {
    ...deps,
    facts,
    requireFund,
    requireApplication,
    requireLoan,
    requireGroup,
    guard,
    guardRead,
    guardRecord,
    guardApplicant,
    ledGroups,
    memberOf,
    arrearsOf,
  };
}

export type FundingAccess = ReturnType<typeof createFundingAccess>;
