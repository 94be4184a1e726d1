import { Anchor, Badge, Group, Paper, SegmentedControl, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { BarChart } from '../../components/BarChart';
import { Fact } from '../../components/Fact';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ScrollTable } from '../../components/ScrollTable';
import { useFormat } from '../../format';
import { FundLoans } from './FundLoans';
import { useLanguage } from '../../i18n/language';
import { nameOf, useProvinces } from '../../reference';
import { hasRole, useMe } from '../../session';
import { ProvinceMap, shadeFor } from '../geo/ProvinceMap';
import { GROUP_TYPES, labelOf } from '../../../shared/person-fields';
import { useCurricula } from '../training/queries';
import { useAgeing, useApplications, useFlows, useFund, useParSegments, type ApplicationStatus } from './queries';
import { APPLICATION_COLOURS, percentOfBp, useBaht } from './words';

const STATUSES: ApplicationStatus[] = ['submitted', 'recommended', 'verified', 'returned', 'approved', 'rejected'];

/** A fund's dashboard: its position from the ledger, PAR30/PAR90, money out and back per month, PAR by province, its applications. */
export function FundPage() {
  const id = Number(useParams().id);
  const { t } = useTranslation('funding', { keyPrefix: 'fund' });
  const { t: w } = useTranslation('funding', { keyPrefix: 'words' });
  const lang = useLanguage();
  const { date, number, dateTime } = useFormat();
  const baht = useBaht();
  const me = useMe();
  const fund = useFund(id);
  const flows = useFlows();
  const ageing = useAgeing();
  const provinces = useProvinces();
  const [status, setStatus] = useState<ApplicationStatus | 'all'>('all');
  const applications = useApplications(id, status === 'all' ? undefined : status);
  const [province, setProvince] = useState<string | undefined>();
  const f = fund.data;
  if (fund.error) return <ProblemAlert error={fund.error} />;
  if (!f) return null;
  const provinceName = (code: string) =>
    nameOf(
      provinces.data?.find((p) => p.code === code),
      lang,
    ) || code;
  const mine = (ageing.data ?? []).filter((a) => f.provinceCodes.includes(a.provinceCode));
  const maxPar = Math.max(1, ...mine.map((a) => a.par30Satang));
  const selected = mine.find((a) => a.provinceCode === province);
  // Whole thousands of baht for the bars (the table under the chart keeps the same figures).
  const thousands = (satang: number) => Math.round(satang / 100_000);
  const canApply = hasRole(me.data, 'officer', 'fund_maker');
  const office = hasRole(me.data, 'fund_maker', 'fund_checker');
  return (
    <>
      <PageHeader
        title={lang === 'en' ? f.nameEn : f.nameTh}
        intro={t('intro', { provinces: f.provinceCodes.map(provinceName).join(', '), date: date(f.rules.deadline, 'long') })}
      >
        <Group gap="md" wrap="wrap">
          {canApply && (
            <Anchor component={Link} to={`/funding/funds/${id}/apply`}>
              {t('apply')}
            </Anchor>
          )}
          {office && (
            <Anchor component={Link} to={`/funding/funds/${id}/import`}>
              {t('import')}
            </Anchor>
          )}
          <Anchor component={Link} to="/funding/collections">
            {t('collections')}
          </Anchor>
          <Anchor href="/api/funding/reports/export.xlsx" download>
            {t('export')}
          </Anchor>
          <Anchor href="/api/funding/reports/export.pdf" download>
            {t('exportPdf')}
          </Anchor>
        </Group>
      </PageHeader>
      <Stack maw={1100}>
        <Paper withBorder p="md" component="section" aria-labelledby="position">
          <Title order={2} size="h4" id="position" mb="sm">
            {t('position')}
          </Title>
          <SimpleGrid cols={{ base: 2, sm: 3, md: 4 }}>
            <Fact label={t('available')} strong>
              <span data-testid="fund-available">{baht(f.position.available)}</span>
            </Fact>
            <Fact label={t('capital')}>{baht(f.position.capital)}</Fact>
            <Fact label={t('committed')}>
              <span data-testid="fund-committed">{baht(f.position.committed)}</span>
            </Fact>
            <Fact label={t('outstanding')}>
              <span data-testid="fund-outstanding">{baht(f.position.outstanding)}</span>
            </Fact>
            <Fact label={t('repaid')}>
              <span data-testid="fund-repaid">{baht(f.position.repaid)}</span>
            </Fact>
            <Fact label={t('writtenOff')}>{baht(f.position.writtenOff)}</Fact>
            <Fact label={t('par30')}>
              <span data-testid="fund-par30">
                {percentOfBp(f.par.par30Bp)} ({baht(f.par.par30Satang)})
              </span>
            </Fact>
            <Fact label={t('par90')}>
              <span data-testid="fund-par90">
                {percentOfBp(f.par.par90Bp)} ({baht(f.par.par90Satang)})
              </span>
            </Fact>
          </SimpleGrid>
          <Text size="sm" c="dimmed" mt="xs">
            {t('revolving')}
          </Text>
        </Paper>
        {flows.data && flows.data.length > 0 && (
          <Paper withBorder p="md" component="section">
            <BarChart
              label={t('flows')}
              categoryHeader={t('month')}
              categories={flows.data.map((m) => date(`${m.month}-01`).replace(/^\d+\s/, ''))}
              series={[
                { name: t('disbursedK'), values: flows.data.map((m) => thousands(m.disbursedSatang)), color: '#0072B2' },
                { name: t('repaidK'), values: flows.data.map((m) => thousands(m.repaidSatang)), color: '#009E73' },
              ]}
            />
          </Paper>
        )}
        {mine.length > 0 && (
          <Paper withBorder p="md" component="section" aria-labelledby="by-province">
            <Title order={2} size="h4" id="by-province" mb="sm">
              {t('byProvince')}
            </Title>
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              <div style={{ maxWidth: 320 }}>
                <ProvinceMap
                  highlight={mine.map((a) => a.provinceCode)}
                  selected={province}
                  onSelect={(code) => setProvince(code === province ? undefined : code)}
                  names={new Map(mine.map((a) => [a.provinceCode, `${provinceName(a.provinceCode)}: ${percentOfBp(a.par30Bp)}`]))}
                  label={t('map')}
                  fillOf={(code) => shadeFor(mine.find((a) => a.provinceCode === code)?.par30Satang ?? 0, maxPar)}
                />
              </div>
              <ScrollTable label={t('byProvince')} minWidth={420}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('province')}</Table.Th>
                    <Table.Th>{t('outstanding')}</Table.Th>
                    <Table.Th>{t('par30')}</Table.Th>
                    <Table.Th>{t('par90')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {(selected ? [selected] : mine).map((a) => (
                    <Table.Tr key={a.provinceCode}>
                      <Table.Td>{provinceName(a.provinceCode)}</Table.Td>
                      <Table.Td>{baht(a.outstanding)}</Table.Td>
                      <Table.Td>{percentOfBp(a.par30Bp)}</Table.Td>
                      <Table.Td>{percentOfBp(a.par90Bp)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </ScrollTable>
            </SimpleGrid>
          </Paper>
        )}
        <ParBySegment fundId={id} />
        <Paper withBorder p="md" component="section" aria-labelledby="applications">
          <Title order={2} size="h4" id="applications" mb="sm">
            {t('applications')}
          </Title>
          <SegmentedControl
            aria-label={t('filter')}
            value={status}
            onChange={(v) => setStatus(v as ApplicationStatus | 'all')}
            data={[{ value: 'all', label: t('all') }, ...STATUSES.map((s) => ({ value: s, label: w(`status.${s}`) }))]}
            style={{ maxWidth: '100%', overflowX: 'auto' }}
            mb="sm"
          />
          <ProblemAlert error={applications.error} />
          {applications.data?.length === 0 && <Text>{t('noApplications')}</Text>}
          {!!applications.data?.length && (
            <ScrollTable label={t('applications')} minWidth={560}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('group')}</Table.Th>
                  <Table.Th>{t('amount')}</Table.Th>
                  <Table.Th>{t('term')}</Table.Th>
                  <Table.Th>{t('status')}</Table.Th>
                  <Table.Th>{t('submitted')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {applications.data.map((a) => (
                  <Table.Tr key={a.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/funding/applications/${a.id}`}>
                        {a.groupName}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{baht(a.amountSatang)}</Table.Td>
                    <Table.Td>{t('months', { n: number(a.termMonths) })}</Table.Td>
                    <Table.Td>
                      <Badge color={APPLICATION_COLOURS[a.status] ?? 'gray.9'} variant="outline">
                        {w(`status.${a.status as ApplicationStatus}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{dateTime(a.submittedAt)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </ScrollTable>
          )}
        </Paper>
        <FundLoans fundId={f.id} />
      </Stack>
    </>
  );
}

/**
 * PAR of the fund's loans side by side for groups of each type, or for groups where a member
 * completed a course and those where none did (issue 18: did groups whose members completed the
 * Social Commerce course repay better?).
 */
function ParBySegment({ fundId }: { fundId: number }) {
  const { t } = useTranslation('funding', { keyPrefix: 'fund' });
  const lang = useLanguage();
  const baht = useBaht();
  const { number } = useFormat();
  const [by, setBy] = useState<'group-type' | 'course'>('course');
  const curricula = useCurricula();
  const [course, setCourse] = useState<string | null>('SOCIAL-COMMERCE');
  const segments = useParSegments(fundId, by, by === 'course' ? (course ?? undefined) : undefined);
  const nameOfSegment = (segment: string) =>
    by === 'course' ? t(segment === 'completed' ? 'completed' : 'notCompleted') : labelOf(GROUP_TYPES, segment, lang) || segment;
  // The bars' labels stay short enough for a 360 px screen; the table under them names each in full.
  const shortName = (segment: string) => (by === 'course' ? t(segment === 'completed' ? 'completedShort' : 'notCompletedShort') : nameOfSegment(segment));
  const rows = segments.data ?? [];
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="by-segment">
      <Title order={2} size="h4" id="by-segment" mb="sm">
        {t('bySegment')}
      </Title>
      <Group gap="md" wrap="wrap" align="end" mb="sm">
        <SegmentedControl
          aria-label={t('segmentBy')}
          value={by}
          onChange={(v) => setBy(v as 'group-type' | 'course')}
          data={[
            { value: 'course', label: t('byCourse') },
            { value: 'group-type', label: t('byGroupType') },
          ]}
          style={{ maxWidth: '100%', overflowX: 'auto' }}
        />
        {by === 'course' && (
          <Select
            label={t('course')}
            value={course}
            onChange={setCourse}
            searchable
            data={(curricula.data ?? []).map((c) => ({ value: c.code, label: lang === 'en' ? c.nameEn || c.nameTh : c.nameTh }))}
            w={{ base: '100%', sm: 360 }}
          />
        )}
      </Group>
      <ProblemAlert error={segments.error} />
      {rows.length > 0 && (
        <>
          <BarChart
            horizontal
            label={t('segmentChart')}
            categoryHeader={t('segment')}
            categories={rows.map((r) => shortName(r.segment))}
            series={[{ name: t('par30'), values: rows.map((r) => r.par30Bp / 100), color: '#D55E00' }]}
          />
          <ScrollTable label={t('bySegment')} minWidth={480}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('segment')}</Table.Th>
                <Table.Th>{t('loans')}</Table.Th>
                <Table.Th>{t('outstanding')}</Table.Th>
                <Table.Th>{t('par30')}</Table.Th>
                <Table.Th>{t('par90')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.segment} data-testid={`segment-${r.segment}`}>
                  <Table.Td>{nameOfSegment(r.segment)}</Table.Td>
                  <Table.Td>{number(r.loans)}</Table.Td>
                  <Table.Td>{baht(r.outstanding)}</Table.Td>
                  <Table.Td>{percentOfBp(r.par30Bp)}</Table.Td>
                  <Table.Td>{percentOfBp(r.par90Bp)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ScrollTable>
        </>
      )}
    </Paper>
  );
}
