import { Anchor, Badge, Button, Checkbox, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { BarChart } from '../../components/BarChart';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ScrollTable } from '../../components/ScrollTable';
import { useFormat } from '../../format';
import { ProvinceMap, shadeFor } from '../geo/ProvinceMap';
import { useLanguage } from '../../i18n/language';
import { hasRole, useMe } from '../../session';
import { useEmployers, useEmploymentRefresh, useFollowUps, useMyEmployer, useSummary, useVacancies, type FollowUp } from './queries';
import { baht, inLang } from './words';

/** Employment's home: an officer's queue of employers to verify and the area's vacancies; an employer's own business and vacancies. */
export function EmploymentPage() {
  const { t } = useTranslation('employment', { keyPrefix: 'home' });
  const tk = useTranslation('employment').t;
  const lang = useLanguage();
  const { data: me } = useMe();
  const isEmployer = hasRole(me, 'employer');
  const pending = useEmployers('pending', !isEmployer);
  const mine = useMyEmployer(isEmployer);
  const vacancies = useVacancies();
  const refresh = useEmploymentRefresh();
  const decide = useMutation({
    mutationFn: (input: { id: number; decision: 'verified' | 'rejected' }) =>
      unwrap(
        api.POST('/api/employment/employers/{id}/verify', {
          params: { path: { id: input.id } },
          body: { decision: input.decision, reason: input.decision === 'rejected' ? t('rejectReason') : null },
        }),
      ),
    onSuccess: () => refresh(),
  });
  return (
    <Stack>
      <PageHeader title={t('title')} intro={isEmployer ? t('introEmployer') : t('introOfficer')}>
        <Group gap="md">
          <Anchor component={Link} to="/employment/vacancies/new">
            {t('newVacancy')}
          </Anchor>
          {!isEmployer && (
            <>
              <Anchor component={Link} to="/employment/follow-ups">
                {t('followUps')}
              </Anchor>
              <Anchor component={Link} to="/employment/summary">
                {t('summary')}
              </Anchor>
            </>
          )}
          <Anchor component={Link} to="/jobs">
            {t('board')}
          </Anchor>
        </Group>
      </PageHeader>
      {isEmployer && mine.data && (
        <Paper withBorder p="md">
          <Title order={2} size="h4">
            {inLang(mine.data.nameTh, mine.data.nameEn, lang)}
          </Title>
          <Text>
            {t('taxId')}: {mine.data.taxId} ·{' '}
            <Badge variant="light" tt="none" data-testid="employer-status">
              {tk(`statuses.${mine.data.status as 'pending'}`)}
            </Badge>
          </Text>
        </Paper>
      )}
      {!isEmployer && (
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="xs">
            {t('pending')}
          </Title>
          {pending.data?.items.length === 0 && <Text>{t('noPending')}</Text>}
          <Stack gap="xs">
            {pending.data?.items.map((e) => (
              <Group key={e.id} justify="space-between" wrap="wrap">
                <Text>
                  {e.nameTh} · {e.taxId} · {inLang(e.provinceNameTh, e.provinceNameEn, lang)}
                </Text>
                <Group gap="xs">
                  <Button
                    size="sm"
                    onClick={() => decide.mutate({ id: e.id, decision: 'verified' })}
                    loading={decide.isPending}
                    aria-label={`${t('verify')} ${e.nameTh}`}
                  >
                    {t('verify')}
                  </Button>
                  <Button
                    size="sm"
                    variant="default"
                    onClick={() => decide.mutate({ id: e.id, decision: 'rejected' })}
                    aria-label={`${t('reject')} ${e.nameTh}`}
                  >
                    {t('reject')}
                  </Button>
                </Group>
              </Group>
            ))}
          </Stack>
          <ProblemAlert error={decide.error ?? pending.error} />
        </Paper>
      )}
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="xs">
          {t('vacancies')}
        </Title>
        <ProblemAlert error={vacancies.error} />
        {vacancies.data?.items.length === 0 && <Text>{t('noVacancies')}</Text>}
        {Boolean(vacancies.data?.items.length) && (
          <ScrollTable label={t('vacancies')} minWidth={560}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{tk('form.titleTh')}</Table.Th>
                <Table.Th>{t('employer')}</Table.Th>
                <Table.Th>{t('status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {vacancies.data?.items.map((v) => (
                <Table.Tr key={v.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/employment/vacancies/${v.id}`}>
                      {inLang(v.titleTh, v.titleEn, lang)}
                    </Anchor>{' '}
                    <Text span size="sm" c="dimmed">
                      {v.code}
                    </Text>
                  </Table.Td>
                  <Table.Td>{inLang(v.employerNameTh, v.employerNameEn, lang)}</Table.Td>
                  <Table.Td>{tk(`statuses.${v.status as 'draft'}`)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ScrollTable>
        )}
      </Paper>
    </Stack>
  );
}

/** One follow-up, recordable where it is still open. */
export function FollowUpRow({ f, onDone }: { f: FollowUp; onDone: () => void }) {
  const { t } = useTranslation('employment', { keyPrefix: 'followUps' });
  const lang = useLanguage();
  const { number, date } = useFormat();
  const [working, setWorking] = useState(true);
  const [income, setIncome] = useState<number | ''>('');
  const record = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/employment/follow-ups/{id}', {
          params: { path: { id: f.id } },
          body: { stillWorking: working, incomeSatang: income === '' ? null : Math.round(income * 100) },
        }),
      ),
    onSuccess: onDone,
  });
  return (
    <Paper withBorder p="sm" data-testid={`follow-up-${f.id}`}>
      <Group justify="space-between" wrap="wrap">
        <Text fw={600}>
          {f.nameTh} · {t('months', { n: f.months })}
        </Text>
        <Group gap="xs">
          <Text size="sm">{t('due', { date: date(f.dueOn) })}</Text>
          {f.overdue && (
            <Badge color="red.9" tt="none">
              {t('overdue')}
            </Badge>
          )}
          {f.done && (
            <Badge color="green.9" tt="none">
              {t('done')}
            </Badge>
          )}
        </Group>
      </Group>
      {f.titleTh && (
        <Text size="sm">
          {f.titleTh} · {f.employerNameTh}
        </Text>
      )}
      {f.kind === 'course' && <Text size="sm">{t('afterCourse', { course: inLang(f.courseNameTh ?? '', f.courseNameEn, lang), code: f.sessionCode })}</Text>}
      {f.closedReason && <Text size="sm">{t(f.closedReason === 'placed' ? 'closedPlaced' : 'closedNotCompleted')}</Text>}
      {f.done && f.incomeChangeSatang !== null && <Text size="sm">{t('change', { amount: baht(f.incomeChangeSatang, number) })}</Text>}
      {!f.done && !f.closedReason && (
        <Group align="flex-end" mt="xs" wrap="wrap">
          <Switch
            label={t(f.kind === 'course' ? 'working' : 'stillWorking')}
            checked={working}
            onChange={(e) => setWorking(e.currentTarget.checked)}
            size="md"
          />
          <NumberInput label={t('income')} value={income} onChange={(v) => setIncome(v === '' ? '' : Number(v))} min={0} size="md" w={200} />
          <Button onClick={() => record.mutate()} loading={record.isPending} size="md">
            {t('record')}
          </Button>
        </Group>
      )}
      <ProblemAlert error={record.error} />
    </Paper>
  );
}

/** The follow-up queue of the officer's area, overdue ones marked; `?overdue=true` (data quality's link) starts with those only. */
export function FollowUpsPage() {
  const { t } = useTranslation('employment', { keyPrefix: 'followUps' });
  const [params] = useSearchParams();
  const [overdue, setOverdue] = useState(params.get('overdue') === 'true');
  const list = useFollowUps(overdue);
  const refresh = useEmploymentRefresh();
  return (
    <Stack>
      <PageHeader title={t('title')} intro={t('intro')} />
      <Checkbox label={t('overdueOnly')} checked={overdue} onChange={(e) => setOverdue(e.currentTarget.checked)} size="md" />
      <ProblemAlert error={list.error} />
      {list.data?.length === 0 && <Text>{t('none')}</Text>}
      {list.data?.map((f) => (
        <FollowUpRow key={f.id} f={f} onDone={() => void refresh()} />
      ))}
    </Stack>
  );
}

/** Placements of the fiscal year against the target, by province and centre, and the income change at follow-up. */
export function SummaryPage() {
  const { t } = useTranslation('employment', { keyPrefix: 'summary' });
  const lang = useLanguage();
  const { number } = useFormat();
  const [fy, setFy] = useState<string | null>(null);
  const summary = useSummary(fy ? Number(fy) : undefined);
  const s = summary.data;
  const [province, setProvince] = useState<string | null>(null);
  const chosen = s?.byProvince.find((p) => p.provinceCode === province);
  const years = s ? [s.fiscalYear - 2, s.fiscalYear - 1, s.fiscalYear, s.fiscalYear + 1].map(String) : [];
  return (
    <Stack>
      <PageHeader title={t('title')} intro={t('intro', { target: s ? number(s.target) : '…' })} />
      <Group align="flex-end">
        <Select label={t('fiscalYear')} value={fy ?? (s ? String(s.fiscalYear) : null)} onChange={setFy} data={years} size="md" w={160} />
        <Anchor href={`/api/employment/placements/export${fy ? `?fiscalYear=${fy}` : ''}`}>{t('export')}</Anchor>
      </Group>
      <ProblemAlert error={summary.error} />
      {s && (
        <>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Paper withBorder p="md">
              <Text>{t('placed')}</Text>
              <Text fz={28} fw={600} c="indigo.9" data-testid="placed-count">
                {number(s.placed)}
              </Text>
              <Text size="sm">{t('ofTarget', { pct: number(Math.round((s.placed / s.target) * 1000) / 10) })}</Text>
            </Paper>
            <Paper withBorder p="md">
              <Text>{t('target')}</Text>
              <Text fz={28} fw={600}>
                {number(s.target)}
              </Text>
              <Text size="sm">{t('dueFollowUps', { due: number(s.followUps.due), overdue: number(s.followUps.overdue) })}</Text>
            </Paper>
            <Paper withBorder p="md" data-testid="income-change">
              <Text>{t('income', { n: number(s.income.measured) })}</Text>
              <Text size="sm">
                {t('before')}: {s.income.averageBeforeSatang === null ? '–' : baht(s.income.averageBeforeSatang, number)} · {t('now')}:{' '}
                {s.income.averageNowSatang === null ? '–' : baht(s.income.averageNowSatang, number)}
              </Text>
              <Text fz={22} fw={700}>
                {t('change')}:{' '}
                {s.income.averageChangeSatang === null ? '–' : `${s.income.averageChangeSatang > 0 ? '+' : ''}${baht(s.income.averageChangeSatang, number)}`}
              </Text>
            </Paper>
          </SimpleGrid>
          <Paper withBorder p="md" data-testid="after-course">
            <Text>{t('afterCourse', { n: number(s.afterCourse.followedUp), working: number(s.afterCourse.working) })}</Text>
            <Text size="sm">
              {t('before')}: {s.afterCourse.averageBeforeSatang === null ? '–' : baht(s.afterCourse.averageBeforeSatang, number)} · {t('now')}:{' '}
              {s.afterCourse.averageNowSatang === null ? '–' : baht(s.afterCourse.averageNowSatang, number)} · {t('change')}:{' '}
              {s.afterCourse.averageChangeSatang === null
                ? '–'
                : `${s.afterCourse.averageChangeSatang > 0 ? '+' : ''}${baht(s.afterCourse.averageChangeSatang, number)}`}
            </Text>
          </Paper>
          {s.byProvince.length > 0 && (
            <Group align="flex-start" wrap="wrap">
              <div style={{ maxWidth: 420, flex: '1 1 280px' }}>
                <ProvinceMap
                  highlight={s.byProvince.map((p) => p.provinceCode)}
                  selected={province ?? undefined}
                  onSelect={(code) => setProvince(code === province ? null : code)}
                  names={new Map(s.byProvince.map((p) => [p.provinceCode, `${inLang(p.nameTh, p.nameEn, lang)}: ${number(p.placed)}`]))}
                  label={t('map')}
                  fillOf={(code) => shadeFor(s.byProvince.find((p) => p.provinceCode === code)?.placed ?? 0, Math.max(...s.byProvince.map((p) => p.placed)))}
                />
              </div>
              {chosen && (
                <Paper withBorder p="md" data-testid="province-placed">
                  <Text fw={600}>{inLang(chosen.nameTh, chosen.nameEn, lang)}</Text>
                  <Text>{t('provincePlaced', { n: number(chosen.placed) })}</Text>
                  <Anchor href={`/api/employment/placements/export?province=${chosen.provinceCode}${fy ? `&fiscalYear=${fy}` : ''}`}>
                    {t('exportProvince')}
                  </Anchor>
                </Paper>
              )}
            </Group>
          )}
          {s.byProvince.length > 0 && (
            <BarChart
              label={t('byProvince')}
              categoryHeader={t('byProvince')}
              horizontal
              categories={s.byProvince.map((p) => inLang(p.nameTh, p.nameEn, lang))}
              series={[{ name: t('placed'), values: s.byProvince.map((p) => p.placed), color: '#3b5bdb' }]}
            />
          )}
          {s.byCentre.length > 0 && (
            <BarChart
              label={t('byCentre')}
              categoryHeader={t('byCentre')}
              horizontal
              categories={s.byCentre.map((c) => inLang(c.nameTh, c.nameEn, lang))}
              series={[{ name: t('placed'), values: s.byCentre.map((c) => c.placed), color: '#2b8a3e' }]}
            />
          )}
        </>
      )}
    </Stack>
  );
}
