import { Alert, Button, Code, Group, Spoiler, Table, Text, TextInput } from '@mantine/core';
import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatThaiDateTime } from '../../../shared/thai-date';
import { api, unwrap } from '../../api/client';
import { PageHeader } from '../../components/PageHeader';
import { ScrollTable } from '../../components/ScrollTable';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useAuditStatus } from './queries';

/** The alert's title in the text colour: Mantine's light green or yellow on its tint is below 4.5:1. */
const READABLE_TITLE = { title: { color: 'var(--mantine-color-text)' } };

interface Filter {
  action: string;
  entityType: string;
  actor: string;
  from: string;
  to: string;
}
const EMPTY: Filter = { action: '', entityType: '', actor: '', from: '', to: '' };
/** A date input's value as the start of that day in Bangkok. */
const bangkokMidnight = (date: string) => (date ? `${date}T00:00:00+07:00` : undefined);

export function AuditPage() {
  const { t, i18n } = useTranslation(['audit', 'common']);
  const lang = i18n.language === 'en' ? 'en' : 'th';
  const [draft, setDraft] = useState<Filter>(EMPTY);
  const [filter, setFilter] = useState<Filter>(EMPTY);
  const events = useInfiniteQuery({
    queryKey: ['audit', filter],
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/audit-events', {
          params: {
            query: {
              action: filter.action || undefined,
              entityType: filter.entityType || undefined,
              actor: filter.actor || undefined,
              from: bangkokMidnight(filter.from),
              to: bangkokMidnight(filter.to),
              before: pageParam,
              limit: 50,
            },
          },
        }),
      ),
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
  const status = useAuditStatus();
  const seal = status.data;
  const late = seal ? seal.oldestUnsealedSeconds !== null && seal.oldestUnsealedSeconds > seal.boundSeconds : false;
  const verify = useMutation({ mutationFn: () => unwrap(api.GET('/api/audit-events/verify')) });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setFilter(draft);
  };
  const field = (key: keyof Filter, label: string, type = 'text') => (
    <TextInput label={label} type={type} value={draft[key]} onChange={(e) => setDraft({ ...draft, [key]: e.currentTarget.value })} miw={150} />
  );

  return (
    <>
      <PageHeader title={t('title')} intro={t('intro')} />
      {seal && (
        <Alert color={late ? 'red' : seal.unsealed > 0 ? 'yellow' : 'green'} role="status" mb="md" py={6} title={t('sealTitle')} styles={READABLE_TITLE}>
          <Text size="sm">
            {t('sealedUpTo', { position: seal.sealedPosition })}
            {seal.lastSealedAt ? ` · ${t('lastSealed', { when: formatThaiDateTime(new Date(seal.lastSealedAt), lang) })}` : ''}
          </Text>
          <Text size="sm">
            {seal.unsealed === 0
              ? t('nothingWaiting')
              : t(late ? 'waitingLate' : 'waiting', {
                  count: seal.unsealed,
                  seconds: Math.round(seal.oldestUnsealedSeconds ?? 0),
                  bound: seal.boundSeconds,
                })}
          </Text>
          {seal.latestCheckpoint && (
            <Text size="xs" c="dimmed">
              {t('checkpoint', {
                position: seal.latestCheckpoint.position,
                when: formatThaiDateTime(new Date(seal.latestCheckpoint.madeAt), lang),
              })}
            </Text>
          )}
        </Alert>
      )}
      <form onSubmit={submit}>
        <Group align="end" mb="md" wrap="wrap">
          {field('action', t('action'))}
          {field('entityType', t('entityType'))}
          {field('actor', t('actor'))}
          {field('from', t('from'), 'date')}
          {field('to', t('to'), 'date')}
          <Button type="submit">{t('filter')}</Button>
        </Group>
      </form>
      <Group mb="md">
        <Button variant="light" onClick={() => verify.mutate()} loading={verify.isPending}>
          {t('verify')}
        </Button>
        {verify.data && (
          <Alert color={verify.data.ok ? 'green' : 'red'} role="status" py={6}>
            {verify.data.ok ? t('verifyOk', { count: verify.data.events }) : t('verifyBad', { id: verify.data.firstBadId, reason: verify.data.reason })}
          </Alert>
        )}
      </Group>
      <ProblemAlert error={events.error ?? verify.error ?? status.error} />
      <ScrollTable label={t('title')} minWidth={720} striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('when')}</Table.Th>
            <Table.Th>{t('what')}</Table.Th>
            <Table.Th>{t('who')}</Table.Th>
            <Table.Th>{t('entity')}</Table.Th>
            <Table.Th>{t('details')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.data?.pages
            .flatMap((p) => p.items)
            .map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td>
                  <Text size="sm">{formatThaiDateTime(new Date(e.occurredAt), lang)}</Text>
                  <Text size="xs" c="dimmed">
                    #{e.id}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Code>{e.action}</Code>
                </Table.Td>
                <Table.Td>{e.actorUsername ?? t('system')}</Table.Td>
                <Table.Td>
                  <Text size="sm">{e.entityType}</Text>
                  <Text size="xs" c="dimmed">
                    {e.entityId}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {(e.before != null || e.after != null) && (
                    <Spoiler maxHeight={0} showLabel={t('details')} hideLabel={t('common:common.close')}>
                      {e.before != null && (
                        <>
                          <Text size="xs" fw={600}>
                            {t('before')}
                          </Text>
                          <Code block>{JSON.stringify(e.before, null, 1)}</Code>
                        </>
                      )}
                      {e.after != null && (
                        <>
                          <Text size="xs" fw={600}>
                            {t('after')}
                          </Text>
                          <Code block>{JSON.stringify(e.after, null, 1)}</Code>
                        </>
                      )}
                    </Spoiler>
                  )}
                  <Text size="xs" c="dimmed">
                    {t('requestId')}: {e.requestId}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
        </Table.Tbody>
      </ScrollTable>
      {events.hasNextPage && (
        <Button mt="sm" variant="light" onClick={() => void events.fetchNextPage()} loading={events.isFetchingNextPage}>
          {t('common:common.more')}
        </Button>
      )}
    </>
  );
}
