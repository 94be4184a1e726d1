import { Button, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, ApiProblem, unwrap } from '../../api/client';
import { useCurricula } from './queries';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { nameOf, useProvinces } from '../../reference';
import { useMe } from '../../session';
import { bangkokDate } from '../../../shared/fiscal-year';
import { AddressPicker, ThaiDateInput } from '../registry/fields';
import { useLanguage } from '../../i18n/language';
import { MODE_NAMES } from './words';

const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export function SessionFormPage() {
  const { t } = useTranslation('training', { keyPrefix: 'sessionForm' });
  const lang = useLanguage();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const provinces = useProvinces();
  const curricula = useCurricula({ status: 'active' });
  const units = (me?.roles ?? []).filter((r) => (r.role === 'officer' || r.role === 'course_provider') && r.unitCode);
  const [curriculumCode, setCurriculum] = useState<string | null>(null);
  const [unitCode, setUnit] = useState<string | null>(units[0]?.unitCode ?? null);
  const scope = me?.scopeProvinceCodes;
  const provinceOptions = (provinces.data ?? []).filter((p) => !scope || scope.includes(p.code)).map((p) => ({ value: p.code, label: nameOf(p, lang) }));
  const [provinceCode, setProvince] = useState<string | null>(scope?.length === 1 ? scope[0]! : null);
  const [online, setOnline] = useState(false);
  const [subdistrictCode, setSubdistrict] = useState<string | null>(null);
  const [venue, setVenue] = useState('');
  const today = bangkokDate(new Date());
  const [firstDay, setFirstDay] = useState<string | null>(addDays(today, 14));
  const [dayCount, setDayCount] = useState<number>(3);
  const [hours, setHours] = useState<number>(6);
  const [close, setClose] = useState<string | null>(addDays(today, 7));
  const [capacityMin, setMin] = useState<number>(100);
  const [capacityMax, setMax] = useState<number>(500);
  const [trainers, setTrainers] = useState('');
  const [budget, setBudget] = useState('');
  const curriculum = curricula.data?.find((c) => c.code === curriculumCode);

  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/training/sessions', {
          body: {
            curriculumCode: curriculumCode ?? '',
            unitCode: unitCode ?? '',
            provinceCode: provinceCode ?? (subdistrictCode ?? '').slice(0, 2),
            online,
            subdistrictCode: online ? null : subdistrictCode,
            venue: venue || null,
            applicationsCloseOn: close ?? '',
            capacityMin,
            capacityMax,
            trainers: trainers
              .split(/[,،]/)
              .map((x) => x.trim())
              .filter(Boolean),
            budgetSource: budget || null,
            days: firstDay ? Array.from({ length: dayCount }, (_, i) => ({ day: addDays(firstDay, i), hours })) : [],
          },
        }),
      ),
    onSuccess: (session) => navigate(`/training/sessions/${session.id}`),
  });
  const errors = save.error instanceof ApiProblem ? save.error.fieldErrors(lang) : {};
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
                label={t('curriculum')}
                required
                searchable
                placeholder={t('pick')}
                value={curriculumCode}
                onChange={setCurriculum}
                error={errors.curriculumCode}
                data={(curricula.data ?? []).map((c) => ({
                  value: c.code,
                  label: `${lang === 'th' ? c.nameTh : c.nameEn} · ${MODE_NAMES[c.mode]?.[lang] ?? c.mode}`,
                }))}
              />
              <Select
                label={t('unit')}
                required
                placeholder={t('pick')}
                value={unitCode}
                onChange={setUnit}
                error={errors.unitCode}
                data={units.map((u) => ({ value: u.unitCode!, label: (lang === 'th' ? u.unitNameTh : u.unitNameEn) ?? u.unitCode! }))}
              />
              <Select
                label={t('province')}
                required
                searchable
                placeholder={t('pick')}
                value={provinceCode}
                onChange={setProvince}
                data={provinceOptions}
                error={errors.provinceCode}
              />
              <Switch label={t('online')} checked={online} onChange={(e) => setOnline(e.currentTarget.checked)} mt={{ sm: 'xl' }} />
            </SimpleGrid>
            {!online && (
              <Stack mt="sm" gap="sm">
                <AddressPicker value={subdistrictCode} onChange={setSubdistrict} required error={errors.subdistrictCode} />
                <TextInput label={t('venue')} description={t('venueHint')} value={venue} onChange={(e) => setVenue(e.currentTarget.value)} />
              </Stack>
            )}
          </Paper>
          <Paper withBorder p="md">
            <Text fw={600} mb="xs">
              {t('schedule')}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <ThaiDateInput label={t('firstDay')} value={firstDay} onChange={setFirstDay} required error={errors['days[0].day']} />
              <ThaiDateInput label={t('close')} value={close} onChange={setClose} required error={errors.applicationsCloseOn} />
              <NumberInput label={t('days')} min={1} max={120} value={dayCount} onChange={(v) => setDayCount(Number(v) || 1)} required />
              <NumberInput
                label={t('hours')}
                min={0.5}
                max={24}
                step={0.5}
                decimalScale={2}
                value={hours}
                onChange={(v) => setHours(Number(v) || 1)}
                required
              />
            </SimpleGrid>
            <Text size="sm" mt="xs" role="status">
              {t('total', { h: dayCount * hours, c: curriculum?.hours ?? '—' })}
            </Text>
          </Paper>
          <Paper withBorder p="md">
            <Text fw={600} mb="xs">
              {t('capacity')}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <NumberInput label={t('min')} min={1} max={5000} value={capacityMin} onChange={(v) => setMin(Number(v) || 1)} error={errors.capacityMin} />
              <NumberInput label={t('max')} min={1} max={5000} value={capacityMax} onChange={(v) => setMax(Number(v) || 1)} error={errors.capacityMax} />
              <TextInput label={t('trainers')} description={t('trainersHint')} value={trainers} onChange={(e) => setTrainers(e.currentTarget.value)} />
              <TextInput label={t('budget')} value={budget} onChange={(e) => setBudget(e.currentTarget.value)} />
            </SimpleGrid>
          </Paper>
          <ProblemAlert error={save.error} />
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}
