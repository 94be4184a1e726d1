import { Badge, Button, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatThaiDateTime } from '../../../shared/thai-date';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ScrollTable } from '../../components/ScrollTable';
import { useLanguage } from '../../i18n/language';
import { useOutbox, useOutboxDetail, useRetry } from './queries';

const STATUSES = ['pending', 'sending', 'sent', 'failed', 'unknown', 'skipped'] as const;
type Status = (typeof STATUSES)[number];
const COLOURS: Record<Status, string> = { pending: 'gray', sending: 'blue', sent: 'green', failed: 'red', unknown: 'orange', skipped: 'gray' };

/** The offices' outbox: messages of their provinces with status and attempts; a failed or unknown one sent again. */
export function OutboxPage() {
  const { t } = useTranslation('notifications', { keyPrefix: 'outbox' });
  const lang = useLanguage();
  const [status, setStatus] = useState<Status | undefined>(undefined);
  const [open, setOpen] = useState<number | null>(null);
  const outbox = useOutbox(status);
  const detail = useOutboxDetail(open);
  const retry = useRetry();
  const when = (iso: string | null) => (iso ? formatThaiDateTime(new Date(iso), lang) : '–');
  return (
    <Stack>
      <PageHeader title={t('title')} intro={t('intro')} />
      <Select
        label={t('status')}
        maw={260}
        data={[{ value: '', label: t('any') }, ...STATUSES.map((s) => ({ value: s, label: t(`statuses.${s}`) }))]}
        value={status ?? ''}
        onChange={(v) => setStatus((v || undefined) as Status | undefined)}
        allowDeselect={false}
      />
      <ProblemAlert error={outbox.error ?? retry.error} />
      {retry.isSuccess ? <Text role="status">{t('retried', { id: retry.data.id })}</Text> : null}
      {outbox.data?.length === 0 ? <Text c="dimmed">{t('none')}</Text> : null}
      {outbox.data?.length ? (
        <ScrollTable label={t('title')} minWidth={900}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('id')}</Table.Th>
                <Table.Th>{t('kind')}</Table.Th>
                <Table.Th>{t('channel')}</Table.Th>
                <Table.Th>{t('address')}</Table.Th>
                <Table.Th>{t('status')}</Table.Th>
                <Table.Th>{t('attempts')}</Table.Th>
                <Table.Th>{t('created')}</Table.Th>
                <Table.Th>{t('error')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {outbox.data.map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Td>{m.id}</Table.Td>
                  <Table.Td>{m.kind}</Table.Td>
                  <Table.Td>{m.channel}</Table.Td>
                  <Table.Td>{m.address ?? '–'}</Table.Td>
                  <Table.Td>
                    <Badge color={COLOURS[m.status]} variant="light" c="dark" tt="none">
                      {t(`statuses.${m.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{m.attempts}</Table.Td>
                  <Table.Td>{when(m.createdAt)}</Table.Td>
                  <Table.Td>{m.lastError ?? ''}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Button size="compact-sm" variant="subtle" onClick={() => setOpen(m.id)} aria-label={`${t('show')} ${m.id}`}>
                        {t('show')}
                      </Button>
                      {m.status === 'failed' || m.status === 'unknown' ? (
                        <Button size="compact-sm" variant="light" onClick={() => retry.mutate(m.id)} aria-label={`${t('retry')} ${m.id}`}>
                          {t('retry')}
                        </Button>
                      ) : null}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      ) : null}
      {detail.data ? (
        <Paper withBorder p="md">
          <Stack gap="xs">
            <Title order={2} size="h4">
              {t('attemptLog')} · {detail.data.id}
            </Title>
            {detail.data.status === 'unknown' ? <Text size="sm">{t('unknownHelp')}</Text> : null}
            {detail.data.attemptLog.map((a) => (
              <Text key={a.attempt} size="sm">
                {a.attempt}. {when(a.startedAt)} · {a.outcome}
                {a.error ? ` · ${a.error}` : ''}
                {a.retryAt ? ` · → ${when(a.retryAt)}` : ''}
              </Text>
            ))}
          </Stack>
        </Paper>
      ) : null}
    </Stack>
  );
}
