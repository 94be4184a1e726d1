import { SegmentedControl, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BarChart } from '../../components/BarChart';
import { Fact } from '../../components/Fact';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useFormat } from '../../format';
import { useLanguage } from '../../i18n/language';
import { nameOf, useProvinces } from '../../reference';
import { ListingCard } from './GroupShopPage';
import { useQueue, useSalesSummary, type ListingStatus } from './queries';
import { useBaht, useMonth } from './words';

const STATUSES: ListingStatus[] = ['proposed', 'returned', 'approved', 'unlisted'];

/** Revenue (thousand baht) summed by one key of the summary's rows, largest first. */
function sumBy<R extends { revenueSatang: number; orders: number }>(rows: readonly R[], key: (r: R) => string) {
  const sums = new Map<string, { revenue: number; orders: number }>();
  for (const r of rows) {
    const s = sums.get(key(r)) ?? { revenue: 0, orders: 0 };
    s.revenue += r.revenueSatang;
    s.orders += r.orders;
    sums.set(key(r), s);
  }
  return [...sums.entries()];
}

/**
 * The officer's marketplace: the listing queue of the area (oldest first; each opens its check),
 * and the fiscal year's sales by province, channel and month, each chart with its table.
 */
export function MarketplacePage() {
  const { t } = useTranslation('marketplace', { keyPrefix: 'queue' });
  const { t: w } = useTranslation('marketplace', { keyPrefix: 'words' });
  const lang = useLanguage();
  const { number } = useFormat();
  const baht = useBaht();
  const monthName = useMonth();
  const [status, setStatus] = useState<ListingStatus>('proposed');
  const queue = useQueue(status);
  const summary = useSalesSummary();
  const provinces = useProvinces();
  const rows = summary.data?.rows;
  const charts = useMemo(() => {
    if (!rows) return null;
    const k = (satang: number) => Math.round(satang / 100_000);
    const byProvince = sumBy(rows, (r) => r.provinceCode).sort((a, b) => b[1].revenue - a[1].revenue);
    const byChannel = sumBy(rows, (r) => r.channel).sort((a, b) => b[1].revenue - a[1].revenue);
    const byMonth = sumBy(rows, (r) => r.month).sort((a, b) => a[0].localeCompare(b[0]));
    return {
      province: {
        categories: byProvince.map(
          ([code]) =>
            nameOf(
              provinces.data?.find((p) => p.code === code),
              lang,
            ) || code,
        ),
        values: byProvince.map(([, s]) => k(s.revenue)),
      },
      channel: { categories: byChannel.map(([c]) => w(`channel.${c}` as 'channel.lazada')), values: byChannel.map(([, s]) => k(s.revenue)) },
      month: {
        categories: byMonth.map(([m]) => monthName(m)),
        revenue: byMonth.map(([, s]) => k(s.revenue)),
        orders: byMonth.map(([, s]) => s.orders),
      },
    };
  }, [rows, provinces.data, lang, w, monthName]);
  return (
    <>
      <PageHeader title={t('title')} intro={t('intro')} />
      <Stack maw={1100}>
        <Title order={2} size="h4">
          {t('listings')}
        </Title>
        <SegmentedControl
          aria-label={t('status')}
          value={status}
          onChange={(v) => setStatus(v as ListingStatus)}
          data={STATUSES.map((s) => ({ value: s, label: w(`status.${s}`) }))}
          fullWidth
          style={{ flexWrap: 'wrap' }}
        />
        <ProblemAlert error={queue.error} />
        {queue.data?.length === 0 && <Text>{t('empty')}</Text>}
        {queue.data?.map((l) => (
          <ListingCard key={l.id} listing={l} />
        ))}

        <Title order={2} size="h4" mt="md">
          {t('sales', { year: summary.data?.fiscalYear ?? '' })}
        </Title>
        <ProblemAlert error={summary.error} />
        {summary.data && (
          <SimpleGrid cols={{ base: 2, sm: 3 }}>
            <Fact label={t('revenue')} strong>
              {baht(summary.data.revenueSatang)}
            </Fact>
            <Fact label={t('orders')}>{number(summary.data.orders)}</Fact>
          </SimpleGrid>
        )}
        {rows?.length === 0 && <Text>{t('noSales')}</Text>}
        {charts && rows && rows.length > 0 && (
          <>
            <BarChart
              label={t('byMonth')}
              categoryHeader={t('month')}
              categories={charts.month.categories}
              series={[
                { name: t('revenueK'), values: charts.month.revenue, color: '#0b7285' },
                { name: t('ordersN'), values: charts.month.orders, color: '#e8590c' },
              ]}
            />
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              <BarChart
                label={t('byProvince')}
                categoryHeader={t('province')}
                categories={charts.province.categories}
                series={[{ name: t('revenueK'), values: charts.province.values, color: '#0b7285' }]}
                horizontal
              />
              <BarChart
                label={t('byChannel')}
                categoryHeader={t('channel')}
                categories={charts.channel.categories}
                series={[{ name: t('revenueK'), values: charts.channel.values, color: '#5f3dc4' }]}
                horizontal
              />
            </SimpleGrid>
          </>
        )}
      </Stack>
    </>
  );
}
