import type { TFunction } from 'i18next';
import { Alert, Anchor, Badge, Button, FileInput, Group, Loader, Paper, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, ApiProblem, unwrap } from '../../api/client';
import { tableUpload, TABLE_FILES } from '../../api/upload';
import type { components, paths } from '../../api/schema';
import { BarChart } from '../../components/BarChart';
import { useFormat } from '../../format';
import { usePlan, useTrainingRefresh } from './queries';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ScrollTable } from '../../components/ScrollTable';
import { nameOf, useProvinces } from '../../reference';
import { ProvinceMap } from '../geo/ProvinceMap';
import { CURRICULUM_CATEGORIES } from '../../../shared/training-categories';

type Plan = components['schemas']['TrainingPlan'];
type Category = NonNullable<NonNullable<paths['/api/training/planning']['get']['parameters']['query']>['category']>;

/** The curriculum categories, shared with the server. */
const CATEGORIES = CURRICULUM_CATEGORIES as readonly { code: Category; th: string; en: string }[];

/** Colours that colour-blind readers tell apart (Okabe–Ito), each at least 3:1 against white. */
const SERIES_COLOURS = { demand: '#0072B2', plannedSeats: '#B35900', completed: '#007A5A' };
const NO_DEMAND = '#e9ecef';
const MET = '#8ce99a';
const SHORT = ['#ffc9c9', '#fa5252', '#a51d1d'];

/** Rounds up to 1, 2, 2.5 or 5 × a power of ten, so legend bounds read as round numbers. */
function niceCeil(n: number): number {
  if (n <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(n));
  return Math.ceil(([1, 2, 2.5, 5, 10].find((m) => m * power >= n) ?? 10) * power);
}

/** The map's shortfall steps: three equal, round steps that cover the largest shortfall. */
function shortfallBins(max: number) {
  const step = niceCeil(Math.max(1, max / 3));
  return { first: step, second: 2 * step };
}

export function PlanningPage() {
  const { i18n } = useTranslation();
  const lang = i18n.language.startsWith('en') ? 'en' : 'th';
  const { t } = useTranslation('training', { keyPrefix: 'planning' });
  const { number } = useFormat();
  const [params, setParams] = useSearchParams();
  const fiscalYear = params.get('fy') ? Number(params.get('fy')) : undefined;
  const province = params.get('province') ?? undefined;
  const category = (params.get('category') ?? undefined) as Category | undefined;
  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  const plan = usePlan({ fiscalYear, province, category });
  const data = plan.data;

  return (
    <>
      <PageHeader title={t('title')} intro={t('intro')} />
      <Stack maw={1200}>
        <Paper withBorder p="md" component="section" aria-label={t('filters')}>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              label={t('fiscalYear')}
              allowDeselect={false}
              data={yearOptions(data, t)}
              value={data ? String(data.fiscalYear) : null}
              onChange={(v) => setParam('fy', v)}
            />
            <Select
              label={t('province')}
              placeholder={t('allProvinces')}
              clearable
              searchable
              data={provinceOptions(data, province, lang)}
              value={province ?? null}
              onChange={(v) => setParam('province', v)}
            />
            <Select
              label={t('category')}
              placeholder={t('allCategories')}
              clearable
              data={CATEGORIES.map((c) => ({ value: c.code, label: lang === 'th' ? c.th : c.en }))}
              value={category ?? null}
              onChange={(v) => setParam('category', v)}
            />
          </SimpleGrid>
        </Paper>

        <ProblemAlert error={plan.error} />
        {!data && plan.isLoading && (
          <Group gap="xs" role="status">
            <Loader size="sm" aria-hidden />
            <Text>{t('loading')}</Text>
          </Group>
        )}
        {data && <PlanView data={data} t={t} lang={lang} number={number} onProvince={(code) => setParam('province', code)} province={province} />}
        {data?.canImport && <ImportCard t={t} lang={lang} number={number} fiscalYear={data.fiscalYear} />}
      </Stack>
    </>
  );
}

type Words = TFunction<'training', 'planning'>;

function yearOptions(data: Plan | undefined, t: Words) {
  if (!data) return [];
  const years = [...new Set([...data.fiscalYears, data.currentFiscalYear, data.currentFiscalYear + 1, data.fiscalYear])].sort((a, b) => b - a);
  return years.map((y) => ({ value: String(y), label: `${t('fy', { y: String(y) })}${y === data.currentFiscalYear ? ` ${t('current')}` : ''}` }));
}

function provinceOptions(data: Plan | undefined, selected: string | undefined, lang: 'th' | 'en') {
  const seen = new Map<string, string>();
  for (const p of data?.provinces ?? []) seen.set(p.provinceCode, lang === 'th' ? p.provinceNameTh : p.provinceNameEn);
  if (selected && !seen.has(selected)) seen.set(selected, selected);
  return [...seen].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label, lang === 'th' ? 'th' : 'en'));
}

function PlanView({
  data,
  t,
  lang,
  number,
  onProvince,
  province,
}: {
  data: Plan;
  t: Words;
  lang: 'th' | 'en';
  number: (n: number) => string;
  onProvince: (code: string) => void;
  province?: string;
}) {
  const name = (p: { provinceNameTh: string; provinceNameEn: string }) => (lang === 'th' ? p.provinceNameTh : p.provinceNameEn);
  const top = useMemo(() => data.provinces.slice(0, 20), [data]);
  const chartCategories = useMemo(() => top.map((p) => (lang === 'th' ? p.provinceNameTh : p.provinceNameEn)), [top, lang]);
  const chartSeries = useMemo(
    () => [
      { name: t('demand'), values: top.map((p) => p.demand), color: SERIES_COLOURS.demand },
      { name: t('plannedSeats'), values: top.map((p) => p.plannedSeats), color: SERIES_COLOURS.plannedSeats },
      { name: t('completed'), values: top.map((p) => p.completed), color: SERIES_COLOURS.completed },
    ],
    [top, t],
  );
  const byProvince = new Map(data.provinces.map((p) => [p.provinceCode, p]));
  const maxShortfall = Math.max(0, ...data.provinces.map((p) => p.shortfall));
  const { first, second } = shortfallBins(maxShortfall);
  const fillOf = (code: string) => {
    const p = byProvince.get(code);
    if (!p || p.demand === 0) return NO_DEMAND;
    if (p.shortfall === 0) return MET;
    return p.shortfall <= first ? SHORT[0]! : p.shortfall <= second ? SHORT[1]! : SHORT[2]!;
  };
  const legend = [
    { colour: NO_DEMAND, label: t('noDemand') },
    { colour: MET, label: t('met') },
    { colour: SHORT[0]!, label: first === 1 ? t('exactly', { a: number(1) }) : t('range', { a: number(1), b: number(first) }) },
    ...(maxShortfall > first ? [{ colour: SHORT[1]!, label: t('range', { a: number(first + 1), b: number(second) }) }] : []),
    ...(maxShortfall > second ? [{ colour: SHORT[2]!, label: t('above', { a: number(second) }) }] : []),
  ];
  const provinces = useProvinces();
  const mapNames = new Map((provinces.data ?? []).map((p) => [p.code, nameOf(p, lang)]));
  for (const p of data.provinces) mapNames.set(p.provinceCode, `${name(p)}: ${p.demand === 0 ? t('noDemand') : gapText(p.gap, t, number)}`);
  const totals: [keyof Plan['totals'], string][] = [
    ['demand', t('demand')],
    ['plannedSeats', t('plannedSeats')],
    ['enrolled', t('enrolled')],
    ['completed', t('completed')],
    ['shortfall', t('shortfall')],
  ];

  if (data.rows.length === 0 && data.provinces.length === 0) {
    return (
      <Paper withBorder p="md">
        <Text>{t('none')}</Text>
      </Paper>
    );
  }
  return (
    <>
      <Paper withBorder p="md" component="section" aria-labelledby="plan-summary">
        <Title order={2} size="h4" id="plan-summary" mb="sm">
          {t('summary')} · {t('fy', { y: String(data.fiscalYear) })}
        </Title>
        <SimpleGrid cols={{ base: 2, sm: 3, md: 5 }}>
          {totals.map(([key, label]) => (
            <div key={key}>
              <Text size="sm" c="dimmed">
                {label}
              </Text>
              <Text fz="xl" fw={700} c={key === 'shortfall' && data.totals.shortfall > 0 ? 'red.9' : undefined}>
                {number(data.totals[key])}
              </Text>
            </div>
          ))}
        </SimpleGrid>
      </Paper>

      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <Paper withBorder p="md" component="section" aria-labelledby="plan-chart">
          <Title order={2} size="h4" id="plan-chart" mb="sm">
            {t('chartTitle')}
          </Title>
          <BarChart label={t('chart')} categories={chartCategories} categoryHeader={t('provinceColumn')} series={chartSeries} horizontal />
        </Paper>
        <Paper withBorder p="md" component="section" aria-labelledby="plan-map">
          <Title order={2} size="h4" id="plan-map" mb={4}>
            {t('map')}
          </Title>
          <Text size="sm" c="dimmed" mb="xs">
            {t('mapHint')}
          </Text>
          <div style={{ maxWidth: 380, marginInline: 'auto' }}>
            <ProvinceMap
              highlight={[]}
              selected={province}
              names={mapNames}
              label={t('mapLabel')}
              fillOf={fillOf}
              onSelect={(code) => {
                if (byProvince.has(code)) onProvince(code);
              }}
            />
          </div>
          <Title order={3} size="h6" mt="sm" mb={4}>
            {t('legend')}
          </Title>
          <Stack gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {legend.map((item) => (
              <Group key={item.label} gap="xs" component="li" wrap="nowrap">
                <span
                  aria-hidden
                  style={{
                    display: 'inline-block',
                    width: 18,
                    height: 18,
                    borderRadius: 3,
                    background: item.colour,
                    border: '1px solid #868e96',
                    flex: 'none',
                  }}
                />
                <Text size="sm">{item.label}</Text>
              </Group>
            ))}
          </Stack>
        </Paper>
      </SimpleGrid>

      <Paper withBorder p="md" component="section" aria-labelledby="plan-table">
        <Title order={2} size="h4" id="plan-table" mb="sm">
          {t('table')}
        </Title>
        {data.rows.length === 0 ? (
          <Text>{t('none')}</Text>
        ) : (
          <ScrollTable label={t('table')} minWidth={760} striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('province')}</Table.Th>
                <Table.Th scope="col">{t('category')}</Table.Th>
                {[t('demand'), t('plannedSeats'), t('enrolled'), t('completed')].map((h) => (
                  <Table.Th key={h} scope="col" style={{ textAlign: 'end' }}>
                    {h}
                  </Table.Th>
                ))}
                <Table.Th scope="col">{t('gap')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.rows.map((r) => (
                <Table.Tr key={`${r.provinceCode}-${r.category}`}>
                  <Table.Th scope="row" fw={400}>
                    {name(r)}
                  </Table.Th>
                  <Table.Td>{lang === 'th' ? r.categoryNameTh : r.categoryNameEn}</Table.Td>
                  <Table.Td style={{ textAlign: 'end' }}>{number(r.demand)}</Table.Td>
                  <Table.Td style={{ textAlign: 'end' }}>{number(r.plannedSeats)}</Table.Td>
                  <Table.Td style={{ textAlign: 'end' }}>{number(r.enrolled)}</Table.Td>
                  <Table.Td style={{ textAlign: 'end' }}>{number(r.completed)}</Table.Td>
                  <Table.Td>
                    <GapBadge gap={r.gap} t={t} number={number} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ScrollTable>
        )}
      </Paper>
    </>
  );
}

const gapText = (gap: number, t: Words, number: (n: number) => string) =>
  gap > 0 ? t('short', { n: number(gap) }) : gap < 0 ? t('surplus', { n: number(-gap) }) : t('balanced');

/** A shortfall in red, a surplus in green, in words as well as colour. */
function GapBadge({ gap, t, number }: { gap: number; t: Words; number: (n: number) => string }) {
  const colour = gap > 0 ? 'red.9' : gap < 0 ? '#1b5e20' : 'gray.8';
  return (
    <Badge color={colour} variant="filled" size="lg" tt="none">
      {gapText(gap, t, number)}
    </Badge>
  );
}

function ImportCard({ t, lang, number, fiscalYear }: { t: Words; lang: 'th' | 'en'; number: (n: number) => string; fiscalYear: number }) {
  const { t: words } = useTranslation('training');
  const [file, setFile] = useState<File | null>(null);
  const refresh = useTrainingRefresh();
  const upload = useMutation({
    mutationFn: () => unwrap(api.POST('/api/training/labour-demand', { params: { query: { fileName: file!.name, fiscalYear } }, ...tableUpload(file!) })),
    onSuccess: (result) => {
      if (result.imported > 0) void refresh.plans();
    },
  });
  const result = upload.data;
  const rejectedRows = result ? new Set(result.errors.map((e) => e.line)).size : 0;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="plan-import">
      <Stack>
        <Title order={2} size="h4" id="plan-import">
          {t('importTitle')}
        </Title>
        <Text size="sm">{t('importIntro')}</Text>
        <Group gap="md" wrap="wrap">
          <Text size="sm">{t('template')}:</Text>
          <Anchor href="/api/training/labour-demand/template?language=th" download size="sm">
            {t('templateTh')}
          </Anchor>
          <Anchor href="/api/training/labour-demand/template?language=en" download size="sm">
            {t('templateEn')}
          </Anchor>
        </Group>
        <Group align="end" wrap="wrap">
          <FileInput
            label={t('file')}
            description={`${t('fileHint')} · ${t('yearFallback', { y: String(fiscalYear) })}`}
            accept={TABLE_FILES}
            value={file}
            onChange={(f) => {
              setFile(f);
              upload.reset();
            }}
            miw={260}
            clearable
            clearButtonProps={{ 'aria-label': t('clearFile') }}
          />
          <Button onClick={() => upload.mutate()} disabled={!file} loading={upload.isPending}>
            {t('upload')}
          </Button>
        </Group>
        <ProblemAlert error={upload.error} />
        {upload.error instanceof ApiProblem && upload.error.errors.length > 1 && (
          <ul>
            {upload.error.errors.map((e, i) => (
              <li key={i}>{lang === 'th' ? e.messageTh : e.message}</li>
            ))}
          </ul>
        )}
        <div role="status" aria-live="polite">
          {result && result.imported > 0 && (
            <Alert color="green" variant="light" styles={{ message: { color: '#1b5e20' } }}>
              {t('imported', { n: number(result.imported), i: number(result.inserted), u: number(result.updated) })}
            </Alert>
          )}
          {result && result.errorCount > 0 && (
            <Alert color="red" variant="light" styles={{ message: { color: '#8b1a1a' } }}>
              {t('rejected', { n: number(result.errorCount), rows: number(rejectedRows) })}
            </Alert>
          )}
        </div>
        {result && result.errors.length > 0 && (
          <>
            <Title order={3} size="h5">
              {t('errors')}
            </Title>
            {result.errorCount > result.errors.length && (
              <Text size="sm">{t('firstErrors', { shown: number(result.errors.length), n: number(result.errorCount) })}</Text>
            )}
            <ScrollTable label={t('errors')} minWidth={560} striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('line')}</Table.Th>
                  <Table.Th scope="col">{t('column')}</Table.Th>
                  <Table.Th scope="col">{t('value')}</Table.Th>
                  <Table.Th scope="col">{t('reason')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {result.errors.map((e, i) => (
                  <Table.Tr key={`${e.line}-${e.column}-${i}`}>
                    <Table.Td>{e.line}</Table.Td>
                    <Table.Td>{e.column ? words(`columns.${e.column}` as 'columns.province', { defaultValue: e.column }) : '—'}</Table.Td>
                    <Table.Td>{e.value ?? '—'}</Table.Td>
                    <Table.Td>{lang === 'th' ? e.messageTh : e.messageEn}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </ScrollTable>
          </>
        )}
      </Stack>
    </Paper>
  );
}
