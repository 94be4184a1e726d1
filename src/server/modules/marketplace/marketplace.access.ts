import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import { scopeIncludes, type Scope } from '../../platform/auth/actor';
import type { ActorContext } from '../../platform/context';
import { IGNORE_FACTS, tellingDifference, type FactSink } from '../../platform/facts';
import { IGNORE_NOTIFY, type NotifySink } from '../../platform/notify';
import { problems } from '../../platform/problem';
import type { EnterpriseService } from '../enterprise/enterprise.service';
import type { GeoService } from '../geo/geo.service';
import type { IdentityService } from '../identity/identity.service';
import type { RegistryService } from '../registry/registry.service';
import { marketplaceTallies } from './facts.repository';
import { marketplacePolicy } from './marketplace.policy';
import * as repository from './marketplace.repository';
import { createPageCache } from './page-cache';

/** How long a rendered product page is served again before it is made anew (page-cache.ts). */
export const PAGE_CACHE_MS = 30_000;

type Verb = { en: string; th: string };
export type Group = NonNullable<Awaited<ReturnType<RegistryService['groupPlaces']>> extends Map<number, infer G> ? G : never>;

/** How the actor stands towards one group. */
export interface Standing {
  /** An officer of the group's province: approves, records channels, consents, sales. */
  officer: boolean;
  /** An officer, executive or administrator whose area holds the group. */
  reader: boolean;
  /** A citizen who leads the group (leader or committee). */
  leader: boolean;
  /** A partner's advisor whose partner the group consented to share with: that channel. */
  partnerChannel: string | null;
}

export interface MarketplaceDeps {
  db: Kysely<DB>;
  geo: GeoService;
  registry: RegistryService;
  enterprise: EnterpriseService;
  identity: IdentityService;
  /** The public address buyers reach (links in pages, feeds and the sitemap). */
  publicUrl: string;
  /** Monitoring's recorder: groups selling online and sales are told in the write's transaction. */
  facts?: FactSink;
  /** Notifications: an approved listing is told to the group's leader in the approval's transaction. */
  notify?: NotifySink;
}

/** What the marketplace's use cases share: the services it reads, groups, and the guards. */
export function createMarketplaceAccess(deps: MarketplaceDeps) {
  const { db, geo, registry } = deps;
  const sink = deps.facts ?? IGNORE_FACTS;
  /** Runs a write of a group's channels or sales and tells monitoring what it changed. */
  const telling = <T>(trx: Transaction<DB>, groupId: number, write: () => Promise<T>) =>
    tellingDifference(trx, sink, (t) => marketplaceTallies(t, [groupId]), write);

  const requireGroup = async (groupId: number): Promise<Group> => {
    const g = (await registry.groupPlaces([groupId])).get(groupId);
    if (!g) throw problems.notFound({ en: `No occupation group has id ${groupId}.`, th: `ไม่พบกลุ่มอาชีพรหัส ${groupId}` });
    return g;
  };

  const standing = async (ctx: ActorContext, group: Group): Promise<Standing> => {
    const actor = ctx.actor;
    const officer = scopeIncludes(marketplacePolicy.writeScope(actor), group.provinceCode);
    const reader = scopeIncludes(marketplacePolicy.readScope(actor), group.provinceCode);
    const leader = marketplacePolicy.mayLead(actor) && (await registry.groupsLedBy(actor.personId!)).includes(group.id);
    let partnerChannel: string | null = null;
    if (marketplacePolicy.isPartner(actor)) {
      const channel = await repository.advisorChannel(db, actor.userId);
      if (channel && (await repository.standingConsent(db, group.id, channel))) partnerChannel = channel;
    }
    return { officer, reader, leader, partnerChannel };
  };

  const refuse = async (what: Verb, group: Group, scope: Scope) => geo.outOfScope(what, [group.provinceCode], scope);

  /**
   * The group and the actor's standing, refused unless the standing allows `need`:
   * `read` (reader, leader, or the consented partner), `act` (officer or leader), `officer`.
   */
  const guardGroup = async (ctx: ActorContext, groupId: number, need: 'read' | 'act' | 'officer', what: Verb) => {
    const group = await requireGroup(groupId);
    const s = await standing(ctx, group);
    const allowed = need === 'officer' ? s.officer : need === 'act' ? s.officer || s.leader : s.reader || s.leader || s.partnerChannel !== null;
    if (!allowed) {
      if (marketplacePolicy.isPartner(ctx.actor))
        throw problems.forbidden({
          en: `To ${what.en}, the group must consent to share its data with your partner.`,
          th: `กลุ่มต้องให้ความยินยอมเปิดเผยข้อมูลแก่พันธมิตรของคุณก่อน จึงจะ${what.th}ได้`,
        });
      throw await refuse(what, group, need === 'read' ? marketplacePolicy.readScope(ctx.actor) : marketplacePolicy.writeScope(ctx.actor));
    }
    return { group, standing: s };
  };

  /** The actor's read scope for lists and summaries, refusing a role that reads nothing here. */
  const readScope = async (ctx: ActorContext, what: Verb) => {
    const scope = marketplacePolicy.readScope(ctx.actor);
    if (scope.kind === 'none') throw await geo.outOfScope(what, [], scope);
    return scope;
  };

  /** Rendered product pages (page-cache.ts); each write below forgets what it changes. */
  const pages = createPageCache({ ttlMs: PAGE_CACHE_MS, maxEntries: 5_000 });

  return { ...deps, notify: deps.notify ?? IGNORE_NOTIFY, telling, requireGroup, standing, guardGroup, readScope, refuse, pages };
}

export type MarketplaceAccess = ReturnType<typeof createMarketplaceAccess>;
