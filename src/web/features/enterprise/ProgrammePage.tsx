import { Anchor, Paper, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { BarChart } from '../../components/BarChart';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ScrollTable } from '../../components/ScrollTable';
import { useFormat } from '../../format';
import { useLanguage } from '../../i18n/language';
import { useProvinces } from '../../reference';
import { ProvinceMap, shadeFor } from '../geo/ProvinceMap';

import { useFunnel, useLateList, useProgramme } from './queries';

/** A programme's dashboard: the funnel per stage against targets, and the late list per deadline. */
export function ProgrammePage() {
  const code = useParams().code ?? '';
  const { t } = useTranslation('enterprise', { keyPrefix: 'programme' });
  const lang = useLanguage();
  const { number, date } = useFormat();
  const [params, setParams] = useSearchParams();
  const province = params.get('province') ?? undefined;
  const programme = useProgramme(code);
  const funnel = useFunnel(code, province);
  const late = useLateList(code, province);
  const provinces = useProvinces();
  const stageName = (s: { nameTh: string; nameEn: string }) => (lang === 'en' ? s.nameEn : s.nameTh);
  const stageOf = (c: string) => programme.data?.stages.find((s) => s.code === c);
  return (
    <>
      <PageHeader
        title={programme.data ? stageName(programme.data) : code}
        intro={programme.data ? ((lang === 'en' ? programme.data.descriptionEn : programme.data.descriptionTh) ?? '') : ''}
      />
      <Stack maw={1100}>
        <ProblemAlert error={programme.error ?? funnel.error ?? late.error} />
        <Select
          label={t('filterProvince')}
          placeholder={t('allProvinces')}
          clearable
          searchable
          maw={320}
          data={(provinces.data ?? []).map((p) => ({ value: p.code, label: lang === 'en' ? p.nameEn : p.nameTh }))}
          value={province ?? null}
          onChange={(v) => setParams(v ? { province: v } : {}, { replace: true })}
        />
        {funnel.data && (
          <Paper withBorder p="md" component="section">
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              <div style={{ maxWidth: 360 }}>
                <ProvinceMap
                  highlight={funnel.data.byProvince.map((p) => p.provinceCode)}
                  selected={province}
                  onSelect={(code) => setParams(code === province ? {} : { province: code }, { replace: true })}
                  names={new Map(funnel.data.byProvince.map((p) => [p.provinceCode, `${lang === 'en' ? p.nameEn : p.nameTh}: ${number(p.active)}`]))}
                  label={t('map')}
                  fillOf={(code) => {
                    const n = funnel.data.byProvince.find((p) => p.provinceCode === code)?.active ?? 0;
                    const max = Math.max(1, ...funnel.data.byProvince.map((p) => p.active));
                    return shadeFor(n, max);
                  }}
                />
              </div>
              <BarChart
                label={t('funnel')}
                categoryHeader={t('stage')}
                categories={funnel.data.stages.map(stageName)}
                horizontal
                series={[
                  { name: t('reached'), values: funnel.data.stages.map((s) => s.reached), color: '#0072B2' },
                  { name: t('target', { fy: funnel.data.fiscalYear }), values: funnel.data.stages.map((s) => s.target ?? 0), color: '#B35900' },
                ]}
              />
            </SimpleGrid>
          </Paper>
        )}
        <Title order={2} size="h3">
          {t('late')}
        </Title>
        {late.data?.deadlines.map((d) => (
          <Paper key={d.stageCode} withBorder p="md" component="section" aria-label={t('deadline', { stage: stageName(d), date: date(d.deadline) })}>
            <Text fw={600}>{t('deadline', { stage: stageName(d), date: date(d.deadline) })}</Text>
            <Text c={d.daysRemaining < 0 ? 'red.9' : undefined}>
              {d.daysRemaining < 0 ? t('overdue', { n: number(-d.daysRemaining) }) : t('remaining', { n: number(d.daysRemaining) })} ·{' '}
              <span data-testid={`late-${d.stageCode}`}>{d.total === 0 ? t('noneLate') : t('lateCount', { n: number(d.total) })}</span>
            </Text>
            {d.groups.length > 0 && (
              <ScrollTable label={t('late')} minWidth={560}>
                <Table>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('group')}</Table.Th>
                      <Table.Th>{t('filterProvince')}</Table.Th>
                      <Table.Th>{t('office')}</Table.Th>
                      <Table.Th>{t('currentStage')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {d.groups.map((g) => (
                      <Table.Tr key={g.participationId}>
                        <Table.Td>
                          <Anchor component={Link} to={`/enterprise/groups/${g.groupId}`}>
                            {g.groupName}
                          </Anchor>
                        </Table.Td>
                        <Table.Td>
                          {d.byProvince.find((p) => p.provinceCode === g.provinceCode)?.[lang === 'en' ? 'nameEn' : 'nameTh'] ?? g.provinceCode}
                        </Table.Td>
                        <Table.Td>{g.unitCode}</Table.Td>
                        <Table.Td>{stageOf(g.stageCode) ? stageName(stageOf(g.stageCode)!) : g.stageCode}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollTable>
            )}
          </Paper>
        ))}
      </Stack>
    </>
  );
}
