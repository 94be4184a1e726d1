import { Anchor, Badge, Button, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, ApiProblem, unwrap } from '../../api/client';
import { Fact } from '../../components/Fact';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ScrollTable } from '../../components/ScrollTable';
import { useFormat } from '../../format';
import { useLanguage } from '../../i18n/language';
import { hasRole, useMe } from '../../session';
import { bahtToSatang } from '../../../shared/money';
import { ThaiDateInput } from '../registry/fields';
import { LoanCollection } from './LoanCollection';
import { useFundingRefresh, useLoan, type Loan } from './queries';
import { LOAN_COLOURS, useBaht } from './words';

const todayInBangkok = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Bangkok' }).format(new Date());
const satangOr = (text: string) => {
  try {
    return bahtToSatang(text);
  } catch {
    return null;
  }
};

/** The schedule: each instalment's due date (B.E.), what is due and what is paid, and the totals, exact to the satang. */
export function ScheduleTable({ loan }: { loan: Loan }) {
  const { t } = useTranslation('funding', { keyPrefix: 'loan' });
  const { date } = useFormat();
  const baht = useBaht();
  const due = (i: Loan['schedule'][number]) => i.principalSatang + i.interestSatang + i.feeSatang;
  const paid = (i: Loan['schedule'][number]) => i.paidPrincipalSatang + i.paidInterestSatang + i.paidFeeSatang;
  const sum = (f: (i: Loan['schedule'][number]) => number) => loan.schedule.reduce((s, i) => s + f(i), 0);
  return (
    <ScrollTable label={t('schedule')} minWidth={480} striped data-testid="schedule">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('number')}</Table.Th>
          <Table.Th>{t('dueOn')}</Table.Th>
          <Table.Th>{t('due')}</Table.Th>
          <Table.Th>{t('paid')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {loan.schedule.map((i) => (
          <Table.Tr key={i.number} data-testid="instalment">
            <Table.Td>{i.number}</Table.Td>
            <Table.Td>{date(i.dueOn)}</Table.Td>
            <Table.Td>{baht(due(i))}</Table.Td>
            <Table.Td>{paid(i) >= due(i) ? `✓ ${baht(paid(i))}` : baht(paid(i))}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
      <Table.Tfoot>
        <Table.Tr>
          <Table.Th>{t('total')}</Table.Th>
          <Table.Th>{t('instalments', { n: loan.schedule.length })}</Table.Th>
          <Table.Th data-testid="schedule-total">{baht(sum(due))}</Table.Th>
          <Table.Th>{baht(sum(paid))}</Table.Th>
        </Table.Tr>
      </Table.Tfoot>
    </ScrollTable>
  );
}

/**
 * A loan: its state, the schedule with its totals, tranches and payments (each with its Thai
 * receipt and, for the office, a reversal with a reason), and the office's actions: disburse,
 * record a repayment, ask for a restructuring or a write-off; the approver decides those.
 */
export function LoanPage() {
  const id = Number(useParams().id);
  const { t } = useTranslation('funding', { keyPrefix: 'loan' });
  const { t: w } = useTranslation('funding', { keyPrefix: 'words' });
  const { date, number } = useFormat();
  const baht = useBaht();
  const me = useMe();
  const loan = useLoan(id);
  const l = loan.data;
  if (loan.error) return <ProblemAlert error={loan.error} />;
  if (!l) return null;
  const office = hasRole(me.data, 'fund_maker', 'fund_checker');
  return (
    <>
      <PageHeader title={t('title', { id: l.id, group: l.groupName })} intro={t('intro')}>
        <Group gap="sm" wrap="wrap">
          <Badge color={LOAN_COLOURS[l.status] ?? 'gray.9'} variant="outline" size="lg" data-testid="loan-status">
            {w(`loanStatus.${l.status}`)}
          </Badge>
          <Anchor component={Link} to={`/funding/applications/${l.applicationId}`}>
            {t('application')}
          </Anchor>
        </Group>
      </PageHeader>
      <Stack maw={960}>
        <Paper withBorder p="md">
          <SimpleGrid cols={{ base: 2, sm: 3, md: 4 }}>
            <Fact label={t('principal')} strong>
              {baht(l.principalSatang)}
            </Fact>
            <Fact label={t('disbursed')}>{baht(l.disbursedSatang)}</Fact>
            <Fact label={t('outstanding')}>{baht(l.outstandingSatang)}</Fact>
            <Fact label={t('owed')}>{baht(l.owedSatang)}</Fact>
            <Fact label={t('nextDue')} strong>
              <span data-testid="next-due">{l.nextDueOn ? date(l.nextDueOn, 'long') : null}</span>
            </Fact>
            <Fact label={t('daysPastDue')}>
              <span data-testid="days-past-due">{number(l.daysPastDue)}</span>
            </Fact>
            <Fact label={t('term')}>{t('months', { n: number(l.termMonths) })}</Fact>
            <Fact label={t('account')}>{l.bankName ? `${l.bankName} ${l.accountNumber ?? ''}` : null}</Fact>
          </SimpleGrid>
        </Paper>
        {office && l.status === 'committed' && <Disburse loan={l} />}
        <Paper withBorder p="md" component="section" aria-labelledby="schedule-title">
          <Title order={2} size="h4" id="schedule-title" mb="sm">
            {t('schedule')}
          </Title>
          {l.schedule.length === 0 ? <Text>{t('noSchedule')}</Text> : <ScheduleTable loan={l} />}
        </Paper>
        {office && l.status === 'active' && <Repay loan={l} />}
        <Payments loan={l} office={office} />
        <LoanCollection loan={l} office={office} />
        <Decisions loan={l} office={office} approver={hasRole(me.data, 'fund_approver')} />
      </Stack>
    </>
  );
}

function Disburse({ loan: l }: { loan: Loan }) {
  const { t } = useTranslation('funding', { keyPrefix: 'loan' });
  const lang = useLanguage();
  const refresh = useFundingRefresh();
  const [amount, setAmount] = useState('');
  const [paidOn, setPaidOn] = useState<string | null>(todayInBangkok());
  const [reference, setReference] = useState('');
  const [bankName, setBankName] = useState('');
  const [accountNumber, setAccountNumber] = useState('');
  const [promptPayId, setPromptPayId] = useState('');
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/funding/loans/{id}/disbursements', {
          params: { path: { id: l.id } },
          body: {
            amountSatang: amount.trim() ? (satangOr(amount) ?? -1) : l.principalSatang - l.disbursedSatang,
            paidOn: paidOn ?? '',
            reference,
            bankName,
            accountNumber,
            promptPayId: promptPayId.trim() || null,
          },
        }),
      ),
    onSuccess: () => refresh.money(l.fundId, l.id),
  });
  const errors = save.error instanceof ApiProblem ? save.error.fieldErrors(lang) : {};
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="disburse">
      <Title order={2} size="h4" id="disburse" mb="sm">
        {t('disburse')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('trancheAmount')}
          description={t('trancheHint')}
          inputMode="decimal"
          value={amount}
          onChange={(e) => setAmount(e.currentTarget.value)}
          error={errors.amountSatang}
        />
        <ThaiDateInput label={t('paidOn')} value={paidOn} onChange={setPaidOn} required error={errors.paidOn} />
        <TextInput label={t('bank')} required value={bankName} onChange={(e) => setBankName(e.currentTarget.value)} error={errors.bankName} />
        <TextInput
          label={t('accountNumber')}
          required
          inputMode="numeric"
          value={accountNumber}
          onChange={(e) => setAccountNumber(e.currentTarget.value)}
          error={errors.accountNumber}
        />
        <TextInput
          label={t('promptPay')}
          inputMode="numeric"
          value={promptPayId}
          onChange={(e) => setPromptPayId(e.currentTarget.value)}
          error={errors.promptPayId}
        />
        <TextInput label={t('reference')} required value={reference} onChange={(e) => setReference(e.currentTarget.value)} error={errors.reference} />
      </SimpleGrid>
      <Button mt="sm" loading={save.isPending} onClick={() => save.mutate()}>
        {t('disburseButton')}
      </Button>
      <ProblemAlert error={save.error} />
    </Paper>
  );
}

function Repay({ loan: l }: { loan: Loan }) {
  const { t } = useTranslation('funding', { keyPrefix: 'loan' });
  const lang = useLanguage();
  const refresh = useFundingRefresh();
  const [amount, setAmount] = useState('');
  const [paidOn, setPaidOn] = useState<string | null>(todayInBangkok());
  const [reference, setReference] = useState('');
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/funding/loans/{id}/payments', {
          params: { path: { id: l.id } },
          body: { amountSatang: satangOr(amount) ?? -1, paidOn: paidOn ?? '', reference: reference.trim() || null },
        }),
      ),
    onSuccess: () => {
      setAmount('');
      setReference('');
      return refresh.money(l.fundId, l.id);
    },
  });
  const errors = save.error instanceof ApiProblem ? save.error.fieldErrors(lang) : {};
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="repay">
      <Title order={2} size="h4" id="repay" mb="sm">
        {t('repay')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput
          label={t('amount')}
          required
          inputMode="decimal"
          value={amount}
          onChange={(e) => setAmount(e.currentTarget.value)}
          error={errors.amountSatang}
        />
        <ThaiDateInput label={t('paidOn')} value={paidOn} onChange={setPaidOn} required error={errors.paidOn} />
        <TextInput label={t('reference')} value={reference} onChange={(e) => setReference(e.currentTarget.value)} />
      </SimpleGrid>
      <Button mt="sm" loading={save.isPending} onClick={() => save.mutate()}>
        {t('repayButton')}
      </Button>
      <ProblemAlert error={save.error} />
    </Paper>
  );
}

function Payments({ loan: l, office }: { loan: Loan; office: boolean }) {
  const { t } = useTranslation('funding', { keyPrefix: 'loan' });
  const { date } = useFormat();
  const baht = useBaht();
  const refresh = useFundingRefresh();
  const [reversing, setReversing] = useState<number | null>(null);
  const [reason, setReason] = useState('');
  const reverse = useMutation({
    mutationFn: (paymentId: number) => unwrap(api.POST('/api/funding/payments/{id}/reverse', { params: { path: { id: paymentId } }, body: { reason } })),
    onSuccess: () => {
      setReversing(null);
      setReason('');
      return refresh.money(l.fundId, l.id);
    },
  });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="payments">
      <Title order={2} size="h4" id="payments" mb="sm">
        {t('payments')}
      </Title>
      {l.tranches.map((tr) => (
        <Text key={tr.id} size="sm">
          {t('tranche', { amount: baht(tr.amountSatang), date: date(tr.paidOn), reference: tr.reference })}
        </Text>
      ))}
      {l.payments.length === 0 && <Text>{t('noPayments')}</Text>}
      {l.payments.length > 0 && (
        <ScrollTable label={t('payments')} minWidth={620}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('paidOn')}</Table.Th>
              <Table.Th>{t('amount')}</Table.Th>
              <Table.Th>{t('reference')}</Table.Th>
              <Table.Th>{t('kind')}</Table.Th>
              <Table.Th>{t('actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {l.payments.map((p) => (
              <Table.Tr key={p.id} data-testid={`payment-${p.id}`}>
                <Table.Td>{date(p.paidOn)}</Table.Td>
                <Table.Td>{baht(p.amountSatang)}</Table.Td>
                <Table.Td>{p.reference ?? '—'}</Table.Td>
                <Table.Td>
                  {p.kind === 'reversal' ? t('reversal', { reason: p.reason ?? '' }) : p.reversedById ? t('reversed') : t(`source.${p.source}`)}
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="wrap">
                    {p.kind === 'repayment' && (
                      <Anchor href={`/api/funding/payments/${p.id}/receipt.pdf`} target="_blank" rel="noopener">
                        {t('receipt')}
                      </Anchor>
                    )}
                    {office && p.kind === 'repayment' && !p.reversedById && (
                      <Button size="compact-sm" variant="default" onClick={() => setReversing(p.id)}>
                        {t('reverse')}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
      )}
      {reversing !== null && (
        <Group align="end" wrap="wrap" mt="sm">
          <TextInput label={t('reverseReason')} required value={reason} onChange={(e) => setReason(e.currentTarget.value)} style={{ flex: '1 1 260px' }} />
          <Button color="red" loading={reverse.isPending} onClick={() => reverse.mutate(reversing)}>
            {t('reverseButton')}
          </Button>
          <Button variant="default" onClick={() => setReversing(null)}>
            {t('cancel')}
          </Button>
        </Group>
      )}
      <ProblemAlert error={reverse.error} />
    </Paper>
  );
}

function Decisions({ loan: l, office, approver }: { loan: Loan; office: boolean; approver: boolean }) {
  const { t } = useTranslation('funding', { keyPrefix: 'loan' });
  const { t: w } = useTranslation('funding', { keyPrefix: 'words' });
  const refresh = useFundingRefresh();
  const [kind, setKind] = useState<'restructure' | 'write-off'>('restructure');
  const [reason, setReason] = useState('');
  const [term, setTerm] = useState<number | string>(l.termMonths);
  const [minutesRef, setMinutesRef] = useState('');
  const ask = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/funding/loans/{id}/decisions', {
          params: { path: { id: l.id } },
          body: kind === 'restructure' ? { kind, reason, termMonths: Number(term) } : { kind, reason },
        }),
      ),
    onSuccess: () => {
      setReason('');
      return refresh.money(l.fundId, l.id);
    },
  });
  const decide = useMutation({
    mutationFn: (v: { id: number; decision: 'approve' | 'reject' }) =>
      unwrap(api.POST('/api/funding/loan-decisions/{id}/decide', { params: { path: { id: v.id } }, body: { decision: v.decision, minutesRef } })),
    onSuccess: () => refresh.money(l.fundId, l.id),
  });
  const open = l.decisions.find((d) => d.status === 'requested');
  if (!office && !approver && l.decisions.length === 0) return null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="decisions">
      <Title order={2} size="h4" id="decisions" mb="sm">
        {t('decisions')}
      </Title>
      <Stack>
        {l.decisions.map((d) => (
          <Text key={d.id} size="sm" data-testid={`decision-${d.id}`}>
            {w(`decisionKind.${d.kind}`)} · {w(`decisionStatus.${d.status}`)} · {d.reason}
            {d.minutesRef ? ` · ${t('minutes', { ref: d.minutesRef })}` : ''}
          </Text>
        ))}
        {approver && open && (
          <Group align="end" wrap="wrap">
            <TextInput label={t('minutesRef')} required value={minutesRef} onChange={(e) => setMinutesRef(e.currentTarget.value)} />
            <Button loading={decide.isPending} onClick={() => decide.mutate({ id: open.id, decision: 'approve' })}>
              {t('approve')}
            </Button>
            <Button variant="default" loading={decide.isPending} onClick={() => decide.mutate({ id: open.id, decision: 'reject' })}>
              {t('reject')}
            </Button>
          </Group>
        )}
        {office && !open && l.status === 'active' && (
          <Group align="end" wrap="wrap">
            <Select
              label={t('askKind')}
              data={[
                { value: 'restructure', label: w('decisionKind.restructure') },
                { value: 'write-off', label: w('decisionKind.write-off') },
              ]}
              value={kind}
              onChange={(v) => setKind((v as 'restructure' | 'write-off') ?? 'restructure')}
              allowDeselect={false}
            />
            {kind === 'restructure' && <NumberInput label={t('newTerm')} min={1} max={120} value={term} onChange={setTerm} maw={160} />}
            <TextInput label={t('askReason')} required value={reason} onChange={(e) => setReason(e.currentTarget.value)} style={{ flex: '1 1 240px' }} />
            <Button variant="default" loading={ask.isPending} onClick={() => ask.mutate()}>
              {t('ask')}
            </Button>
          </Group>
        )}
        <ProblemAlert error={ask.error ?? decide.error} />
      </Stack>
    </Paper>
  );
}
