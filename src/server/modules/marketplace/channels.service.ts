import { recordAudit } from '../../platform/audit/audit.service';
import type { ActorContext } from '../../platform/context';
import { problems } from '../../platform/problem';
import type { MarketplaceAccess } from './marketplace.access';
import { marketplacePolicy } from './marketplace.policy';
import * as repository from './marketplace.repository';
import { bangkokToday, CHANNEL_NAMES, onboardingPath, stepOrderReasons, type Channel } from './marketplace.rules';

type Ctx = ActorContext;

export interface AccountInput {
  shopUrl?: string | null;
  shopRef?: string | null;
  advisorUserId?: string | null;
  documentsReadyOn?: string | null;
  shopOpenedOn?: string | null;
  firstProductLiveOn?: string | null;
  firstSaleOn?: string | null;
}

const day = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString().slice(0, 10));
const bangkokDay = (d: Date | string) => bangkokToday(new Date(d));

/**
 * Channel accounts: a group's shop on each channel and its onboarding path, the group's consent
 * to share with the channel's partner, and the partner's advisors, who see only the groups that
 * consented to share with their partner, and lose them when consent is withdrawn.
 */
export function createChannelsService(access: MarketplaceAccess) {
  const { db, registry, guardGroup, pages } = access;

  /** The group's accounts and consents, each channel with its path. */
  const channelsOf = async (groupIds: number[], only?: string) => {
    const [accounts, consents, lastSales] = await Promise.all([
      repository.accountsOfGroups(db, groupIds),
      repository.consentsOfGroups(db, groupIds),
      repository.lastSaleMonths(db, groupIds),
    ]);
    const today = bangkokToday(new Date());
    const byGroup = new Map<number, unknown[]>();
    for (const groupId of groupIds) {
      const channels = (only ? [only] : [...new Set([...accounts, ...consents].filter((r) => r.group_id === groupId).map((r) => r.channel))]).map((channel) => {
        const account = accounts.find((a) => a.group_id === groupId && a.channel === channel);
        const standing = consents.find((c) => c.group_id === groupId && c.channel === channel && c.withdrawn_at === null);
        const last = lastSales.find((s) => s.group_id === groupId && s.channel === channel)?.month ?? null;
        const dates = {
          consentedOn: standing ? bangkokDay(standing.given_at) : null,
          documentsReadyOn: account?.documents_ready_on ?? null,
          shopOpenedOn: account?.shop_opened_on ?? null,
          firstProductLiveOn: account?.first_product_live_on ?? null,
          firstSaleOn: account?.first_sale_on ?? null,
          lastSaleMonth: last ? day(last as string) : null,
        };
        return {
          channel: channel as Channel,
          nameTh: CHANNEL_NAMES[channel as Channel].th,
          nameEn: CHANNEL_NAMES[channel as Channel].en,
          shopUrl: account?.shop_url ?? null,
          shopRef: account?.shop_ref ?? null,
          advisorUserId: account?.advisor_user_id ?? null,
          consent: standing
            ? {
                givenAt: new Date(standing.given_at).toISOString(),
                evidence: standing.evidence, // A partner's advisor is not told which member gave it.
                givenByPersonId: only ? null : standing.given_by_person_id,
              }
            : null,
          consentHistory: consents
            .filter((c) => c.group_id === groupId && c.channel === channel)
            .map((c) => ({ givenAt: new Date(c.given_at).toISOString(), withdrawnAt: c.withdrawn_at ? new Date(c.withdrawn_at).toISOString() : null })),
          ...onboardingPath(dates, today),
        };
      });
      byGroup.set(groupId, channels);
    }
    return byGroup;
  };

  const service = {
    async groupChannels(ctx: Ctx, groupId: number) {
      const { group, standing } = await guardGroup(ctx, groupId, 'read', { en: 'read this group’s channels', th: 'ดูช่องทางการขายของกลุ่มนี้' });
      // A partner's advisor sees its own channel of the group, not the others.
      const only = standing.reader || standing.leader ? undefined : standing.partnerChannel!;
      return { groupId, groupName: group.name, provinceCode: group.provinceCode, channels: (await channelsOf([groupId], only)).get(groupId) as never[] };
    },

    /**
     * Records a channel account's shop and onboarding dates (officers of the area, the group's
     * leader, or the advisor of that channel's partner once the group consented). Steps must
     * follow each other, and a shop needs the group's consent first.
     */
    async setAccount(ctx: Ctx, groupId: number, channel: Channel, input: AccountInput) {
      const { group, standing } = await guardGroup(ctx, groupId, 'read', { en: 'record this group’s channel', th: 'บันทึกช่องทางการขายของกลุ่มนี้' });
      if (!standing.officer && !standing.leader && standing.partnerChannel !== channel)
        throw problems.forbidden({
          en: `Only officers of the area, the group’s leader, or ${CHANNEL_NAMES[channel].en}’s advisor record this account.`,
          th: `เฉพาะเจ้าหน้าที่ในพื้นที่ ประธานกลุ่ม หรือที่ปรึกษาของ ${CHANNEL_NAMES[channel].th} เท่านั้นที่บันทึกบัญชีนี้ได้`,
        });
      const before = await repository.findAccount(db, groupId, channel);
      const consent = await repository.standingConsent(db, groupId, channel);
      const merged = {
        shopUrl: input.shopUrl !== undefined ? input.shopUrl : (before?.shop_url ?? null),
        shopRef: input.shopRef !== undefined ? input.shopRef : (before?.shop_ref ?? null),
        advisorUserId: input.advisorUserId !== undefined ? input.advisorUserId : (before?.advisor_user_id ?? null),
        documentsReadyOn: input.documentsReadyOn !== undefined ? input.documentsReadyOn : (before?.documents_ready_on ?? null),
        shopOpenedOn: input.shopOpenedOn !== undefined ? input.shopOpenedOn : (before?.shop_opened_on ?? null),
        firstProductLiveOn: input.firstProductLiveOn !== undefined ? input.firstProductLiveOn : (before?.first_product_live_on ?? null),
        firstSaleOn: input.firstSaleOn !== undefined ? input.firstSaleOn : (before?.first_sale_on ?? null),
      };
      // An id in the body is checked as one in a path would be: the advisor must be this channel's.
      if (input.advisorUserId && input.advisorUserId !== before?.advisor_user_id) {
        const isAdvisor =
          (await access.identity.holdersOf('marketplace_partner', [input.advisorUserId])).length > 0 &&
          (await repository.advisorChannel(db, input.advisorUserId)) === channel;
        if (!isAdvisor)
          throw problems.validation([
            {
              field: 'body.advisorUserId',
              code: 'not-an-advisor',
              message: `Account ${input.advisorUserId} is not an advisor of ${CHANNEL_NAMES[channel].en}.`,
              messageTh: `บัญชี ${input.advisorUserId} ไม่ใช่ที่ปรึกษาของ ${CHANNEL_NAMES[channel].th}`,
            },
          ]);
      }
      const reasons = stepOrderReasons({ ...merged, consentedOn: consent ? bangkokDay(consent.given_at) : null });
      if (merged.shopOpenedOn && !merged.shopUrl && !merged.shopRef)
        reasons.push({ code: 'shop-unnamed', en: 'An opened shop needs its URL or ID.', th: 'ร้านที่เปิดแล้วต้องระบุ URL หรือรหัสร้าน' });
      if (reasons.length)
        throw problems.unprocessable(
          { en: 'The onboarding steps do not follow each other; see errors.', th: 'ขั้นตอนการเปิดร้านไม่เป็นไปตามลำดับ ดูรายละเอียดใน errors' },
          reasons.map((r) => ({ field: 'body', code: r.code, message: r.en, messageTh: r.th })),
        );
      await db.transaction().execute(async (trx) => {
        await access.telling(trx, groupId, () =>
          repository.upsertAccount(trx, {
            group_id: groupId,
            province_code: group.provinceCode,
            channel,
            shop_url: merged.shopUrl,
            shop_ref: merged.shopRef,
            advisor_user_id: merged.advisorUserId,
            documents_ready_on: merged.documentsReadyOn,
            shop_opened_on: merged.shopOpenedOn,
            first_product_live_on: merged.firstProductLiveOn,
            first_sale_on: merged.firstSaleOn,
            updated_at: new Date(),
          }),
        );
        pages.forgetGroup(groupId);
        await recordAudit(trx, ctx, {
          action: 'channel_account.update',
          entityType: 'occupation_group',
          entityId: String(groupId),
          provinceCode: group.provinceCode,
          after: { channel, ...input },
        });
      });
      return service.groupChannels(ctx, groupId);
    },

    /**
     * The group's consent to share its data with a channel's partner (given by a current member,
     * usually the leader, with the evidence seen), on the group's timeline.
     */
    async giveConsent(ctx: Ctx, groupId: number, input: { channel: Channel; givenByPersonId?: number | null; evidence?: string | null }) {
      const { group } = await guardGroup(ctx, groupId, 'act', { en: 'record this group’s consent', th: 'บันทึกความยินยอมของกลุ่มนี้' });
      const giver = input.givenByPersonId ?? (marketplacePolicy.mayLead(ctx.actor) ? ctx.actor.personId : null);
      if (giver !== null) {
        const members = (await registry.currentMembers({ groupIds: [groupId] })).get(groupId) ?? [];
        if (!members.includes(giver))
          throw problems.validation([
            {
              field: 'body.givenByPersonId',
              code: 'not-a-member',
              message: `Person ${giver} is not a current member of this group; a member gives the group’s consent.`,
              messageTh: `บุคคลรหัส ${giver} ไม่ใช่สมาชิกปัจจุบันของกลุ่ม ความยินยอมของกลุ่มต้องให้โดยสมาชิก`,
            },
          ]);
      }
      if (await repository.standingConsent(db, groupId, input.channel))
        throw problems.conflict({ en: `The group’s consent for ${input.channel} already stands.`, th: `กลุ่มให้ความยินยอมสำหรับ ${input.channel} ไว้แล้ว` });
      const name = CHANNEL_NAMES[input.channel];
      await db.transaction().execute(async (trx) => {
        await repository.insertConsent(trx, {
          group_id: groupId,
          channel: input.channel,
          given_by_person_id: giver,
          evidence: input.evidence ?? null,
          recorded_by: ctx.actor.userId,
        });
        await registry.addTimelineEvent(trx, {
          groupId,
          module: 'marketplace',
          kind: 'consent-given',
          summaryTh: `กลุ่มยินยอมเปิดเผยข้อมูลแก่ ${name.th}`,
          summaryEn: `The group consented to share its data with ${name.en}`,
          data: { purpose: `share-${input.channel}` },
          actorUserId: ctx.actor.userId,
        });
        await recordAudit(trx, ctx, {
          action: 'channel_consent.give',
          entityType: 'occupation_group',
          entityId: String(groupId),
          provinceCode: group.provinceCode,
          after: { purpose: `share-${input.channel}` },
        });
      });
      return service.groupChannels(ctx, groupId);
    },

    async withdrawConsent(ctx: Ctx, groupId: number, channel: Channel) {
      const { group } = await guardGroup(ctx, groupId, 'act', { en: 'record this group’s consent', th: 'บันทึกความยินยอมของกลุ่มนี้' });
      const name = CHANNEL_NAMES[channel];
      await db.transaction().execute(async (trx) => {
        const withdrawn = await repository.withdrawConsent(trx, groupId, channel);
        if (withdrawn.length === 0) throw problems.notFound({ en: `No standing consent for ${channel}.`, th: `ไม่มีความยินยอมสำหรับ ${channel} ที่ยังมีผล` });
        await registry.addTimelineEvent(trx, {
          groupId,
          module: 'marketplace',
          kind: 'consent-withdrawn',
          summaryTh: `กลุ่มถอนความยินยอมเปิดเผยข้อมูลแก่ ${name.th}`,
          summaryEn: `The group withdrew its consent to share with ${name.en}`,
          data: { purpose: `share-${channel}` },
          actorUserId: ctx.actor.userId,
        });
        await recordAudit(trx, ctx, {
          action: 'channel_consent.withdraw',
          entityType: 'occupation_group',
          entityId: String(groupId),
          provinceCode: group.provinceCode,
          after: { purpose: `share-${channel}` },
        });
      });
      return service.groupChannels(ctx, groupId);
    },

    /** A partner's advisor: the groups that consented to share with its partner, each with that channel's path. */
    async partnerGroups(ctx: Ctx) {
      if (!marketplacePolicy.isPartner(ctx.actor))
        throw problems.forbidden({ en: 'Only marketplace partners’ advisors have a partner view.', th: 'เฉพาะที่ปรึกษาของพันธมิตรตลาดออนไลน์เท่านั้น' });
      const channel = await repository.advisorChannel(db, ctx.actor.userId);
      if (!channel) return { channel: null, groups: [] };
      const consented = await repository.consentedGroups(db, channel);
      const ids = consented.map((c) => c.group_id);
      const [places, channels] = await Promise.all([registry.groupPlaces(ids), channelsOf(ids, channel)]);
      return {
        channel: channel as Channel,
        groups: ids.flatMap((id) => {
          const g = places.get(id);
          return g ? [{ groupId: id, groupName: g.name, provinceCode: g.provinceCode, account: (channels.get(id) as never[])[0]! }] : [];
        }),
      };
    },

    /** An administrator names the partner a `marketplace_partner` account advises for. */
    async setAdvisor(ctx: Ctx, userId: string, channel: Channel) {
      if (!marketplacePolicy.managesAdvisors(ctx.actor))
        throw problems.forbidden({ en: 'Only system administrators name partners’ advisors.', th: 'เฉพาะผู้ดูแลระบบเท่านั้นที่กำหนดที่ปรึกษาของพันธมิตรได้' });
      if ((await access.identity.holdersOf('marketplace_partner', [userId])).length === 0)
        throw problems.unprocessable({
          en: `Account ${userId} is not an active account holding the marketplace partner role.`,
          th: `บัญชี ${userId} ไม่ใช่บัญชีที่ใช้งานอยู่ซึ่งมีบทบาทพันธมิตรตลาดออนไลน์`,
        });
      await db.transaction().execute(async (trx) => {
        await repository.setAdvisor(trx, userId, channel);
        await recordAudit(trx, ctx, { action: 'partner_advisor.set', entityType: 'app_user', entityId: userId, after: { channel } });
      });
      return { userId, channel };
    },
  };
  return service;
}
