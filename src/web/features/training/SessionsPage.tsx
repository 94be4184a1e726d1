import { Anchor, Badge, Button, Group, Pagination, Progress, Select, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../format';
import { useSessions } from './queries';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ScrollTable } from '../../components/ScrollTable';
import { nameOf, useProvinces } from '../../reference';
import { hasRole, useMe } from '../../session';
import { formatThaiDate } from '../../../shared/thai-date';
import { useLanguage } from '../../i18n/language';
import { CATEGORY_NAMES, STATUS_COLOURS } from './words';

const PAGE = 20;

export function SessionsPage() {
  const { number } = useFormat();
  const { t: words } = useTranslation('training');
  const { t } = useTranslation('training', { keyPrefix: 'sessions' });
  const lang = useLanguage();
  const { data: me } = useMe();
  const provinces = useProvinces();
  const [province, setProvince] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [category, setCategory] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const query = { province: province ?? undefined, status: (status ?? undefined) as never, category: (category ?? undefined) as never };
  const sessions = useSessions({ ...query, limit: PAGE, offset: (page - 1) * PAGE });
  const manager = hasRole(me, 'officer', 'course_provider');
  const option = (names: Record<string, { th: string; en: string }>) => Object.entries(names).map(([value, n]) => ({ value, label: n[lang] }));

  return (
    <>
      <PageHeader title={t('title')} intro={t('intro')}>
        <Group gap="sm" wrap="wrap">
          {manager && (
            <Button component={Link} to="/training/sessions/new">
              {t('create')}
            </Button>
          )}
          <Button component={Link} to="/training/curricula" variant="default">
            {t('curricula')}
          </Button>
          {hasRole(me, 'officer', 'executive', 'course_provider') && (
            <Button component={Link} to="/training/planning" variant="default">
              {t('planning')}
            </Button>
          )}
        </Group>
      </PageHeader>
      <Group mb="sm" align="end" wrap="wrap">
        <Select
          label={t('province')}
          data={(provinces.data ?? []).map((p) => ({ value: p.code, label: nameOf(p, lang) }))}
          value={province}
          onChange={(v) => {
            setProvince(v);
            setPage(1);
          }}
          clearable
          searchable
          placeholder={t('all')}
        />
        <Select
          label={t('status')}
          data={Object.keys(STATUS_COLOURS).map((value) => ({ value, label: words(`sessionStatus.${value}` as 'sessionStatus.open') }))}
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage(1);
          }}
          clearable
          placeholder={t('all')}
        />
        <Select
          label={t('category')}
          data={option(CATEGORY_NAMES)}
          value={category}
          onChange={(v) => {
            setCategory(v);
            setPage(1);
          }}
          clearable
          placeholder={t('all')}
        />
      </Group>
      <ProblemAlert error={sessions.error} />
      {sessions.data && (
        <>
          <Text size="sm" role="status" mb="xs">
            {sessions.data.total === 0 ? t('none') : t('total', { n: number(sessions.data.total) })}
          </Text>
          {sessions.data.items.length > 0 && (
            <ScrollTable label={t('results')} minWidth={720} striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('session')}</Table.Th>
                  <Table.Th>{t('place')}</Table.Th>
                  <Table.Th>{t('dates')}</Table.Th>
                  <Table.Th>{t('status')}</Table.Th>
                  <Table.Th style={{ minWidth: 180 }}>{t('seats')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {sessions.data.items.map((s) => (
                  <Table.Tr key={s.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/training/sessions/${s.id}`}>
                        {lang === 'th' ? s.curriculumNameTh : s.curriculumNameEn}
                      </Anchor>
                      <Text size="sm" c="dimmed">
                        {s.code}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {lang === 'th' ? s.provinceNameTh : s.provinceNameEn}
                      {s.online && (
                        <Badge ml={6} variant="light" color="grape" c="dark">
                          {t('online')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {formatThaiDate(s.startsOn, { locale: lang })} – {formatThaiDate(s.endsOn, { locale: lang })}
                    </Table.Td>
                    <Table.Td>
                      <Badge color={STATUS_COLOURS[s.status]} variant="light" c="dark">
                        {words(`sessionStatus.${s.status}`)}
                      </Badge>
                      {s.belowMinimum && (
                        <Badge ml={6} color="red.9" variant="filled" title={t('belowNote', { min: s.capacityMin })}>
                          {t('below')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Progress
                        value={s.fillPercent}
                        color={s.fillPercent >= 100 ? 'teal' : s.belowMinimum ? 'red' : 'indigo'}
                        size="lg"
                        aria-label={t('fill', { n: number(s.enrolledCount), max: number(s.capacityMax) })}
                      />
                      <Text size="xs" mt={2}>
                        {t('fill', { n: number(s.enrolledCount), max: number(s.capacityMax) })}
                        {s.waitlistedCount > 0 && ` · ${t('waitlist', { n: number(s.waitlistedCount) })}`}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </ScrollTable>
          )}
          {sessions.data.total > PAGE && (
            <Pagination mt="sm" total={Math.ceil(sessions.data.total / PAGE)} value={page} onChange={setPage} getControlProps={(c) => ({ 'aria-label': c })} />
          )}
        </>
      )}
    </>
  );
}
