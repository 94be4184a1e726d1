import { Badge, Button, Group, Paper, SegmentedControl, Stack, Switch, Text, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useFormat } from '../../format';
import { useLanguage } from '../../i18n/language';
import { hasRole, useMe } from '../../session';
import { useGrievanceQueue, useRequestQueue, useSelfRefresh } from './queries';

/** One request in the officers' queue, with its decision for officers of the area. */
function RequestCard({ r, canDecide }: { r: NonNullable<ReturnType<typeof useRequestQueue>['data']>[number]; canDecide: boolean }) {
  const { t } = useTranslation('selfservice', { keyPrefix: 'queue' });
  const td = useTranslation('selfservice', { keyPrefix: 'data' }).t;
  const lang = useLanguage();
  const { date } = useFormat();
  const refresh = useSelfRefresh();
  const [outcome, setOutcome] = useState('');
  const decide = useMutation({
    mutationFn: (decision: 'apply' | 'refuse') =>
      unwrap(api.POST('/api/pdpa-requests/{id}/decide', { params: { path: { id: r.id } }, body: { decision, outcome } })),
    onSuccess: () => void refresh(),
  });
  return (
    <Paper withBorder p="md" component="article" aria-label={`${td(`kind.${r.kind}`)} ${r.id}`}>
      <Stack gap={4}>
        <Group gap="xs" wrap="wrap">
          <Text fw={600}>
            {td(`kind.${r.kind}`)} · {t('person', { name: r.personNameTh ?? '-', id: r.personId })}
          </Text>
          <Badge variant="light">{td(`status.${r.status}`)}</Badge>
          {r.overdue && <Badge color="red.9">{td('overdue', { n: r.daysOverdue })}</Badge>}
        </Group>
        {r.field && <Text>{t('change', { field: td(`fields.${r.field}`), from: r.currentValue ?? '-', to: r.requestedValue ?? '-' })}</Text>}
        <Text size="sm">{r.reason}</Text>
        <Text size="sm">{td('due', { date: date(r.dueOn) })}</Text>
        {r.legalHold && <Text size="sm">{td('hold', { reason: lang === 'en' ? r.legalHold.en : r.legalHold.th })}</Text>}
        {r.outcome && <Text size="sm">{td('outcome', { outcome: r.outcome })}</Text>}
        {canDecide && r.status === 'open' && (
          <>
            <Textarea label={t('outcome')} value={outcome} onChange={(e) => setOutcome(e.currentTarget.value)} />
            <ProblemAlert error={decide.error} />
            <Group gap="sm">
              <Button size="sm" onClick={() => decide.mutate('apply')} loading={decide.isPending && decide.variables === 'apply'}>
                {t('apply')}
              </Button>
              <Button
                size="sm"
                variant="outline"
                color="red.9"
                onClick={() => decide.mutate('refuse')}
                loading={decide.isPending && decide.variables === 'refuse'}
              >
                {t('refuse')}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Paper>
  );
}

/** Officers: the correction and erasure requests of their provinces, overdue first. */
export function RequestsQueuePage() {
  const { t } = useTranslation('selfservice', { keyPrefix: 'queue' });
  const td = useTranslation('selfservice', { keyPrefix: 'data' }).t;
  const { data: me } = useMe();
  const [status, setStatus] = useState<'open' | 'applied' | 'refused' | 'all'>('open');
  const queue = useRequestQueue(status === 'all' ? undefined : status);
  return (
    <>
      <PageHeader title={t('requestsTitle')} intro={t('requestsIntro')} />
      <Stack maw={720}>
        <SegmentedControl
          aria-label={t('statusLabel')}
          value={status}
          onChange={(v) => setStatus(v as typeof status)}
          data={[
            { value: 'open', label: td('status.open') },
            { value: 'applied', label: td('status.applied') },
            { value: 'refused', label: td('status.refused') },
            { value: 'all', label: t('all') },
          ]}
        />
        <ProblemAlert error={queue.error} />
        {queue.data?.length === 0 && <Text>{t('empty')}</Text>}
        {queue.data?.map((r) => (
          <RequestCard key={r.id} r={r} canDecide={hasRole(me, 'officer')} />
        ))}
      </Stack>
    </>
  );
}

function GrievanceCard({ g, canAnswer }: { g: NonNullable<ReturnType<typeof useGrievanceQueue>['data']>[number]; canAnswer: boolean }) {
  const { t } = useTranslation('selfservice', { keyPrefix: 'queue' });
  const tg = useTranslation('selfservice', { keyPrefix: 'grievances' }).t;
  const { date } = useFormat();
  const refresh = useSelfRefresh();
  const [answer, setAnswer] = useState('');
  const send = useMutation({
    mutationFn: () => unwrap(api.POST('/api/grievances/{id}/answer', { params: { path: { id: g.id } }, body: { answer } })),
    onSuccess: () => void refresh(),
  });
  return (
    <Paper withBorder p="md" component="article" aria-label={`${tg(`kind.${g.kind}`)} ${g.id}`}>
      <Stack gap={4}>
        <Group gap="xs" wrap="wrap">
          <Text fw={600}>
            {tg(`kind.${g.kind}`)}: {g.subject}
          </Text>
          <Badge variant="light">{tg(`status.${g.status}`)}</Badge>
          {g.escalated && <Badge color="red.9">{tg('escalated')}</Badge>}
        </Group>
        <Text size="sm">
          {t('person', { name: g.personNameTh ?? '-', id: g.personId })}
          {g.groupName ? ` · ${g.groupName}` : ''} · {tg(`about.${g.about}`)}
          {g.reference ? ` · ${g.reference}` : ''}
        </Text>
        <Text size="sm">{g.body}</Text>
        <Text size="sm">{tg('due', { date: date(g.dueOn) })}</Text>
        {g.answer && <Text size="sm">{tg('answer', { answer: g.answer })}</Text>}
        {canAnswer && g.status === 'open' && (
          <>
            <Textarea label={t('answer')} value={answer} onChange={(e) => setAnswer(e.currentTarget.value)} />
            <ProblemAlert error={send.error} />
            <Button size="sm" onClick={() => send.mutate()} loading={send.isPending}>
              {t('sendAnswer')}
            </Button>
          </>
        )}
      </Stack>
    </Paper>
  );
}

/** Officers: the grievances of their provinces; executives see the escalated ones. */
export function GrievancesQueuePage() {
  const { t } = useTranslation('selfservice', { keyPrefix: 'queue' });
  const { data: me } = useMe();
  const [escalated, setEscalated] = useState(false);
  const queue = useGrievanceQueue(escalated);
  return (
    <>
      <PageHeader title={t('grievancesTitle')} intro={t('grievancesIntro')} />
      <Stack maw={720}>
        <Switch label={t('escalatedOnly')} checked={escalated} onChange={(e) => setEscalated(e.currentTarget.checked)} />
        <ProblemAlert error={queue.error} />
        {queue.data?.length === 0 && <Text>{t('empty')}</Text>}
        {queue.data?.map((g) => (
          <GrievanceCard key={g.id} g={g} canAnswer={hasRole(me, 'officer')} />
        ))}
      </Stack>
    </>
  );
}
