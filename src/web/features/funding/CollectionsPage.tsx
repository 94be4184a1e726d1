import { Anchor, Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ScrollTable } from '../../components/ScrollTable';
import { useFormat } from '../../format';
import { useLanguage } from '../../i18n/language';
import { nameOf, useProvinces } from '../../reference';
import { hasRole, useMe } from '../../session';
import { api, unwrap } from '../../api/client';
import { useContactLine } from './LoanCollection';
import { useCollections, useFundingRefresh, useReminderJob } from './queries';
import { useBaht } from './words';

type Bucket = 'current' | '1-30' | '31-60' | '61-90' | 'over-90';

/** The collection queue: loans past due in the reader's area, longest late first, with the reminders due today. */
export function CollectionsPage() {
  const { t } = useTranslation('funding', { keyPrefix: 'collections' });
  const { t: w } = useTranslation('funding', { keyPrefix: 'words' });
  const lang = useLanguage();
  const { number } = useFormat();
  const baht = useBaht();
  const provinces = useProvinces();
  const queue = useCollections();
  const me = useMe();
  const { dateTime } = useFormat();
  const contactLine = useContactLine();
  return (
    <>
      <PageHeader title={t('title')} intro={t('intro')} />
      <Stack maw={1100}>
        {hasRole(me.data, 'fund_maker', 'fund_checker') && <RunReminders />}
        <ProblemAlert error={queue.error} />
        {queue.data?.length === 0 && <Text>{t('none')}</Text>}
        {!!queue.data?.length && (
          <ScrollTable label={t('title')} minWidth={960}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('loan')}</Table.Th>
                <Table.Th>{t('province')}</Table.Th>
                <Table.Th>{t('daysLate')}</Table.Th>
                <Table.Th>{t('bucket')}</Table.Th>
                <Table.Th>{t('overdue')}</Table.Th>
                <Table.Th>{t('outstanding')}</Table.Th>
                <Table.Th>{t('reminder')}</Table.Th>
                <Table.Th>{t('lastReminded')}</Table.Th>
                <Table.Th>{t('lastContact')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {queue.data.map((c) => (
                <Table.Tr key={c.loanId} data-testid={`collection-${c.loanId}`}>
                  <Table.Td>
                    <Anchor component={Link} to={`/funding/loans/${c.loanId}`}>
                      {t('loanOf', { id: c.loanId, group: c.groupName })}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    {nameOf(
                      provinces.data?.find((p) => p.code === c.provinceCode),
                      lang,
                    ) || c.provinceCode}
                  </Table.Td>
                  <Table.Td>{number(c.daysPastDue)}</Table.Td>
                  <Table.Td>{w(`bucket.${c.bucket as Bucket}`)}</Table.Td>
                  <Table.Td>{baht(c.overdueSatang)}</Table.Td>
                  <Table.Td>{baht(c.outstandingSatang)}</Table.Td>
                  <Table.Td>
                    {c.reminderDue ? (
                      <Badge color="orange.9" variant="outline">
                        {t('remindToday')}
                      </Badge>
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                  <Table.Td>{c.lastRemindedAt ? dateTime(c.lastRemindedAt) : t('never')}</Table.Td>
                  <Table.Td>{c.lastContact ? contactLine(c.lastContact) : t('never')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ScrollTable>
        )}
      </Stack>
    </>
  );
}

/** Starts the reminder job for the office's provinces and follows it to its count of new reminders. */
function RunReminders() {
  const { t } = useTranslation('funding', { keyPrefix: 'collections' });
  const { number } = useFormat();
  const refresh = useFundingRefresh();
  const [jobId, setJobId] = useState<string | null>(null);
  const run = useMutation({
    mutationFn: () => unwrap(api.POST('/api/funding/reminders')),
    onSuccess: (job) => setJobId(job.id),
  });
  const job = useReminderJob(jobId);
  const finished = job.data?.status === 'succeeded';
  useEffect(() => {
    if (finished) void refresh.portfolio();
  }, [finished]); // eslint-disable-line react-hooks/exhaustive-deps
  const running = jobId !== null && !finished && job.data?.status !== 'failed';
  return (
    <Stack gap="xs">
      <Group wrap="wrap">
        <Button onClick={() => run.mutate()} loading={run.isPending || running}>
          {t('runReminders')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed">
        {t('runHint')}
      </Text>
      <div role="status">
        {running && <Text size="sm">{t('running', { done: number(job.data?.done ?? 0) })}</Text>}
        {finished && job.data?.result && (
          <Text size="sm" data-testid="reminders-written">
            {t('written', { written: number(job.data.result.written), loans: number(job.data.result.loans) })}
          </Text>
        )}
      </div>
      <ProblemAlert error={run.error ?? job.error ?? (job.data?.status === 'failed' ? new Error(job.data.error ?? '') : null)} />
    </Stack>
  );
}
