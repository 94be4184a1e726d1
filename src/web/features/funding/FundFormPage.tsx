import { Button, Checkbox, MultiSelect, NumberInput, Paper, Select, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, ApiProblem, unwrap } from '../../api/client';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useLanguage } from '../../i18n/language';
import { nameOf, useProvinces } from '../../reference';
import { useMe } from '../../session';
import { bahtToSatang } from '../../../shared/money';
import { GROUP_TYPES, type GroupType } from '../../../shared/person-fields';
import { ThaiDateInput } from '../registry/fields';
import { useFundingRefresh } from './queries';

/** Baht as typed, in satang; -1 (refused by the server with the field named) when it is not an amount. */
const satangOf = (text: string) => {
  try {
    return bahtToSatang(text);
  } catch {
    return -1;
  }
};
const whole = (v: number | string) => (typeof v === 'number' ? v : Number.parseInt(v, 10) || 0);

/**
 * Opening a fund (the committee's approver, for provinces of their own area): owner office,
 * provinces, capital, and the rules as data: amounts, terms, rate and fee, grace, due day, where
 * the remainder goes, eligible group types, the course or programme stage required, and the window.
 */
export function FundFormPage() {
  const { t } = useTranslation('funding', { keyPrefix: 'openFund' });
  const lang = useLanguage();
  const navigate = useNavigate();
  const refresh = useFundingRefresh();
  const me = useMe();
  const provinces = useProvinces();
  const units = (me.data?.roles ?? []).filter((r) => r.role === 'fund_approver' && r.unitCode);
  const area = me.data?.scopeProvinceCodes;
  const [f, setF] = useState({
    code: '',
    nameTh: '',
    nameEn: '',
    ownerUnitCode: units[0]?.unitCode ?? '',
    provinceCodes: area && area.length === 1 ? area : ([] as string[]),
    capital: '',
    minAmount: '50000',
    maxAmount: '300000',
    minTerm: 1 as number | string,
    maxTerm: 24 as number | string,
    ratePercent: '0',
    fee: '0',
    grace: 0 as number | string,
    dueDay: 31 as number | string,
    remainderRule: 'last' as 'last' | 'first',
    groupTypes: [] as string[],
    curriculumCode: '',
    trainedMembers: 0 as number | string,
    programmeCode: '',
    stageCode: '',
    opensOn: null as string | null,
    deadline: null as string | null,
    oneOpenLoan: true,
  });
  const set =
    <K extends keyof typeof f>(key: K) =>
    (value: (typeof f)[K]) =>
      setF((s) => ({ ...s, [key]: value }));
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/funding/funds', {
          body: {
            code: f.code.trim().toUpperCase(),
            nameTh: f.nameTh,
            nameEn: f.nameEn,
            ownerUnitCode: f.ownerUnitCode,
            provinceCodes: f.provinceCodes,
            capitalSatang: satangOf(f.capital),
            rules: {
              minAmountSatang: satangOf(f.minAmount),
              maxAmountSatang: satangOf(f.maxAmount),
              minTermMonths: whole(f.minTerm),
              maxTermMonths: whole(f.maxTerm),
              // A rate in percent a year, as basis points (1.25 % → 125), without floating point.
              rateBp: satangOf(f.ratePercent),
              feeSatang: satangOf(f.fee),
              graceMonths: whole(f.grace),
              dueDay: whole(f.dueDay),
              remainderRule: f.remainderRule,
              eligibleGroupTypes: f.groupTypes as GroupType[],
              requiredCurriculumCode: f.curriculumCode.trim() || null,
              requiredTrainedMembers: whole(f.trainedMembers),
              requiredProgrammeCode: f.programmeCode.trim() || null,
              requiredStageCode: f.stageCode.trim() || null,
              opensOn: f.opensOn,
              deadline: f.deadline ?? '',
              oneOpenLoan: f.oneOpenLoan,
            },
          },
        }),
      ),
    onSuccess: async (fund) => {
      await refresh.money(fund.id);
      await navigate(`/funding/funds/${fund.id}`);
    },
  });
  const e = save.error instanceof ApiProblem ? save.error.fieldErrors(lang) : {};
  const provinceChoices = (provinces.data ?? [])
    .filter((p) => area === null || area === undefined || area.includes(p.code))
    .map((p) => ({ value: p.code, label: nameOf(p, lang) }));
  return (
    <>
      <PageHeader title={t('title')} intro={t('intro')} />
      <Stack maw={900}>
        <Paper withBorder p="md" component="section" aria-labelledby="fund-identity">
          <Title order={2} size="h4" id="fund-identity" mb="sm">
            {t('identity')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('code')}
              description={t('codeHint')}
              required
              value={f.code}
              onChange={(x) => set('code')(x.currentTarget.value)}
              error={e.code}
            />
            <Select
              label={t('owner')}
              required
              data={units.map((u) => ({ value: u.unitCode!, label: (lang === 'en' ? u.unitNameEn : u.unitNameTh) ?? u.unitCode! }))}
              value={f.ownerUnitCode || null}
              onChange={(v) => set('ownerUnitCode')(v ?? '')}
              error={e.ownerUnitCode}
            />
            <TextInput label={t('nameTh')} required value={f.nameTh} onChange={(x) => set('nameTh')(x.currentTarget.value)} error={e.nameTh} />
            <TextInput label={t('nameEn')} required value={f.nameEn} onChange={(x) => set('nameEn')(x.currentTarget.value)} error={e.nameEn} />
            <MultiSelect
              label={t('provinces')}
              required
              searchable
              data={provinceChoices}
              value={f.provinceCodes}
              onChange={set('provinceCodes')}
              error={e.provinceCodes ?? e['provinceCodes[0]']}
            />
            <TextInput
              label={t('capital')}
              required
              inputMode="decimal"
              value={f.capital}
              onChange={(x) => set('capital')(x.currentTarget.value)}
              error={e.capitalSatang}
            />
          </SimpleGrid>
        </Paper>
        <Paper withBorder p="md" component="section" aria-labelledby="fund-rules">
          <Title order={2} size="h4" id="fund-rules" mb="sm">
            {t('rules')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('minAmount')}
              required
              inputMode="decimal"
              value={f.minAmount}
              onChange={(x) => set('minAmount')(x.currentTarget.value)}
              error={e['rules.minAmountSatang']}
            />
            <TextInput
              label={t('maxAmount')}
              required
              inputMode="decimal"
              value={f.maxAmount}
              onChange={(x) => set('maxAmount')(x.currentTarget.value)}
              error={e['rules.maxAmountSatang']}
            />
            <NumberInput label={t('minTerm')} required min={1} max={120} value={f.minTerm} onChange={set('minTerm')} error={e['rules.minTermMonths']} />
            <NumberInput label={t('maxTerm')} required min={1} max={120} value={f.maxTerm} onChange={set('maxTerm')} error={e['rules.maxTermMonths']} />
            <TextInput
              label={t('rate')}
              inputMode="decimal"
              value={f.ratePercent}
              onChange={(x) => set('ratePercent')(x.currentTarget.value)}
              error={e['rules.rateBp']}
            />
            <TextInput label={t('fee')} inputMode="decimal" value={f.fee} onChange={(x) => set('fee')(x.currentTarget.value)} error={e['rules.feeSatang']} />
            <NumberInput label={t('grace')} min={0} max={24} value={f.grace} onChange={set('grace')} error={e['rules.graceMonths']} />
            <NumberInput
              label={t('dueDay')}
              description={t('dueDayHint')}
              required
              min={1}
              max={31}
              value={f.dueDay}
              onChange={set('dueDay')}
              error={e['rules.dueDay']}
            />
            <Select
              label={t('remainder')}
              data={[
                { value: 'last', label: t('remainderLast') },
                { value: 'first', label: t('remainderFirst') },
              ]}
              value={f.remainderRule}
              onChange={(v) => set('remainderRule')((v as 'last' | 'first') ?? 'last')}
              allowDeselect={false}
            />
            <MultiSelect
              label={t('groupTypes')}
              description={t('groupTypesHint')}
              data={GROUP_TYPES.map((g) => ({ value: g.code, label: lang === 'en' ? g.en : g.th }))}
              value={f.groupTypes}
              onChange={set('groupTypes')}
            />
            <TextInput
              label={t('curriculum')}
              description={t('curriculumHint')}
              value={f.curriculumCode}
              onChange={(x) => set('curriculumCode')(x.currentTarget.value)}
              error={e['rules.requiredCurriculumCode']}
            />
            <NumberInput label={t('trainedMembers')} min={0} max={1000} value={f.trainedMembers} onChange={set('trainedMembers')} />
            <TextInput
              label={t('programme')}
              description={t('programmeHint')}
              value={f.programmeCode}
              onChange={(x) => set('programmeCode')(x.currentTarget.value)}
              error={e['rules.requiredProgrammeCode']}
            />
            <TextInput label={t('stage')} value={f.stageCode} onChange={(x) => set('stageCode')(x.currentTarget.value)} error={e['rules.requiredStageCode']} />
            <ThaiDateInput label={t('opensOn')} value={f.opensOn} onChange={set('opensOn')} error={e['rules.opensOn']} />
            <ThaiDateInput label={t('deadline')} required value={f.deadline} onChange={set('deadline')} error={e['rules.deadline']} />
          </SimpleGrid>
          <Checkbox mt="md" label={t('oneOpenLoan')} checked={f.oneOpenLoan} onChange={(x) => set('oneOpenLoan')(x.currentTarget.checked)} />
        </Paper>
        <ProblemAlert error={save.error} />
        <div>
          <Button loading={save.isPending} onClick={() => save.mutate()}>
            {t('save')}
          </Button>
        </div>
      </Stack>
    </>
  );
}
