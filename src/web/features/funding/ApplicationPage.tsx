import { Alert, Anchor, Badge, Button, Group, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Textarea, Timeline, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { Fact } from '../../components/Fact';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ScrollTable } from '../../components/ScrollTable';
import { useFormat } from '../../format';
import { hasRole, useMe } from '../../session';
import { bahtToSatang } from '../../../shared/money';
import { ApplicationFiles } from './ApplicationFiles';
import { EligibilityList } from './ApplicationFormPage';
import { useApplication, useFundingRefresh, type Application, type ApplicationStatus } from './queries';
import { APPLICATION_COLOURS, useBaht } from './words';

type Step = 'submit' | 'recommend' | 'verify' | 'approve' | 'reject' | 'return' | 'resubmit' | 'withdraw';

/**
 * An application and its path through four eyes: each step with its person, date and note; the
 * action the reader's role may take now (the maker recommends, the checker verifies or returns,
 * the approver decides with the committee's minutes or returns; a returned one is corrected).
 * The server refuses the same person at a second step, and says so here.
 */
export function ApplicationPage() {
  const id = Number(useParams().id);
  const { t } = useTranslation('funding', { keyPrefix: 'application' });
  const { t: w } = useTranslation('funding', { keyPrefix: 'words' });
  const { number, dateTime } = useFormat();
  const baht = useBaht();
  const application = useApplication(id);
  const me = useMe();
  const a = application.data;
  if (application.error) return <ProblemAlert error={application.error} />;
  if (!a) return null;
  return (
    <>
      <PageHeader title={t('title', { group: a.groupName })} intro={t('intro')}>
        <Group gap="sm" wrap="wrap">
          <Badge color={APPLICATION_COLOURS[a.status] ?? 'gray.9'} variant="outline" size="lg" data-testid="application-status">
            {w(`status.${a.status as ApplicationStatus}`)}
          </Badge>
          <Anchor component={Link} to={`/funding/funds/${a.fundId}`}>
            {t('fund')}
          </Anchor>
          {a.loanId && (
            <Anchor component={Link} to={`/funding/loans/${a.loanId}`}>
              {t('loan')}
            </Anchor>
          )}
        </Group>
      </PageHeader>
      <Stack maw={900}>
        <Paper withBorder p="md">
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
            <Fact label={t('amount')} strong>
              {baht(a.amountSatang)}
            </Fact>
            <Fact label={t('term')}>{t('months', { n: number(a.termMonths) })}</Fact>
            <Fact label={t('submitted')}>{dateTime(a.submittedAt)}</Fact>
            <Fact label={t('purpose')}>{a.purpose}</Fact>
            <Fact label={t('sales')}>{baht(a.businessPlan.expectedMonthlySalesSatang)}</Fact>
            <Fact label={t('source')}>{a.businessPlan.repaymentSource}</Fact>
            <Fact label={t('cosigners')}>{a.cosignerPersonIds.length ? t('cosignerCount', { n: a.cosignerPersonIds.length }) : null}</Fact>
          </SimpleGrid>
          {a.businessPlan.costs.length > 0 && (
            <ScrollTable label={t('costs')} minWidth={320} mt="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('costs')}</Table.Th>
                  <Table.Th>{t('amount')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {a.businessPlan.costs.map((c, i) => (
                  <Table.Tr key={i}>
                    <Table.Td>{c.item}</Table.Td>
                    <Table.Td>{baht(c.amountSatang)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </ScrollTable>
          )}
        </Paper>
        <ApplicationFiles application={a} canUpload={hasRole(me.data, 'officer', 'fund_maker', 'citizen')} />
        <Paper withBorder p="md" component="section" aria-labelledby="eligibility-title">
          <Title order={2} size="h4" id="eligibility-title" mb="sm">
            {t('eligibility')}
          </Title>
          <EligibilityList checks={a.eligibility} />
        </Paper>
        <Paper withBorder p="md" component="section" aria-labelledby="path">
          <Title order={2} size="h4" id="path" mb="sm">
            {t('path')}
          </Title>
          <Timeline bulletSize={14} lineWidth={2} active={a.steps.length - 1}>
            {a.steps.map((s, i) => (
              <Timeline.Item key={i} title={w(`step.${s.step as Step}`)} data-testid={`step-${s.step}`}>
                <Text size="sm">
                  {s.actorName ?? t('someone')} · {dateTime(s.at)}
                </Text>
                {s.minutesRef && <Text size="sm">{t('minutes', { ref: s.minutesRef })}</Text>}
                {s.note && (
                  <Text size="sm" c="dimmed">
                    {s.note}
                  </Text>
                )}
              </Timeline.Item>
            ))}
          </Timeline>
        </Paper>
        <Actions application={a} />
      </Stack>
    </>
  );
}

function Actions({ application: a }: { application: Application }) {
  const { t } = useTranslation('funding', { keyPrefix: 'application' });
  const me = useMe();
  const refresh = useFundingRefresh();
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const [minutesRef, setMinutesRef] = useState('');
  const [decision, setDecision] = useState<'approve' | 'reject'>('approve');
  const [amount, setAmount] = useState('');
  const path = { params: { path: { id: a.id } } };
  const act = useMutation({
    mutationFn: (what: 'recommend' | 'verify' | 'decide' | 'return' | 'resubmit') => {
      if (what === 'recommend') return unwrap(api.POST('/api/funding/applications/{id}/recommend', { ...path, body: { note } }));
      if (what === 'verify') return unwrap(api.POST('/api/funding/applications/{id}/verify', { ...path, body: { note } }));
      if (what === 'decide')
        return unwrap(api.POST('/api/funding/applications/{id}/decide', { ...path, body: { decision, minutesRef, note: note.trim() || null } }));
      if (what === 'return') return unwrap(api.POST('/api/funding/applications/{id}/return', { ...path, body: { reason } }));
      let amountSatang = a.amountSatang;
      try {
        if (amount.trim()) amountSatang = bahtToSatang(amount);
      } catch {
        // The server answers the bad amount with its reason.
        amountSatang = -1;
      }
      return unwrap(
        api.PUT('/api/funding/applications/{id}', {
          ...path,
          body: {
            amountSatang,
            termMonths: a.termMonths,
            purpose: a.purpose,
            businessPlan: a.businessPlan,
            cosignerPersonIds: a.cosignerPersonIds,
            documents: a.documents,
          },
        }),
      );
    },
    onSuccess: async () => {
      setNote('');
      setReason('');
      await refresh.application(a.id, a.fundId);
    },
  });
  const maker = hasRole(me.data, 'fund_maker') && a.status === 'submitted';
  const checker = hasRole(me.data, 'fund_checker') && a.status === 'recommended';
  const approver = hasRole(me.data, 'fund_approver') && a.status === 'verified';
  const canReturn = checker || approver;
  const corrects = a.status === 'returned';
  if (!maker && !checker && !approver && !corrects) return <ProblemAlert error={act.error} />;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="act">
      <Title order={2} size="h4" id="act" mb="sm">
        {t('act')}
      </Title>
      <Stack>
        {(maker || checker || approver) && <Textarea label={t('note')} autosize minRows={2} value={note} onChange={(e) => setNote(e.currentTarget.value)} />}
        {approver && (
          <Group align="end" wrap="wrap">
            <Select
              label={t('decision')}
              data={[
                { value: 'approve', label: t('approve') },
                { value: 'reject', label: t('reject') },
              ]}
              value={decision}
              onChange={(v) => setDecision((v as 'approve' | 'reject') ?? 'approve')}
              allowDeselect={false}
            />
            <TextInput label={t('minutesRef')} required value={minutesRef} onChange={(e) => setMinutesRef(e.currentTarget.value)} />
          </Group>
        )}
        <Group wrap="wrap">
          {maker && (
            <Button loading={act.isPending} onClick={() => act.mutate('recommend')}>
              {t('recommend')}
            </Button>
          )}
          {checker && (
            <Button loading={act.isPending} onClick={() => act.mutate('verify')}>
              {t('verify')}
            </Button>
          )}
          {approver && (
            <Button loading={act.isPending} onClick={() => act.mutate('decide')}>
              {t('record')}
            </Button>
          )}
        </Group>
        {canReturn && (
          <Group align="end" wrap="wrap">
            <TextInput label={t('returnReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} style={{ flex: '1 1 240px' }} />
            <Button variant="default" loading={act.isPending} onClick={() => act.mutate('return')}>
              {t('return')}
            </Button>
          </Group>
        )}
        {corrects && (
          <>
            <Alert color="orange" variant="light">
              {t('returned')}
            </Alert>
            <Group align="end" wrap="wrap">
              <TextInput
                label={t('newAmount')}
                inputMode="decimal"
                value={amount}
                onChange={(e) => setAmount(e.currentTarget.value)}
                style={{ flex: '1 1 200px' }}
              />
              <Button loading={act.isPending} onClick={() => act.mutate('resubmit')}>
                {t('resubmit')}
              </Button>
            </Group>
          </>
        )}
        <ProblemAlert error={act.error} />
      </Stack>
    </Paper>
  );
}
