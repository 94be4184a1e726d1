import { Anchor, Badge, Button, Checkbox, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, ApiProblem, unwrap } from '../../api/client';
import { BarChart } from '../../components/BarChart';
import { Fact } from '../../components/Fact';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useFormat } from '../../format';
import { useLanguage } from '../../i18n/language';
import { useMe } from '../../session';
import { bahtToSatang } from '../../../shared/money';
import { ChannelPath } from './ChannelPath';
import { FeedView } from './FeedView';
import { useChannels, useGroupListings, useGroupSales, useMarketplaceRefresh, type ChannelAccount, type Listing } from './queries';
import { CHANNELS, LISTING_COLOURS, SALES_CHANNELS, STEPS, useBaht, useMonth } from './words';

/** One listing as a card: its status in words, price, and what the officer asked to fix. */
export function ListingCard({ listing: l }: { listing: Listing }) {
  const { t } = useTranslation('marketplace', { keyPrefix: 'listing' });
  const { t: w } = useTranslation('marketplace', { keyPrefix: 'words' });
  const lang = useLanguage();
  const baht = useBaht();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={`listing-${l.id}`} data-testid={`listing-card-${l.id}`}>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Title order={3} size="h5" id={`listing-${l.id}`}>
          <Anchor component={Link} to={`/marketplace/listings/${l.id}`}>
            {(lang === 'en' && l.titleEn) || l.titleTh}
          </Anchor>
        </Title>
        <Badge color={LISTING_COLOURS[l.status] ?? 'gray.9'} variant="outline" data-testid="listing-status">
          {w(`status.${l.status}`)}
        </Badge>
      </Group>
      <Text>
        {baht(l.priceSatang)} · {t('photos', { n: l.photos.length })}
      </Text>
      {l.status === 'returned' && l.returnReasons.length > 0 && (
        <Stack gap={2} mt="xs">
          <Text size="sm" fw={600}>
            {t('returnedFor')}
          </Text>
          {l.returnReasons.map((r, i) => (
            <Text key={i} size="sm">
              • {w(`reason.${r.code}` as 'reason.other')}: {r.note}
            </Text>
          ))}
        </Stack>
      )}
      {l.unlistedReason && (
        <Text size="sm" mt="xs">
          {t('unlisted', { reason: l.unlistedReason })}
        </Text>
      )}
    </Paper>
  );
}

/** Give or withdraw the group's consent to share its data with one channel's partner. */
function ConsentControl({ groupId, account }: { groupId: number; account: ChannelAccount }) {
  const { t } = useTranslation('marketplace', { keyPrefix: 'consent' });
  const { date } = useFormat();
  const lang = useLanguage();
  const refresh = useMarketplaceRefresh();
  const [evidence, setEvidence] = useState('');
  const name = lang === 'en' ? account.nameEn : account.nameTh;
  const give = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/marketplace/groups/{groupId}/consents', {
          params: { path: { groupId } },
          body: { channel: account.channel, evidence: evidence.trim() || null },
        }),
      ),
    onSuccess: () => refresh.group(groupId),
  });
  const withdraw = useMutation({
    mutationFn: () =>
      unwrap(api.POST('/api/marketplace/groups/{groupId}/consents/{channel}/withdraw', { params: { path: { groupId, channel: account.channel } } })),
    onSuccess: () => refresh.group(groupId),
  });
  return (
    <Stack gap="xs" mt="xs">
      {account.consent ? (
        <Group wrap="wrap" gap="sm">
          <Text size="sm">{t('given', { date: date(account.consent.givenAt.slice(0, 10)) })}</Text>
          <Button size="xs" variant="default" color="red" onClick={() => withdraw.mutate()} loading={withdraw.isPending}>
            {t('withdraw', { channel: name })}
          </Button>
        </Group>
      ) : (
        <Group align="end" wrap="wrap" gap="sm">
          <TextInput size="sm" label={t('evidence')} value={evidence} onChange={(e) => setEvidence(e.currentTarget.value)} maxLength={500} />
          <Button size="sm" onClick={() => give.mutate()} loading={give.isPending}>
            {t('give', { channel: name })}
          </Button>
        </Group>
      )}
      <ProblemAlert error={give.error ?? withdraw.error} />
    </Stack>
  );
}

/** A month's sales on one channel, entered on a phone: orders, revenue in baht (sent as satang), returns. */
function SalesForm({ groupId }: { groupId: number }) {
  const { t } = useTranslation('marketplace', { keyPrefix: 'sales' });
  const { t: w } = useTranslation('marketplace', { keyPrefix: 'words' });
  const lang = useLanguage();
  const refresh = useMarketplaceRefresh();
  const [channel, setChannel] = useState<string | null>('lazada');
  const [month, setMonth] = useState(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Bangkok' }).format(new Date()).slice(0, 7));
  const [orders, setOrders] = useState<number | string>('');
  const [revenue, setRevenue] = useState('');
  const [returns, setReturns] = useState<number | string>(0);
  const revenueSatang = useMemo(() => {
    try {
      return revenue.trim() ? bahtToSatang(revenue) : null;
    } catch {
      return null;
    }
  }, [revenue]);
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.PUT('/api/marketplace/groups/{groupId}/sales/{channel}/{month}', {
          params: { path: { groupId, channel: channel as (typeof SALES_CHANNELS)[number], month } },
          body: { orders: Number(orders), revenueSatang: revenueSatang!, returns: Number(returns) || 0 },
        }),
      ),
    onSuccess: () => refresh.group(groupId),
  });
  const errors = save.error instanceof ApiProblem ? save.error.fieldErrors(lang) : {};
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <SimpleGrid cols={{ base: 1, xs: 2, md: 5 }} style={{ alignItems: 'end' }}>
        <Select
          label={t('channel')}
          data={SALES_CHANNELS.map((c) => ({ value: c, label: w(`channel.${c}`) }))}
          value={channel}
          onChange={setChannel}
          allowDeselect={false}
          required
        />
        <TextInput type="month" label={t('month')} value={month} onChange={(e) => setMonth(e.currentTarget.value)} required error={errors.month} />
        <NumberInput label={t('orders')} min={0} value={orders} onChange={setOrders} required allowDecimal={false} error={errors.orders} />
        <TextInput
          label={t('revenue')}
          inputMode="decimal"
          value={revenue}
          onChange={(e) => setRevenue(e.currentTarget.value)}
          required
          error={(revenue.trim() && revenueSatang === null ? t('badAmount') : undefined) ?? errors.revenueSatang}
        />
        <NumberInput label={t('returns')} min={0} value={returns} onChange={setReturns} allowDecimal={false} error={errors.returns} />
      </SimpleGrid>
      <Group mt="sm">
        <Button type="submit" loading={save.isPending} disabled={!channel || !month || orders === '' || revenueSatang === null}>
          {t('save')}
        </Button>
        {save.isSuccess && (
          <Text role="status" size="sm" c="teal.9">
            {t('saved')}
          </Text>
        )}
      </Group>
      <ProblemAlert error={save.error} />
    </form>
  );
}

/** The group's income per member by month (baht), beside the members' income at registration. */
export function IncomeChart({ groupId }: { groupId: number }) {
  const { t } = useTranslation('marketplace', { keyPrefix: 'sales' });
  const monthName = useMonth();
  const baht = useBaht();
  const sales = useGroupSales(groupId);
  const s = sales.data;
  const series = useMemo(() => {
    if (!s) return [];
    const perMember = { name: t('perMember'), values: s.income.map((m) => Math.round((m.perMemberSatang ?? 0) / 100)), color: '#0b7285' };
    const atRegistration = s.incomeAtRegistrationPerMemberSatang;
    return atRegistration === null
      ? [perMember]
      : [perMember, { name: t('atRegistration'), values: s.income.map(() => Math.round(atRegistration / 100)), color: '#e8590c' }];
  }, [s, t]);
  if (!s) return <ProblemAlert error={sales.error} />;
  if (s.income.length === 0) return <Text>{t('none')}</Text>;
  const last = s.income.at(-1)!;
  return (
    <Stack gap="xs" data-testid="income-chart">
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        <Fact label={t('members')}>{s.members}</Fact>
        <Fact label={t('lastMonth', { month: monthName(last.month) })} strong>
          {baht(last.revenueSatang)}
        </Fact>
        <Fact label={t('perMemberLast')}>{last.perMemberSatang === null ? null : baht(last.perMemberSatang)}</Fact>
        <Fact label={t('atRegistration')}>{s.incomeAtRegistrationPerMemberSatang === null ? null : baht(s.incomeAtRegistrationPerMemberSatang)}</Fact>
      </SimpleGrid>
      <BarChart label={t('chart', { group: s.groupName })} categoryHeader={t('month')} categories={s.income.map((m) => monthName(m.month))} series={series} />
    </Stack>
  );
}

/**
 * A group's shop: its listings with their status and return reasons, each channel's onboarding
 * path with the group's consent, a month's sales entered on a phone and the income chart, and
 * the Lazada feed. The leader acts for her group; officers of its area too.
 */
export function GroupShopPage() {
  const groupId = Number(useParams().id);
  const { t } = useTranslation('marketplace', { keyPrefix: 'group' });
  const me = useMe();
  const listings = useGroupListings(groupId);
  const channels = useChannels(groupId);
  const caps = me.data?.capabilities ?? [];
  // A citizen reaches this page for a group she leads (her own page lists them); officers for their area.
  const acts = caps.includes('marketplace.check') || caps.includes('own-records');
  const name = channels.data?.groupName;
  const [showAll, setShowAll] = useState(false);
  const { t: w } = useTranslation('marketplace', { keyPrefix: 'words' });
  // The API answers only the channels the group has begun; the others are shown not yet begun.
  const all = (channels.data ? CHANNELS : []).map(
    (channel): ChannelAccount =>
      channels.data?.channels.find((c) => c.channel === channel) ?? {
        channel,
        nameTh: w(`channel.${channel}`),
        nameEn: w(`channel.${channel}`),
        shopUrl: null,
        shopRef: null,
        advisorUserId: null,
        consent: null,
        consentHistory: [],
        steps: STEPS.map((step) => ({ step, on: null, reached: false })),
        current: null,
      },
  );
  const shown = all.filter((c) => showAll || c.consent || c.current !== null || c.channel === 'lazada');
  return (
    <>
      <PageHeader title={name ? t('titleOf', { group: name }) : t('title')} intro={t('intro')}>
        {acts && (
          <Group gap="md" wrap="wrap">
            <Anchor component={Link} to={`/marketplace/groups/${groupId}/listings/new`}>
              {t('propose')}
            </Anchor>
            <Anchor component={Link} to={`/marketplace/groups/${groupId}/import`}>
              {t('import')}
            </Anchor>
          </Group>
        )}
      </PageHeader>
      <Stack maw={960}>
        <ProblemAlert error={listings.error ?? channels.error} />
        <Title order={2} size="h4">
          {t('listings')}
        </Title>
        {listings.data?.length === 0 && <Text>{t('noListings')}</Text>}
        {listings.data?.map((l) => (
          <ListingCard key={l.id} listing={l} />
        ))}

        <Title order={2} size="h4" mt="md">
          {t('channels')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('channelsIntro')}
        </Text>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {shown.map((c) => (
            <Stack key={c.channel} gap={0}>
              <ChannelPath groupId={groupId} account={c} canMove={acts} />
              {acts && <ConsentControl groupId={groupId} account={c} />}
            </Stack>
          ))}
        </SimpleGrid>
        {!showAll && <Checkbox label={t('allChannels')} checked={showAll} onChange={(e) => setShowAll(e.currentTarget.checked)} />}

        <Title order={2} size="h4" mt="md">
          {t('sales')}
        </Title>
        {acts && (
          <Paper withBorder p="md">
            <SalesForm groupId={groupId} />
          </Paper>
        )}
        <IncomeChart groupId={groupId} />

        <Title order={2} size="h4" mt="md">
          {t('feed')}
        </Title>
        <FeedView groupId={groupId} format="lazada" />
      </Stack>
    </>
  );
}
