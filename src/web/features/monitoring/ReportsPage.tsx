import { Anchor, Badge, Button, Group, Paper, Progress, SegmentedControl, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { fiscalYearOf } from '../../../shared/fiscal-year';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useFormat } from '../../format';
import { useLanguage } from '../../i18n/language';
import { nameOf, useProvinces } from '../../reference';
import { useMe } from '../../session';
import { useReports, useStartReport } from './reports.queries';

/** A report's state as a badge colour (its text dark: green text on light green is 3.9:1, below 4.5). */
const statusColour = (status: string) => (status === 'succeeded' ? 'green' : status === 'failed' ? 'red' : 'blue');

/** The fiscal year's months in order, October first. */
const FISCAL_MONTHS = [10, 11, 12, 1, 2, 3, 4, 5, 6, 7, 8, 9];
const YEARS_BACK = 4;

/** 'มีนาคม 2569' or 'March 2026': a month of a fiscal year (B.E.) in the reader's language. */
function monthLabel(fiscalYear: number, month: number, lang: 'th' | 'en') {
  const year = fiscalYear - 543 - (month >= 10 ? 1 : 0);
  return new Intl.DateTimeFormat(lang === 'th' ? 'th-TH-u-ca-buddhist' : 'en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, month - 1, 15)),
  );
}

/**
 * The monthly and fiscal-year reports offices send upward: choose the period (a month, or the
 * whole fiscal year, in B.E.) and the area (the country, for a nationwide reader, or a province of
 * the reader's area), start it, watch it being made, and download the kept XLSX and PDF.
 */
export function ReportsPage() {
  const { t } = useTranslation('monitoring', { keyPrefix: 'reports' });
  const lang = useLanguage();
  const { number, dateTime } = useFormat();
  const { data: me } = useMe();
  const provinces = useProvinces();
  const current = fiscalYearOf(new Date());
  const scope = me?.scopeProvinceCodes ?? null;
  const [period, setPeriod] = useState<'month' | 'fiscal-year'>('month');
  const [fiscalYear, setFiscalYear] = useState(current);
  const [month, setMonth] = useState<number>(() => new Date().getMonth() + 1);
  const [area, setArea] = useState<string | null>(null);
  const chosenArea = area ?? (scope === null ? '*' : (scope[0] ?? null));
  const reports = useReports();
  const start = useStartReport();
  const areaOptions = [
    ...(scope === null ? [{ value: '*', label: t('wholeCountry') }] : []),
    ...(provinces.data ?? []).filter((p) => scope === null || scope.includes(p.code)).map((p) => ({ value: p.code, label: nameOf(p, lang) })),
  ];
  const areaName = (code: string) =>
    code === '*'
      ? t('wholeCountry')
      : nameOf(
          provinces.data?.find((p) => p.code === code),
          lang,
        ) || code;
  const titleOf = (r: { period: string; fiscalYear: number; month: number | null }) =>
    r.period === 'month' ? t('monthly', { month: monthLabel(r.fiscalYear, r.month!, lang) }) : t('yearly', { fy: r.fiscalYear });
  const kb = (bytes: number | null) => (bytes === null ? '' : t('size', { kb: number(Math.max(1, Math.round(bytes / 1024))) }));

  return (
    <>
      <PageHeader title={t('title')} intro={t('intro')} />
      <Stack maw={900}>
        <Paper withBorder p="md" component="section" aria-label={t('new')}>
          <Title order={2} size="h4" mb="sm">
            {t('new')}
          </Title>
          <Stack>
            <SegmentedControl
              aria-label={t('period')}
              value={period}
              onChange={(v) => setPeriod(v as 'month' | 'fiscal-year')}
              data={[
                { value: 'month', label: t('periodMonth') },
                { value: 'fiscal-year', label: t('periodYear') },
              ]}
            />
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <Select
                label={t('fiscalYear')}
                allowDeselect={false}
                data={Array.from({ length: YEARS_BACK + 1 }, (_, i) => current - i).map((fy) => ({ value: String(fy), label: t('fiscalYearOption', { fy }) }))}
                value={String(fiscalYear)}
                onChange={(v) => v && setFiscalYear(Number(v))}
              />
              {period === 'month' && (
                <Select
                  label={t('month')}
                  allowDeselect={false}
                  data={FISCAL_MONTHS.map((m) => ({ value: String(m), label: monthLabel(fiscalYear, m, lang) }))}
                  value={String(month)}
                  onChange={(v) => v && setMonth(Number(v))}
                  data-testid="report-month"
                />
              )}
              <Select label={t('area')} allowDeselect={false} searchable data={areaOptions} value={chosenArea} onChange={(v) => v && setArea(v)} />
            </SimpleGrid>
            <ProblemAlert error={start.error} />
            <Group>
              <Button
                loading={start.isPending}
                disabled={!chosenArea}
                onClick={() => chosenArea && start.mutate({ period, fiscalYear, month: period === 'month' ? month : null, area: chosenArea })}
                data-testid="report-start"
              >
                {t('start')}
              </Button>
            </Group>
          </Stack>
        </Paper>

        <Title order={2} size="h4">
          {t('kept')}
        </Title>
        <ProblemAlert error={reports.error} />
        {reports.data?.length === 0 && <Text c="dimmed">{t('none')}</Text>}
        <Stack data-testid="report-list">
          {reports.data?.map((r) => (
            <Paper key={r.id} withBorder p="sm" component="article" aria-label={`${titleOf(r)} · ${areaName(r.areaCode)}`} data-testid={`report-${r.id}`}>
              <Group justify="space-between" wrap="wrap" gap="xs">
                <Text fw={600}>{titleOf(r)}</Text>
                <Badge color={statusColour(r.status)} c="dark" variant="light" tt="none">
                  {t(`status.${r.status}`)}
                </Badge>
              </Group>
              <Text size="sm">{areaName(r.areaCode)}</Text>
              <Text size="xs" c="dimmed">
                {t('requested', { at: dateTime(new Date(r.createdAt)) })}
              </Text>
              {(r.status === 'queued' || r.status === 'running') && (
                <Progress value={(r.done / r.total) * 100} mt={6} aria-label={t('progress', { done: r.done, total: r.total })} />
              )}
              {r.error && (
                <Text size="sm" c="red.8">
                  {r.error}
                </Text>
              )}
              {r.xlsxUrl && r.pdfUrl && (
                <Group mt={6} gap="md">
                  <Anchor href={r.xlsxUrl} download data-testid="report-xlsx">
                    {t('downloadXlsx')} {kb(r.xlsxBytes)}
                  </Anchor>
                  <Anchor href={r.pdfUrl} download data-testid="report-pdf">
                    {t('downloadPdf')} {kb(r.pdfBytes)}
                  </Anchor>
                </Group>
              )}
            </Paper>
          ))}
        </Stack>
        <Text size="sm">
          <Anchor component={Link} to="/monitoring">
            {t('back')}
          </Anchor>
        </Text>
      </Stack>
    </>
  );
}
