import { Alert, Anchor, Badge, Button, Group, Paper, PasswordInput, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, ApiProblem, unwrap } from '../../api/client';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useFormat } from '../../format';
import { useLanguage } from '../../i18n/language';
import { nameOf, useProvinces } from '../../reference';
import { useBoard, useIndicator, type Vacancy } from './queries';
import { baht, inLang } from './words';

/** A vacancy as a card: what, who, where, how much, until when. */
export function VacancyCard({ v, to }: { v: Vacancy; to?: string }) {
  const { t } = useTranslation('employment');
  const lang = useLanguage();
  const { number, date } = useFormat();
  const title = inLang(v.titleTh, v.titleEn, lang);
  return (
    <Paper withBorder p="md" component="article" aria-label={title}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div>
          <Title order={3} size="h4">
            {to ? (
              <Anchor component={Link} to={to}>
                {title}
              </Anchor>
            ) : (
              title
            )}
          </Title>
          <Text size="sm">{inLang(v.employerNameTh, v.employerNameEn, lang)}</Text>
        </div>
        <Badge variant="light" tt="none">
          {t(`kinds.${v.kind as 'employment'}`)}
        </Badge>
      </Group>
      <Group gap="xs" mt="xs">
        <Text size="sm">
          {baht(v.wageSatang, number)} {t(`units.${v.wageUnit as 'day'}`)}
        </Text>
        <Text size="sm">· {v.remote ? t('board.remote') : inLang(v.provinceNameTh, v.provinceNameEn, lang)}</Text>
        <Text size="sm">· {t('board.openings', { n: number(v.openings - v.placedCount) })}</Text>
        <Text size="sm">· {t('board.closes', { date: date(v.closesOn) })}</Text>
      </Group>
      {v.requiredStandardCode && (
        <Badge mt="xs" variant="outline" color="indigo.9" tt="none">
          {t('board.requires', { code: v.requiredStandardCode })}
        </Badge>
      )}
    </Paper>
  );
}

/** The public placement figure: measured this fiscal year, beside the target. */
export function PlacementIndicator() {
  const { t } = useTranslation('employment');
  const { number } = useFormat();
  const { data } = useIndicator();
  if (!data) return null;
  return (
    <Alert variant="light" color="indigo" data-testid="placement-indicator">
      {t('board.indicator', { fy: data.fiscalYear, placed: number(data.placed), target: number(data.target) })}
    </Alert>
  );
}

/** The public vacancy board: anyone, no sign-in, no personal data. */
export function BoardPage() {
  const { t } = useTranslation('employment', { keyPrefix: 'board' });
  const tk = useTranslation('employment').t;
  const lang = useLanguage();
  const { number } = useFormat();
  const provinces = useProvinces();
  const [q, setQ] = useState('');
  const [province, setProvince] = useState<string | null>(null);
  const [kind, setKind] = useState<string | null>(null);
  const board = useBoard({ q: q.trim() || undefined, province: province ?? undefined, kind: (kind as 'employment' | null) ?? undefined, limit: 50 });
  return (
    <Stack p="md" maw={1000} mx="auto">
      <PageHeader title={t('title')} intro={t('intro')} />
      <PlacementIndicator />
      <Group>
        <Anchor component={Link} to="/jobs/employers/apply">
          {t('employerApply')}
        </Anchor>
        <Anchor component={Link} to="/sign-in">
          {t('signIn')}
        </Anchor>
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput label={t('search')} value={q} onChange={(e) => setQ(e.currentTarget.value)} size="md" />
        <Select
          label={t('province')}
          clearable
          searchable
          value={province}
          onChange={setProvince}
          size="md"
          data={(provinces.data ?? []).map((p) => ({ value: p.code, label: nameOf(p, lang) }))}
        />
        <Select
          label={t('kind')}
          clearable
          value={kind}
          onChange={setKind}
          size="md"
          data={(['employment', 'home-based', 'self-employment'] as const).map((k) => ({ value: k, label: tk(`kinds.${k}`) }))}
        />
      </SimpleGrid>
      <ProblemAlert error={board.error} />
      <Text size="sm" c="dimmed" aria-live="polite">
        {board.data ? t('count', { n: number(board.data.total) }) : ''}
      </Text>
      {board.data?.items.length === 0 && <Text>{t('none')}</Text>}
      <Stack>
        {board.data?.items.map((v) => (
          <VacancyCard key={v.id} v={v} />
        ))}
      </Stack>
    </Stack>
  );
}

/** An employer registers itself and its account; the office verifies it. */
export function ApplyEmployerPage() {
  const { t } = useTranslation('employment', { keyPrefix: 'apply' });
  const tb = useTranslation('employment', { keyPrefix: 'board' }).t;
  const lang = useLanguage();
  const [form, setForm] = useState({
    taxId: '',
    nameTh: '',
    nameEn: '',
    tsicCode: '',
    size: 'small',
    subdistrictCode: '',
    address: '',
    contactName: '',
    contactPhone: '',
    contactEmail: '',
    homeWorkRegistrationNo: '',
    username: '',
    password: '',
  });
  const set = (k: keyof typeof form) => (e: { currentTarget: { value: string } }) => setForm({ ...form, [k]: e.currentTarget.value });
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/employment/employers/apply', {
          body: {
            ...form,
            size: form.size as 'small',
            nameEn: form.nameEn || null,
            address: form.address || null,
            contactEmail: form.contactEmail || null,
            homeWorkRegistrationNo: form.homeWorkRegistrationNo || null,
          },
        }),
      ),
  });
  const errors = save.error instanceof ApiProblem ? save.error.fieldErrors(lang) : {};
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const field = (k: Exclude<keyof typeof form, 'size' | 'password'>, label: string, required = true) => (
    <TextInput label={label} required={required} value={form[k]} onChange={set(k)} error={errors[k]} size="md" name={k} />
  );
  return (
    <Stack p="md" maw={900} mx="auto">
      <PageHeader title={t('title')} intro={t('intro')} />
      {save.data ? (
        <Alert color="green" role="status">
          {t('done', { username: form.username })}{' '}
          <Anchor component={Link} to="/sign-in">
            {tb('signIn')}
          </Anchor>
        </Alert>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <Paper withBorder p="md">
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                {field('taxId', t('taxId'))}
                {field('nameTh', t('nameTh'))}
                {field('nameEn', t('nameEn'), false)}
                {field('tsicCode', t('tsic'))}
                <Select
                  label={t('size')}
                  value={form.size}
                  onChange={(v) => setForm({ ...form, size: v ?? 'small' })}
                  size="md"
                  data={(['micro', 'small', 'medium', 'large'] as const).map((s) => ({ value: s, label: t(`sizes.${s}`) }))}
                />
                {field('subdistrictCode', t('subdistrict'))}
                {field('address', t('address'), false)}
                {field('contactName', t('contactName'))}
                {field('contactPhone', t('contactPhone'))}
                {field('contactEmail', t('contactEmail'), false)}
                {field('homeWorkRegistrationNo', t('homeWork'), false)}
                {field('username', t('username'))}
                <PasswordInput
                  label={t('password')}
                  required
                  value={form.password}
                  onChange={set('password')}
                  error={errors.password}
                  size="md"
                  name="password"
                />
              </SimpleGrid>
            </Paper>
            <ProblemAlert error={save.error} />
            <Group>
              <Button type="submit" size="md" loading={save.isPending}>
                {t('submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
