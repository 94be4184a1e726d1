import { ActionIcon, Button, Checkbox, Group, List, NumberInput, Paper, Select, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { api, ApiProblem, unwrap } from '../../api/client';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useFormat } from '../../format';
import { useLanguage } from '../../i18n/language';
import { hasRole, useMe } from '../../session';
import { bahtToSatang } from '../../../shared/money';
import { useFund, useFundingRefresh, useMyFunding } from './queries';
import { useBaht } from './words';

type Check = { code: string; passed: boolean; th: string; en: string };

/** Baht typed by a person → satang, or null while it is not an amount (shown as the field's error). */
function satangOf(text: string): number | null {
  try {
    return text.trim() ? bahtToSatang(text) : null;
  } catch {
    return null;
  }
}

/** The eligibility rules with a mark and a word each, never colour alone. */
export function EligibilityList({ checks }: { checks: readonly Check[] }) {
  const { t } = useTranslation('funding', { keyPrefix: 'apply' });
  const lang = useLanguage();
  return (
    <List spacing={4} listStyleType="none" data-testid="eligibility">
      {checks.map((c) => (
        <List.Item key={c.code}>
          <Text c={c.passed ? 'teal.9' : 'red.9'}>
            {c.passed ? '✓ ' : '✗ '}
            <strong>{c.passed ? t('passed') : t('failed')}</strong>: {lang === 'en' ? c.en : c.th}
          </Text>
        </List.Item>
      ))}
    </List>
  );
}

/**
 * A loan application: by a group's leader on her phone (her groups and their committee come from
 * her own view) or by an officer or maker for a group of the area. The eligibility check shows
 * every rule with its reason before anything is sent; a refusal lists the rules not met.
 */
export function ApplicationFormPage() {
  const fundId = Number(useParams().id);
  const [params] = useSearchParams();
  const { t } = useTranslation('funding', { keyPrefix: 'apply' });
  const lang = useLanguage();
  const { date } = useFormat();
  const baht = useBaht();
  const navigate = useNavigate();
  const refresh = useFundingRefresh();
  const me = useMe();
  const staff = hasRole(me.data, 'officer', 'fund_maker');
  // Staff read the fund; a leader, who reads no fund, has it in her own view.
  const fund = useFund(fundId, staff);
  const mine = useMyFunding();
  const [groupId, setGroupId] = useState<number | null>(params.get('group') ? Number(params.get('group')) : null);
  const [search, setSearch] = useState('');
  const found = useQuery({
    queryKey: ['funding', 'group-search', search],
    queryFn: () => unwrap(api.GET('/api/groups', { params: { query: { q: search || undefined, limit: 20, offset: 0 } } })),
    enabled: staff,
  });
  const staffGroup = useQuery({
    queryKey: ['funding', 'group', 'members', groupId],
    queryFn: () => unwrap(api.GET('/api/groups/{id}', { params: { path: { id: groupId! } } })),
    enabled: staff && groupId !== null,
  });
  const [amount, setAmount] = useState('');
  const [term, setTerm] = useState<number | string>(24);
  const [purpose, setPurpose] = useState('');
  const [costs, setCosts] = useState([{ item: '', amount: '' }]);
  const [sales, setSales] = useState('');
  const [source, setSource] = useState('');
  const [cosigners, setCosigners] = useState<string[]>([]);

  const led = (mine.data?.groups ?? []).filter((g) => g.role === 'leader');
  const groupOptions = staff
    ? (found.data?.items ?? []).map((g) => ({ value: String(g.id), label: g.name }))
    : led.map((g) => ({ value: String(g.groupId), label: g.groupName }));
  if (staff && staffGroup.data && !groupOptions.some((o) => o.value === String(staffGroup.data.id)))
    groupOptions.unshift({ value: String(staffGroup.data.id), label: staffGroup.data.name });
  const committee = staff
    ? (staffGroup.data?.members ?? [])
        .filter((m) => !m.leftOn && (m.role === 'leader' || m.role === 'committee'))
        .map((m) => ({ personId: m.personId, name: `${m.firstNameTh} ${m.lastNameTh}`, role: m.role }))
    : (led.find((g) => g.groupId === groupId)?.committee ?? []).map((m) => ({ personId: m.personId, name: m.nameTh, role: m.role }));

  const amountSatang = satangOf(amount);
  const body = () => ({
    groupId: groupId!,
    amountSatang: amountSatang ?? 0,
    termMonths: Number(term),
    purpose,
    businessPlan: {
      costs: costs.filter((c) => c.item.trim()).map((c) => ({ item: c.item, amountSatang: satangOf(c.amount) ?? 0 })),
      expectedMonthlySalesSatang: satangOf(sales) ?? 0,
      repaymentSource: source,
    },
    cosignerPersonIds: cosigners.map(Number),
    documents: [],
  });
  const eligibility = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/funding/funds/{id}/eligibility', {
          params: { path: { id: fundId } },
          body: { groupId: groupId!, amountSatang: amountSatang ?? 1, termMonths: Number(term) },
        }),
      ),
  });
  const submit = useMutation({
    mutationFn: () => unwrap(api.POST('/api/funding/funds/{id}/applications', { params: { path: { id: fundId } }, body: body() })),
    onSuccess: async (a) => {
      await refresh.application(a.id, fundId);
      void navigate(`/funding/applications/${a.id}`);
    },
  });
  const problem = submit.error instanceof ApiProblem ? submit.error : null;
  const fieldErrors = problem?.fieldErrors(lang) ?? {};
  const ruleErrors = (problem?.errors ?? []).filter((e) => !/^body\.(amountSatang|termMonths|purpose|businessPlan|cosignerPersonIds)/.test(e.field));
  const f = staff ? fund.data : mine.data?.funds.find((x) => x.id === fundId);
  const total = costs.reduce((s, c) => s + (satangOf(c.amount) ?? 0), 0);
  return (
    <>
      <PageHeader
        title={t('title')}
        intro={f ? t('intro', { fund: lang === 'en' ? f.nameEn : f.nameTh, deadline: date(f.rules.deadline, 'long') }) : undefined}
      />
      <Stack maw={720}>
        <ProblemAlert error={fund.error ?? mine.error} />
        {f && (
          <Text size="sm">
            {t('rules', {
              min: baht(f.rules.minAmountSatang),
              max: baht(f.rules.maxAmountSatang),
              term: f.rules.maxTermMonths,
            })}
          </Text>
        )}
        {!staff && mine.data && led.length === 0 && <Text>{t('notLeader')}</Text>}
        <Paper withBorder p="md">
          <Stack>
            <Select
              label={t('group')}
              required
              searchable
              data={groupOptions}
              value={groupId === null ? null : String(groupId)}
              onChange={(v) => {
                setGroupId(v ? Number(v) : null);
                setCosigners([]);
              }}
              onSearchChange={staff ? setSearch : undefined}
              nothingFoundMessage={t('noGroup')}
              error={fieldErrors.groupId}
            />
            <TextInput
              label={t('amount')}
              description={t('amountHint')}
              required
              inputMode="decimal"
              value={amount}
              onChange={(e) => setAmount(e.currentTarget.value)}
              error={(amount.trim() && amountSatang === null ? t('badAmount') : undefined) ?? fieldErrors.amountSatang}
            />
            <NumberInput label={t('term')} required min={1} max={f?.rules.maxTermMonths ?? 24} value={term} onChange={setTerm} error={fieldErrors.termMonths} />
            <Textarea
              label={t('purpose')}
              required
              autosize
              minRows={2}
              value={purpose}
              onChange={(e) => setPurpose(e.currentTarget.value)}
              error={fieldErrors.purpose}
            />
          </Stack>
        </Paper>
        <Paper withBorder p="md" component="section" aria-labelledby="plan">
          <Title order={2} size="h4" id="plan" mb="sm">
            {t('plan')}
          </Title>
          <Stack>
            {costs.map((c, i) => (
              <Group key={i} align="end" wrap="wrap" gap="xs">
                <TextInput
                  label={t('costItem', { n: i + 1 })}
                  value={c.item}
                  onChange={(e) => {
                    const item = e.currentTarget.value;
                    setCosts((all) => all.map((x, k) => (k === i ? { ...x, item } : x)));
                  }}
                  style={{ flex: '1 1 200px' }}
                />
                <TextInput
                  label={t('costAmount', { n: i + 1 })}
                  inputMode="decimal"
                  value={c.amount}
                  onChange={(e) => {
                    const value = e.currentTarget.value;
                    setCosts((all) => all.map((x, k) => (k === i ? { ...x, amount: value } : x)));
                  }}
                  error={c.amount.trim() && satangOf(c.amount) === null ? t('badAmount') : undefined}
                  style={{ flex: '1 1 140px' }}
                />
                {costs.length > 1 && (
                  <ActionIcon
                    variant="default"
                    size="lg"
                    aria-label={t('removeCost', { n: i + 1 })}
                    onClick={() => setCosts((all) => all.filter((_, k) => k !== i))}
                  >
                    ×
                  </ActionIcon>
                )}
              </Group>
            ))}
            <Group justify="space-between" wrap="wrap">
              <Button variant="default" onClick={() => setCosts((all) => [...all, { item: '', amount: '' }])}>
                {t('addCost')}
              </Button>
              <Text>{t('costTotal', { total: baht(total) })}</Text>
            </Group>
            {fieldErrors['businessPlan.costs'] && (
              <Text c="red.9" size="sm">
                {fieldErrors['businessPlan.costs']}
              </Text>
            )}
            <TextInput label={t('sales')} inputMode="decimal" required value={sales} onChange={(e) => setSales(e.currentTarget.value)} />
            <Textarea label={t('source')} required autosize minRows={2} value={source} onChange={(e) => setSource(e.currentTarget.value)} />
          </Stack>
        </Paper>
        <Paper withBorder p="md" component="section" aria-labelledby="cosigners">
          <Title order={2} size="h4" id="cosigners" mb="sm">
            {t('cosigners')}
          </Title>
          {committee.length === 0 ? (
            <Text size="sm">{t('noCommittee')}</Text>
          ) : (
            <Checkbox.Group value={cosigners} onChange={setCosigners} label={t('cosignersHint')} error={fieldErrors['cosignerPersonIds[0]']}>
              <Stack gap={4} mt="xs">
                {committee.map((m) => (
                  <Checkbox key={m.personId} value={String(m.personId)} label={`${m.name} (${t(`role.${m.role === 'leader' ? 'leader' : 'committee'}`)})`} />
                ))}
              </Stack>
            </Checkbox.Group>
          )}
        </Paper>
        <Group wrap="wrap">
          <Button variant="default" disabled={groupId === null || amountSatang === null} loading={eligibility.isPending} onClick={() => eligibility.mutate()}>
            {t('check')}
          </Button>
          <Button disabled={groupId === null} loading={submit.isPending} onClick={() => submit.mutate()}>
            {t('submit')}
          </Button>
        </Group>
        <ProblemAlert error={eligibility.error} />
        {eligibility.data && (
          <Paper withBorder p="md" role="status">
            <Text fw={600} mb="xs">
              {eligibility.data.eligible ? t('eligible') : t('notEligible')}
            </Text>
            <EligibilityList checks={eligibility.data.checks} />
          </Paper>
        )}
        <ProblemAlert error={submit.error} />
        {ruleErrors.length > 0 && (
          <List>
            {ruleErrors.map((e) => (
              <List.Item key={`${e.field}-${e.code}`}>{lang === 'en' ? e.message : e.messageTh}</List.Item>
            ))}
          </List>
        )}
      </Stack>
    </>
  );
}
