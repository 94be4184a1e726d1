import type { Kysely, Transaction } from 'kysely';
import type { Executor } from '../../db/executor';
import type { DB } from '../../db/schema';
import { scopeIncludes, type Scope } from '../../platform/auth/actor';
import type { ActorContext } from '../../platform/context';
import { IGNORE_FACTS, tellingDifference, type FactSink } from '../../platform/facts';
import { problems, type FieldError } from '../../platform/problem';
import type { GeoService } from '../geo/geo.service';
import type { OrgService } from '../org/org.service';
import type { RegistryService } from '../registry/registry.service';
import type { TrainingService } from '../training/training.service';
import type { Evidence } from './data/programmes';
import { enterprisePolicy } from './enterprise.policy';
import { enterpriseTallies } from './facts';
import * as repository from './enterprise.repository';
import type { Reason } from './enterprise.rules';

type Verb = { en: string; th: string };

export const reasonErrors = (reasons: Reason[], field: string): FieldError[] => reasons.map((r) => ({ field, code: r.code, message: r.en, messageTh: r.th }));

export interface Stage {
  code: string;
  position: number;
  nameTh: string;
  nameEn: string;
  evidence: Evidence;
  deadline: string | null;
}

/** What enterprise's use cases share: the services it reads, programmes with their stages, the scope guards. */
export interface EnterpriseDeps {
  db: Kysely<DB>;
  geo: GeoService;
  org: OrgService;
  registry: RegistryService;
  training: TrainingService;
  /** Monitoring's recorder: the funnel, registrations and certificates are told in the write's transaction. */
  facts?: FactSink;
}

export function createEnterpriseAccess(deps: EnterpriseDeps) {
  const { db, geo, registry } = deps;
  const sink = deps.facts ?? IGNORE_FACTS;
  /** Runs a write of these groups' records and tells monitoring what it changed in their tallies. */
  const telling = <T>(trx: Transaction<DB>, groupIds: readonly number[], write: () => Promise<T>) =>
    tellingDifference(trx, sink, (t) => enterpriseTallies(t, registry, groupIds), write);

  const stagesOf = async (code: string, executor: Executor = db): Promise<Stage[]> =>
    (await repository.stagesOf(executor, code)).map((s) => ({
      code: s.code,
      position: s.position,
      nameTh: s.name_th,
      nameEn: s.name_en,
      evidence: s.evidence as Evidence,
      deadline: s.deadline,
    }));

  const requireProgramme = async (code: string) => {
    const p = await repository.findProgramme(db, code);
    if (!p) throw problems.notFound({ en: `No programme has code ${code}.`, th: `ไม่พบโครงการรหัส ${code}` });
    return { ...p, stages: await stagesOf(code) };
  };

  const requireGroup = async (groupId: number, executor: Executor = db) => {
    const g = (await registry.groupPlaces([groupId], executor)).get(groupId);
    if (!g) throw problems.notFound({ en: `No occupation group has id ${groupId}.`, th: `ไม่พบกลุ่มอาชีพรหัส ${groupId}` });
    return g;
  };

  const refuse = (what: Verb, provinceCode: string, scope: Scope) => geo.outOfScope(what, [provinceCode], scope);

  /** The actor's read scope, refusing a role that reads nothing here. */
  const readScope = async (ctx: ActorContext, what: Verb) => {
    const scope = enterprisePolicy.readScope(ctx.actor);
    if (scope.kind === 'none') throw await geo.outOfScope(what, [], scope);
    return scope;
  };
  const guardRead = async (ctx: ActorContext, provinceCode: string, what: Verb) => {
    const scope = enterprisePolicy.readScope(ctx.actor);
    if (!scopeIncludes(scope, provinceCode)) throw await refuse(what, provinceCode, scope);
  };
  const guardWrite = async (ctx: ActorContext, provinceCode: string, what: Verb) => {
    const scope = enterprisePolicy.writeScope(ctx.actor);
    if (!scopeIncludes(scope, provinceCode)) throw await refuse(what, provinceCode, scope);
  };
  const canWrite = (ctx: ActorContext, provinceCode: string) => scopeIncludes(enterprisePolicy.writeScope(ctx.actor), provinceCode);

  return { ...deps, telling, stagesOf, requireProgramme, requireGroup, refuse, readScope, guardRead, guardWrite, canWrite };
}

export type EnterpriseAccess = ReturnType<typeof createEnterpriseAccess>;
