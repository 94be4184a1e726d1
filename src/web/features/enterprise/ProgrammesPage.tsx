import { Anchor, Badge, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ScrollTable } from '../../components/ScrollTable';
import { useFormat } from '../../format';
import { useLanguage } from '../../i18n/language';
import { useDevelopmentSummary, useExpiring, useObstacles, useProgrammes } from './queries';

/** Programmes with their stages and groups, open obstacles by province, the expiry queue. */
export function ProgrammesPage() {
  const { t } = useTranslation('enterprise', { keyPrefix: 'programmes' });
  const { t: w } = useTranslation('enterprise', { keyPrefix: 'words' });
  const lang = useLanguage();
  const { number, date } = useFormat();
  const programmes = useProgrammes();
  const obstacles = useObstacles();
  const expiring = useExpiring();
  const development = useDevelopmentSummary();
  return (
    <>
      <PageHeader title={t('title')} intro={t('intro')} />
      <Stack maw={1100}>
        <ProblemAlert error={programmes.error} />
        {development.data && (
          <Text>{t('development', { fy: development.data.fiscalYear, n: number(development.data.registered), target: number(development.data.target) })}</Text>
        )}
        {programmes.data?.map((p) => (
          <Paper key={p.code} withBorder p="md" component="section" aria-labelledby={`programme-${p.code}`}>
            <Group justify="space-between" wrap="wrap">
              <Title order={2} size="h4" id={`programme-${p.code}`}>
                {lang === 'en' ? p.nameEn : p.nameTh}
              </Title>
              <Badge variant="light">
                {t('active')}: {number(p.activeGroups)}
              </Badge>
            </Group>
            <Text size="sm" c="dimmed">
              {t('owner')}: {p.ownerAgencyCode} · {t('years')}: {p.fiscalYears.join(', ')}
            </Text>
            <Text size="sm">
              {t('stages')}: {p.stages.map((s) => (lang === 'en' ? s.nameEn : s.nameTh)).join(' → ')}
            </Text>
            {p.assumedFields.length > 0 && (
              <Text size="xs" c="dimmed">
                {t('assumed', { fields: p.assumedFields.join('; ') })}
              </Text>
            )}
            <Anchor component={Link} to={`/enterprise/programmes/${p.code}`}>
              {t('open')}
            </Anchor>
          </Paper>
        ))}
        <Paper withBorder p="md" component="section" aria-labelledby="obstacles">
          <Title order={2} size="h4" id="obstacles">
            {t('obstacles')}
          </Title>
          {obstacles.data?.length === 0 && <Text>{t('noObstacles')}</Text>}
          {!!obstacles.data?.length && (
            <ScrollTable label={t('obstacles')} minWidth={360}>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('province')}</Table.Th>
                    <Table.Th>{t('category')}</Table.Th>
                    <Table.Th>{t('count')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {obstacles.data.map((o) => (
                    <Table.Tr key={`${o.provinceCode}-${o.category}`}>
                      <Table.Td>{lang === 'en' ? o.nameEn : o.nameTh}</Table.Td>
                      <Table.Td>{w(`obstacle.${o.category}` as 'obstacle.other')}</Table.Td>
                      <Table.Td>{number(o.open)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
          )}
        </Paper>
        <Paper withBorder p="md" component="section" aria-labelledby="expiring">
          <Title order={2} size="h4" id="expiring">
            {t('expiring')}
          </Title>
          {expiring.data?.length === 0 && <Text>{t('noExpiring')}</Text>}
          <Stack gap={4}>
            {expiring.data?.map((c) => (
              <Text key={c.id} size="sm">
                <Anchor component={Link} to={`/enterprise/groups/${c.groupId}`}>
                  {c.productName}
                </Anchor>{' '}
                · {w(`kind.${c.kind}` as 'kind.other')} · {date(c.expiresOn)} · {t('daysLeft', { n: c.daysLeft })}
              </Text>
            ))}
          </Stack>
        </Paper>
      </Stack>
    </>
  );
}
