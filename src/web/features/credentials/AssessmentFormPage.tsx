import { Button, Group, MultiSelect, NumberInput, Paper, Select, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, ApiProblem, unwrap } from '../../api/client';
import { useAssessmentCentres, useAssessors, useCredentialsRefresh, useStandards } from './queries';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { nameOf, useProvinces } from '../../reference';
import { useMe } from '../../session';
import { bangkokDate } from '../../../shared/fiscal-year';
import { ThaiDateInput } from '../registry/fields';
import { useLanguage } from '../../i18n/language';
import { named } from './words';

export function AssessmentFormPage() {
  const { t } = useTranslation('credentials', { keyPrefix: 'assessmentForm' });
  const lang = useLanguage();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const { data: me } = useMe();
  const provinces = useProvinces();
  const standards = useStandards();
  const centres = useAssessmentCentres();
  const assessors = useAssessors();
  const refresh = useCredentialsRefresh();
  const scope = me?.scopeProvinceCodes ?? null;

  const [standardCode, setStandard] = useState<string | null>(search.get('standard'));
  const [provinceCode, setProvince] = useState<string | null>(scope?.length === 1 ? scope[0]! : null);
  const [centreCode, setCentre] = useState<string | null>(null);
  const [assessedOn, setAssessedOn] = useState<string | null>(bangkokDate(new Date()));
  const [online, setOnline] = useState(false);
  const [venue, setVenue] = useState('');
  const [capacity, setCapacity] = useState<number>(30);
  const [assessorIds, setAssessorIds] = useState<string[]>([]);

  const standard = standardCode ?? (standards.data?.length === 1 ? standards.data[0]!.code : null);
  // The centre serving the chosen province comes first, and is chosen when there is only one.
  const centresHere = (centres.data?.items ?? []).filter((c) => !provinceCode || c.areaProvinceCodes.includes(provinceCode));
  const centre = centreCode ?? (centresHere.length === 1 ? centresHere[0]!.code : null);

  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/assessments', {
          body: {
            standardCode: standard ?? '',
            centreUnitCode: centre ?? '',
            provinceCode: provinceCode ?? '',
            assessedOn: assessedOn ?? '',
            online,
            venue: venue.trim() || null,
            capacity,
            assessorUserIds: assessorIds,
          },
        }),
      ),
    onSuccess: (event) => {
      // Lists of events are kept for a while; this one must show on them at once.
      void refresh.assessment();
      navigate(`/credentials/assessments/${event.id}`);
    },
  });
  const errors = save.error instanceof ApiProblem ? save.error.fieldErrors(lang) : {};
  const assessorError =
    Object.entries(errors)
      .filter(([k]) => k.startsWith('assessorUserIds'))
      .map(([, v]) => v)
      .join(' ') || undefined;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };

  return (
    <>
      <PageHeader title={t('title')} intro={t('intro')} />
      <form onSubmit={submit} noValidate>
        <Stack gap="md" maw={900}>
          <Paper withBorder p="md">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select
                label={t('standard')}
                required
                placeholder={t('pick')}
                value={standard}
                onChange={setStandard}
                error={errors.standardCode}
                size="md"
                data={(standards.data ?? []).map((s) => ({ value: s.code, label: `${named(s, lang)} (${s.code})` }))}
              />
              <Select
                label={t('province')}
                required
                searchable
                placeholder={t('pick')}
                value={provinceCode}
                onChange={(v) => {
                  setProvince(v);
                  setCentre(null);
                }}
                error={errors.provinceCode}
                size="md"
                data={(provinces.data ?? []).filter((p) => !scope || scope.includes(p.code)).map((p) => ({ value: p.code, label: nameOf(p, lang) }))}
              />
              <Select
                label={t('centre')}
                required
                searchable
                placeholder={t('pick')}
                value={centre}
                onChange={setCentre}
                error={errors.centreUnitCode}
                size="md"
                data={centresHere.map((c) => ({ value: c.code, label: named(c, lang) }))}
              />
              <ThaiDateInput label={t('date')} value={assessedOn} onChange={setAssessedOn} required error={errors.assessedOn} />
              <Switch label={t('online')} checked={online} onChange={(e) => setOnline(e.currentTarget.checked)} size="md" mt={{ sm: 'xl' }} />
              {!online && (
                <TextInput
                  label={t('venue')}
                  description={t('venueHint')}
                  required
                  value={venue}
                  onChange={(e) => setVenue(e.currentTarget.value)}
                  error={errors.venue}
                  size="md"
                />
              )}
              <NumberInput
                label={t('capacity')}
                min={1}
                max={500}
                value={capacity}
                onChange={(v) => setCapacity(Number(v) || 1)}
                error={errors.capacity}
                size="md"
              />
            </SimpleGrid>
          </Paper>
          <Paper withBorder p="md">
            <MultiSelect
              label={t('assessors')}
              description={t('assessorsHint')}
              required
              searchable
              value={assessorIds}
              onChange={setAssessorIds}
              error={assessorError}
              size="md"
              placeholder={t('pick')}
              data={(assessors.data ?? []).map((a) => ({
                value: a.id,
                label: [a.displayName, ...a.units.map((u) => (lang === 'th' ? u.nameTh : u.nameEn) ?? u.code ?? '')].filter(Boolean).join(' · '),
              }))}
            />
          </Paper>
          <ProblemAlert error={save.error ?? standards.error ?? assessors.error} />
          <Group>
            <Button type="submit" size="md" loading={save.isPending}>
              {t('save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}
