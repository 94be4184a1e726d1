import { Anchor, Badge, Button, Group, Loader, Paper, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { components } from '../../api/schema';
import { useAssessments, useStandards } from './queries';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ScrollTable } from '../../components/ScrollTable';
import { hasRole, useMe } from '../../session';
import { formatThaiDate } from '../../../shared/thai-date';
import { useLanguage } from '../../i18n/language';
import { StatusBadge } from './StatusBadge';
import { EVENT_STATUS, named } from './words';

type EventStatus = components['schemas']['AssessmentEventSummary']['status'];

/** The competency module's front page: the standards, and the assessments the reader deals with. */
export function CompetencyPage() {
  const { t } = useTranslation('credentials', { keyPrefix: 'competency' });
  const lang = useLanguage();
  const { data: me } = useMe();
  const standards = useStandards();
  const seesEvents = hasRole(me, 'officer', 'executive', 'assessor');

  return (
    <>
      <PageHeader title={t('title')} intro={t('intro')}>
        <Group gap="sm" wrap="wrap">
          {hasRole(me, 'officer') && (
            <Button component={Link} to="/credentials/assessments/new" size="md">
              {t('newEvent')}
            </Button>
          )}
          {hasRole(me, 'system_admin') && (
            <Button component={Link} to="/credentials/keys" variant="default" size="md">
              {t('keys')}
            </Button>
          )}
          <Button component={Link} to="/verify" variant="default" size="md">
            {t('verify')}
          </Button>
        </Group>
      </PageHeader>
      <Stack gap="xl" maw={1100}>
        <section aria-labelledby="standards-heading">
          <Title order={2} size="h3" id="standards-heading" mb="sm">
            {t('standards')}
          </Title>
          <ProblemAlert error={standards.error} />
          {standards.isPending && <Loading text={t('loading')} />}
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            {(standards.data ?? []).map((s) => (
              <Paper key={s.code} withBorder p="md" component="article" aria-labelledby={`standard-${s.code}`}>
                <Title order={3} size="h4" id={`standard-${s.code}`}>
                  <Anchor component={Link} to={`/credentials/standards/${s.code}`}>
                    {named(s, lang)}
                  </Anchor>
                </Title>
                <Text size="sm" c="dimmed" mt={2}>
                  {s.code} · {lang === 'th' ? s.sectorTh : s.sectorEn}
                </Text>
                <Text mt="xs">
                  <Text span c="dimmed" size="sm">
                    {t('qualification')}:{' '}
                  </Text>
                  {lang === 'th' ? s.qualificationTh : s.qualificationEn}
                </Text>
                <Group gap={6} mt="xs">
                  <Badge variant="light" color="indigo" c="indigo.9" tt="none" size="lg">
                    {t('level', { n: s.level })}
                  </Badge>
                  <Badge variant="light" color="gray" c="dark" tt="none" size="lg">
                    {t('units', { n: s.unitCount })}
                  </Badge>
                  {s.assumedFields.length > 0 && (
                    <Badge variant="filled" color="yellow" c="dark" tt="none" size="lg">
                      {t('assumed')}
                    </Badge>
                  )}
                </Group>
              </Paper>
            ))}
          </SimpleGrid>
        </section>
        {seesEvents && <Events />}
      </Stack>
    </>
  );
}

function Loading({ text }: { text: string }) {
  return (
    <Group gap="xs" role="status">
      <Loader size="sm" aria-hidden />
      <Text>{text}</Text>
    </Group>
  );
}

function Events() {
  const { t: words } = useTranslation('credentials');
  const { t } = useTranslation('credentials', { keyPrefix: 'competency' });
  const lang = useLanguage();
  const [status, setStatus] = useState<EventStatus | null>('open');
  const events = useAssessments({ status: status ?? undefined, limit: 200 });
  return (
    <section aria-labelledby="events-heading">
      <Title order={2} size="h3" id="events-heading">
        {t('events')}
      </Title>
      <Text c="dimmed" mb="sm">
        {t('eventsIntro')}
      </Text>
      <Select
        label={t('status')}
        data={(Object.keys(EVENT_STATUS) as EventStatus[]).map((value) => ({ value, label: words(`eventStatus.${value}`) }))}
        value={status}
        onChange={(v) => setStatus(v as EventStatus | null)}
        clearable
        placeholder={t('all')}
        maw={260}
        mb="sm"
      />
      <ProblemAlert error={events.error} />
      {events.isPending && <Loading text={t('loading')} />}
      {events.data && events.data.length === 0 && <Text role="status">{t('none')}</Text>}
      {events.data && events.data.length > 0 && (
        <ScrollTable label={t('events')} minWidth={760} striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('event')}</Table.Th>
              <Table.Th>{t('date')}</Table.Th>
              <Table.Th>{t('centre')}</Table.Th>
              <Table.Th>{t('status')}</Table.Th>
              <Table.Th>{t('candidates')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {events.data.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/credentials/assessments/${e.id}`}>
                    {lang === 'th' ? e.qualificationTh : e.qualificationEn}
                  </Anchor>
                  <Text size="sm" c="dimmed">
                    {e.code}
                  </Text>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatThaiDate(e.assessedOn, { locale: lang })}</Table.Td>
                <Table.Td>
                  {lang === 'th' ? e.centreNameTh : e.centreNameEn}
                  <Text size="sm" c="dimmed">
                    {lang === 'th' ? e.provinceNameTh : e.provinceNameEn}
                    {e.online ? ` · ${t('online')}` : e.venue ? ` · ${e.venue}` : ''}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <StatusBadge look={EVENT_STATUS[e.status]} label={words(`eventStatus.${e.status}`)} size="md" wrap={false} />
                </Table.Td>
                <Table.Td>{t('candidatesValue', { n: e.candidateCount, c: e.competentCount })}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
      )}
    </section>
  );
}
