import { Anchor, Badge, Group, Paper, Progress, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { fiscalYearOf } from '../../../shared/fiscal-year';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ScrollTable } from '../../components/ScrollTable';
import { useFormat } from '../../format';
import { useLanguage } from '../../i18n/language';
import { nameOf, useProvinces } from '../../reference';
import { useMe } from '../../session';
import { ProvinceMap, shadeFor } from '../geo/ProvinceMap';
import { useIndicators, useOverview, useRecords } from './queries';
import { Breakdown } from './Breakdown';
import { TargetForm } from './TargetForm';

/** The indicator shown on the map and in the table when the reader has not chosen one. */
const DEFAULT_INDICATOR = 'employment.placed';
/** Fiscal years offered: the current one and the four before it. */
const YEARS_BACK = 4;

/**
 * The executive overview: for a Thai fiscal year (B.E.), each indicator's actual against its
 * target with the same point of the previous year, then one indicator by province on the map and
 * in a table. Choosing a province (in the list, on the map or in the table) narrows the cards to it.
 * The choices live in the address, so a view can be shared.
 */
export function MonitoringPage() {
  const { t } = useTranslation('monitoring', { keyPrefix: 'overview' });
  const lang = useLanguage();
  const { number, date } = useFormat();
  const [params, setParams] = useSearchParams();
  const current = fiscalYearOf(new Date());
  const fiscalYear = Number(params.get('fy')) || current;
  const province = params.get('province') ?? undefined;
  const chosen = params.get('indicator') ?? DEFAULT_INDICATOR;
  const { data: me } = useMe();
  const provinces = useProvinces();
  const indicators = useIndicators();
  const area = useOverview(fiscalYear);
  const narrowed = useOverview(fiscalYear, province, { enabled: Boolean(province) });
  const cards = province ? narrowed : area;

  const change = (next: { fy?: number; province?: string | null; indicator?: string }) => {
    const merged = {
      fy: String(next.fy ?? fiscalYear),
      indicator: next.indicator ?? chosen,
      province: next.province === undefined ? province : (next.province ?? undefined),
    };
    setParams(Object.fromEntries(Object.entries(merged).filter(([, v]) => v !== undefined)) as Record<string, string>, { replace: true });
  };
  const hrefFor = (code: string) => `?${new URLSearchParams({ fy: String(fiscalYear), indicator: chosen, province: code }).toString()}`;

  const definitionOf = (code: string) => indicators.data?.find((i) => i.code === code);
  const nameOfIndicator = (code: string) => nameOf(definitionOf(code), lang) || code;
  const provinceName = (code: string) =>
    nameOf(
      provinces.data?.find((p) => p.code === code),
      lang,
    ) || code;
  // A scoped reader may choose only their provinces; the API refuses the others.
  const scope = me?.scopeProvinceCodes ?? null;
  const provinceOptions = (provinces.data ?? [])
    .filter((p) => scope === null || scope.includes(p.code))
    .map((p) => ({ value: p.code, label: nameOf(p, lang) }));
  const maintained = (indicators.data ?? []).filter((i) => i.maintained);
  const selected = area.data?.indicators.find((i) => i.code === chosen);
  const byProvince = selected?.byProvince ?? [];
  const max = Math.max(1, ...byProvince.map((p) => p.actual));
  const percentOf = (actual: number, target: number | null) => (target ? Math.round((actual / target) * 1000) / 10 : null);
  // Money is kept in satang and shown in baht.
  const shown = (code: string, value: number) => number(definitionOf(code)?.format === 'satang' ? value / 100 : value);
  // The records behind a province's number: placements, for roles employment lets read them.
  const canList = chosen === 'employment.placed' && Boolean(province) && Boolean(me?.capabilities.includes('employment.read'));
  const records = useRecords(chosen, fiscalYear, province, { enabled: canList });

  return (
    <>
      <PageHeader title={t('title')} intro={t('intro')} />
      <Stack maw={1100}>
        <ProblemAlert error={indicators.error ?? area.error ?? narrowed.error} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select
            label={t('fiscalYear')}
            allowDeselect={false}
            data={Array.from({ length: YEARS_BACK + 1 }, (_, i) => current - i).map((fy) => ({ value: String(fy), label: t('fiscalYearOption', { fy }) }))}
            value={String(fiscalYear)}
            onChange={(v) => v && change({ fy: Number(v) })}
          />
          <Select
            label={t('province')}
            placeholder={t('allProvinces')}
            clearable
            searchable
            data={provinceOptions}
            value={province ?? null}
            onChange={(v) => change({ province: v })}
          />
          <Select
            label={t('indicator')}
            allowDeselect={false}
            data={maintained.map((i) => ({ value: i.code, label: nameOf(i, lang) }))}
            value={chosen}
            onChange={(v) => v && change({ indicator: v })}
          />
        </SimpleGrid>
        <Text size="sm" c="dimmed" data-testid="monitoring-area">
          {t('area', { area: province ? provinceName(province) : scope === null ? t('wholeCountry') : t('yourArea') })}
        </Text>

        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} data-testid="indicator-cards">
          {cards.data?.indicators.map((figure) => {
            const definition = definitionOf(figure.code);
            const name = nameOfIndicator(figure.code);
            const unit = definition ? (lang === 'en' ? definition.unit.en : definition.unit.th) : '';
            return (
              <Paper key={figure.code} withBorder p="md" component="section" aria-label={name} data-testid={`indicator-${figure.code}`}>
                <Text fw={600}>{name}</Text>
                {figure.maintained ? (
                  <>
                    <Text fz={28} fw={600} c="indigo.9" data-testid="actual">
                      {shown(figure.code, figure.actual)}{' '}
                      <Text span size="sm" c="dimmed">
                        {unit}
                      </Text>
                    </Text>
                    {figure.target !== null && figure.percent !== null ? (
                      <>
                        <Progress
                          value={Math.min(100, figure.percent)}
                          size="lg"
                          mt={4}
                          color="indigo"
                          aria-label={t('progress', {
                            name,
                            actual: shown(figure.code, figure.actual),
                            target: shown(figure.code, figure.target),
                            percent: number(figure.percent),
                          })}
                        />
                        <Text size="sm" mt={4}>
                          {t('target')} {shown(figure.code, figure.target)} · {t('percent', { percent: number(figure.percent) })}
                        </Text>
                      </>
                    ) : (
                      <Text size="sm">{t('noTarget')}</Text>
                    )}
                    <Text size="sm" c="dimmed">
                      {t('lastYear', { fy: fiscalYear - 1, n: shown(figure.code, figure.lastYearSamePoint) })}
                    </Text>
                  </>
                ) : (
                  <>
                    <Badge color="gray" variant="light" tt="none" my={4}>
                      {t('notMaintained')}
                    </Badge>
                    <Text size="sm" c="dimmed">
                      {t('notMaintainedDetail')}
                    </Text>
                    {figure.target !== null && (
                      <Text size="sm">
                        {t('target')} {number(figure.target)}
                      </Text>
                    )}
                  </>
                )}
              </Paper>
            );
          })}
        </SimpleGrid>

        {selected && (
          <Paper withBorder p="md" component="section" aria-label={t('table', { name: nameOfIndicator(chosen) })}>
            <Title order={2} size="h4" mb="sm">
              {t('table', { name: nameOfIndicator(chosen) })}
            </Title>
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              <div style={{ maxWidth: 360 }}>
                <ProvinceMap
                  highlight={byProvince.map((p) => p.provinceCode)}
                  selected={province}
                  onSelect={(code) => {
                    if (scope === null || scope.includes(code)) change({ province: code === province ? null : code });
                  }}
                  names={new Map(byProvince.map((p) => [p.provinceCode, `${provinceName(p.provinceCode)}: ${shown(chosen, p.actual)}`]))}
                  label={t('map', { name: nameOfIndicator(chosen) })}
                  fillOf={(code) => shadeFor(byProvince.find((p) => p.provinceCode === code)?.actual ?? 0, max)}
                />
              </div>
              {byProvince.length === 0 ? (
                <Text c="dimmed">{t('noneYet')}</Text>
              ) : (
                <ScrollTable label={t('table', { name: nameOfIndicator(chosen) })} minWidth={320}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('province')}</Table.Th>
                      <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>
                        {t('actual')}
                      </Table.Th>
                      <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>
                        {t('target')}
                      </Table.Th>
                      <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>
                        {t('share')}
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {byProvince.map((p) => {
                      const percent = percentOf(p.actual, p.target);
                      return (
                        <Table.Tr key={p.provinceCode} bg={p.provinceCode === province ? 'indigo.0' : undefined}>
                          <Table.Td>
                            <Anchor component={Link} to={hrefFor(p.provinceCode)} replace>
                              {provinceName(p.provinceCode)}
                            </Anchor>
                          </Table.Td>
                          <Table.Td ta="right">{shown(chosen, p.actual)}</Table.Td>
                          <Table.Td ta="right">{p.target === null ? '–' : shown(chosen, p.target)}</Table.Td>
                          <Table.Td ta="right">{percent === null ? '–' : number(percent)}</Table.Td>
                        </Table.Tr>
                      );
                    })}
                  </Table.Tbody>
                </ScrollTable>
              )}
            </SimpleGrid>
            {definitionOf(chosen) && (
              <Group mt="sm">
                <Text size="xs" c="dimmed">
                  {t('source', { source: lang === 'en' ? definitionOf(chosen)!.source.en : definitionOf(chosen)!.source.th })}
                </Text>
              </Group>
            )}
          </Paper>
        )}

        {selected && definitionOf(chosen)?.format !== 'percent' && (
          <Breakdown fiscalYear={fiscalYear} province={province} indicator={chosen} indicatorName={nameOfIndicator(chosen)} byProvince={byProvince} />
        )}

        {canList && province && (
          <Paper withBorder p="md" component="section" aria-label={t('records', { province: provinceName(province) })} data-testid="monitoring-records">
            <Title order={2} size="h4" mb="sm">
              {t('records', { province: provinceName(province) })}
            </Title>
            <ProblemAlert error={records.error} />
            {records.data && records.data.items.length === 0 && <Text c="dimmed">{t('noneYet')}</Text>}
            {records.data && records.data.items.length > 0 && (
              <ScrollTable label={t('records', { province: provinceName(province) })} minWidth={320}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('person')}</Table.Th>
                    <Table.Th>{t('job')}</Table.Th>
                    <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('startedOn')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {records.data.items.map((r) => (
                    <Table.Tr key={r.id}>
                      <Table.Td>
                        {r.personNameMasked}
                        <Text size="xs" c="dimmed">
                          {r.docNumberMasked}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        {r.titleTh}
                        <Text size="xs" c="dimmed">
                          {r.employerNameTh}
                        </Text>
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{date(r.startedOn)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </ScrollTable>
            )}
          </Paper>
        )}
        {me?.capabilities.includes('monitoring.targets') && (
          <TargetForm fiscalYear={fiscalYear} years={Array.from({ length: YEARS_BACK + 2 }, (_, i) => current + 1 - i)} />
        )}
        <Text size="sm">
          <Anchor component={Link} to="/open-data">
            {t('openData')}
          </Anchor>
        </Text>
      </Stack>
    </>
  );
}
