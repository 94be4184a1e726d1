import {
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api, ApiProblem, unwrap } from '../../api/client';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useFormat } from '../../format';
import { useLanguage } from '../../i18n/language';
import { hasRole, useMe } from '../../session';
import { bangkokDate } from '../../../shared/fiscal-year';
import { ThaiDateInput } from '../registry/fields';
import { useCandidates, useEmployers, useEmploymentRefresh, useReferrals, useVacancy, type Referral } from './queries';
import { baht, inLang, reasonText } from './words';

const SHAREABLE = ['name', 'phone', 'age', 'district', 'qualifications', 'courses'] as const;
const inDays = (n: number) => bangkokDate(new Date(Date.now() + n * 86_400_000));

/** Post a vacancy or a home-based work order: an employer for itself, an officer for a verified employer of the area. */
export function VacancyFormPage() {
  const { t } = useTranslation('employment', { keyPrefix: 'form' });
  const tk = useTranslation('employment').t;
  const lang = useLanguage();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const isEmployer = hasRole(me, 'employer');
  const employers = useEmployers('verified', !isEmployer);
  const refresh = useEmploymentRefresh();
  const [employerId, setEmployerId] = useState<string | null>(null);
  const [kind, setKind] = useState<'employment' | 'home-based' | 'self-employment'>('employment');
  const [f, setF] = useState({ occupationCode: '', titleTh: '', titleEn: '', description: '', subdistrictCode: '', requiredStandardCode: '' });
  const [remote, setRemote] = useState(false);
  const [wage, setWage] = useState<number | ''>('');
  const [wageUnit, setWageUnit] = useState<'day' | 'month' | 'piece'>('month');
  const [openings, setOpenings] = useState<number>(1);
  const [opensOn, setOpensOn] = useState<string | null>(inDays(0));
  const [closesOn, setClosesOn] = useState<string | null>(inDays(30));
  const [quantity, setQuantity] = useState<number | ''>('');
  const [deliveryOn, setDeliveryOn] = useState<string | null>(null);
  const [materials, setMaterials] = useState(true);
  const [publish, setPublish] = useState(true);
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/employment/vacancies', {
          body: {
            employerId: employerId ? Number(employerId) : undefined,
            kind,
            occupationCode: f.occupationCode,
            titleTh: f.titleTh,
            titleEn: f.titleEn || null,
            description: f.description || null,
            requiredStandardCode: f.requiredStandardCode || null,
            remote,
            subdistrictCode: f.subdistrictCode || null,
            wageSatang: wage === '' ? -1 : Math.round(wage * 100),
            wageUnit: kind === 'home-based' ? 'piece' : wageUnit,
            openings,
            opensOn: opensOn ?? '',
            closesOn: closesOn ?? '',
            quantity: kind === 'home-based' && quantity !== '' ? quantity : null,
            deliveryOn: kind === 'home-based' ? deliveryOn : null,
            materialsSupplied: kind === 'home-based' ? materials : null,
            publish,
          },
        }),
      ),
    onSuccess: (v) => {
      void refresh();
      navigate(`/employment/vacancies/${v.id}`);
    },
  });
  const errors = save.error instanceof ApiProblem ? save.error.fieldErrors(lang) : {};
  const text = (k: keyof typeof f, label: string, required = false) => (
    <TextInput
      label={label}
      required={required}
      value={f[k]}
      onChange={(e) => setF({ ...f, [k]: e.currentTarget.value })}
      error={errors[k]}
      size="md"
      name={k}
    />
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <>
      <PageHeader title={t('title')} />
      <form onSubmit={submit} noValidate>
        <Stack maw={900}>
          <Paper withBorder p="md">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {!isEmployer && (
                <Select
                  label={t('employer')}
                  required
                  searchable
                  value={employerId}
                  onChange={setEmployerId}
                  error={errors.employerId}
                  size="md"
                  data={(employers.data?.items ?? []).map((e) => ({ value: String(e.id), label: `${e.nameTh} (${e.taxId})` }))}
                />
              )}
              <Select
                label={t('kind')}
                value={kind}
                onChange={(v) => setKind((v as typeof kind) ?? 'employment')}
                size="md"
                data={(['employment', 'home-based', 'self-employment'] as const).map((k) => ({ value: k, label: tk(`kinds.${k}`) }))}
              />
              {text('occupationCode', t('occupation'), true)}
              {text('titleTh', t('titleTh'), true)}
              {text('titleEn', t('titleEn'))}
              <Select
                label={t('standard')}
                value={f.requiredStandardCode || ''}
                onChange={(v) => setF({ ...f, requiredStandardCode: v ?? '' })}
                error={errors.requiredStandardCode}
                size="md"
                data={[
                  { value: '', label: t('noStandard') },
                  { value: 'TPQI-ECW', label: 'TPQI-ECW' },
                ]}
              />
              {text('subdistrictCode', t('subdistrict'), !remote && kind !== 'home-based')}
              <Switch label={t('remote')} checked={remote} onChange={(e) => setRemote(e.currentTarget.checked)} size="md" mt={{ sm: 'xl' }} />
              <NumberInput
                label={t('wage')}
                required
                min={0}
                value={wage}
                onChange={(v) => setWage(v === '' ? '' : Number(v))}
                error={errors.wageSatang}
                size="md"
              />
              {kind !== 'home-based' && (
                <Select
                  label={t('wageUnit')}
                  value={wageUnit}
                  onChange={(v) => setWageUnit((v as typeof wageUnit) ?? 'month')}
                  size="md"
                  data={(['day', 'month', 'piece'] as const).map((u) => ({ value: u, label: tk(`units.${u}`) }))}
                />
              )}
              <NumberInput
                label={t('openings')}
                required
                min={1}
                max={10000}
                value={openings}
                onChange={(v) => setOpenings(Number(v) || 1)}
                error={errors.openings}
                size="md"
              />
              <ThaiDateInput label={t('opensOn')} value={opensOn} onChange={setOpensOn} required error={errors.opensOn} />
              <ThaiDateInput label={t('closesOn')} value={closesOn} onChange={setClosesOn} required error={errors.closesOn} />
              {kind === 'home-based' && (
                <>
                  <NumberInput
                    label={t('quantity')}
                    required
                    min={1}
                    value={quantity}
                    onChange={(v) => setQuantity(v === '' ? '' : Number(v))}
                    error={errors.quantity}
                    size="md"
                  />
                  <ThaiDateInput label={t('deliveryOn')} value={deliveryOn} onChange={setDeliveryOn} required error={errors.deliveryOn} />
                  <Switch label={t('materials')} checked={materials} onChange={(e) => setMaterials(e.currentTarget.checked)} size="md" />
                </>
              )}
            </SimpleGrid>
            <Textarea label={t('description')} value={f.description} onChange={(e) => setF({ ...f, description: e.currentTarget.value })} mt="sm" size="md" />
            <Switch label={t('publish')} checked={publish} onChange={(e) => setPublish(e.currentTarget.checked)} size="md" mt="sm" />
          </Paper>
          <ProblemAlert error={save.error} />
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

/** The employer's answer to one referral: interview, hire with a start date, or not taken with a reason. */
function AnswerReferral({ r, onDone }: { r: Referral; onDone: () => void }) {
  const { t } = useTranslation('employment', { keyPrefix: 'vacancy' });
  const [startedOn, setStartedOn] = useState<string | null>(inDays(0));
  const [reason, setReason] = useState('');
  const answer = useMutation({
    mutationFn: (status: 'hired' | 'rejected' | 'interview') =>
      unwrap(
        api.POST('/api/employment/referrals/{id}/answer', {
          params: { path: { id: r.id } },
          body: {
            status,
            startedOn: status === 'hired' ? startedOn : null,
            interviewOn: status === 'interview' ? inDays(3) : null,
            reason: status === 'rejected' ? reason || null : null,
          },
        }),
      ),
    onSuccess: onDone,
  });
  if (!['referred', 'interview'].includes(r.status)) return null;
  return (
    <Stack gap="xs" mt="xs">
      <Group align="flex-end" wrap="wrap">
        <ThaiDateInput label={t('startedOn')} value={startedOn} onChange={setStartedOn} />
        <Button onClick={() => answer.mutate('hired')} loading={answer.isPending} size="md">
          {t('hire')}
        </Button>
        {r.status === 'referred' && (
          <Button variant="default" onClick={() => answer.mutate('interview')} size="md">
            {t('interview')}
          </Button>
        )}
      </Group>
      <Group align="flex-end" wrap="wrap">
        <TextInput label={t('reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} size="md" />
        <Button variant="default" onClick={() => answer.mutate('rejected')} size="md">
          {t('rejectWith')}
        </Button>
      </Group>
      <ProblemAlert error={answer.error} />
    </Stack>
  );
}

/** A vacancy: its details; for officers the ranked candidates with reasons and referral with consent; for its employer the people referred and the answers. */
export function VacancyPage() {
  const id = Number(useParams().id);
  const { t } = useTranslation('employment', { keyPrefix: 'vacancy' });
  const tk = useTranslation('employment').t;
  const lang = useLanguage();
  const { number, date } = useFormat();
  const { data: me } = useMe();
  const isEmployer = hasRole(me, 'employer');
  const vacancy = useVacancy(id);
  const candidates = useCandidates(id, !isEmployer);
  const referrals = useReferrals(id);
  const refresh = useEmploymentRefresh();
  const [referring, setReferring] = useState<{ personId: number; name: string } | null>(null);
  const [fields, setFields] = useState<string[]>(['name', 'phone', 'qualifications']);
  const [evidence, setEvidence] = useState('');
  const refer = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/employment/referrals', {
          body: { vacancyId: id, personId: referring!.personId, sharedFields: fields as 'name'[], consentEvidence: evidence },
        }),
      ),
    onSuccess: () => {
      setReferring(null);
      void refresh();
    },
  });
  const status = useMutation({
    mutationFn: (s: 'published' | 'closed') => unwrap(api.POST('/api/employment/vacancies/{id}/status', { params: { path: { id } }, body: { status: s } })),
    onSuccess: () => void refresh(),
  });
  const v = vacancy.data;
  if (!v) return <ProblemAlert error={vacancy.error} />;
  return (
    <Stack>
      <PageHeader title={inLang(v.titleTh, v.titleEn, lang)} intro={`${v.code} · ${inLang(v.employerNameTh, v.employerNameEn, lang)}`} />
      <Paper withBorder p="md">
        <Group gap="xs" wrap="wrap">
          <Badge variant="light" tt="none">
            {tk(`kinds.${v.kind as 'employment'}`)}
          </Badge>
          <Badge variant="outline" tt="none" data-testid="vacancy-status">
            {tk(`statuses.${v.status as 'draft'}`)}
          </Badge>
          {v.requiredStandardCode && <Badge tt="none">{tk('board.requires', { code: v.requiredStandardCode })}</Badge>}
        </Group>
        <Text mt="xs">
          {t('wage')}: {baht(v.wageSatang, number)} {tk(`units.${v.wageUnit as 'day'}`)} · {t('place')}:{' '}
          {v.remote ? tk('board.remote') : inLang(v.provinceNameTh, v.provinceNameEn, lang)} · {tk('board.closes', { date: date(v.closesOn) })}
        </Text>
        <Text data-testid="placed-of-openings">{t('placed', { placed: number(v.placedCount), openings: number(v.openings) })}</Text>
        {v.description && <Text mt="xs">{v.description}</Text>}
        <Group mt="sm">
          {v.status === 'draft' && (
            <Button onClick={() => status.mutate('published')} loading={status.isPending}>
              {t('publish')}
            </Button>
          )}
          {v.status === 'published' && (
            <Button variant="default" onClick={() => status.mutate('closed')} loading={status.isPending}>
              {t('close')}
            </Button>
          )}
        </Group>
        <ProblemAlert error={status.error} />
      </Paper>

      {!isEmployer && (
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="xs">
            {t('candidates')}
          </Title>
          <ProblemAlert error={candidates.error} />
          {candidates.data?.length === 0 && <Text>{t('noCandidates')}</Text>}
          <Stack gap="xs">
            {candidates.data?.map((c, i) => (
              <Paper key={c.personId} withBorder p="sm" data-testid={`candidate-${i + 1}`}>
                <Group justify="space-between" wrap="wrap">
                  <div>
                    <Text fw={600}>
                      {i + 1}.{' '}
                      <Anchor component={Link} to={`/employment/people/${c.personId}`}>
                        {inLang(c.nameTh, c.nameEn, lang)}
                      </Anchor>{' '}
                      <Text span size="sm" c="dimmed">
                        {c.docNumberMasked} · {t('score', { n: c.score })}
                      </Text>
                    </Text>
                    <Group gap={4} mt={4}>
                      {c.reasons.map((r) => (
                        <Badge key={r.code} variant={r.points > 0 ? 'filled' : 'outline'} color={r.points > 0 ? 'teal.9' : 'gray.8'} tt="none">
                          {reasonText(r, lang)}
                        </Badge>
                      ))}
                    </Group>
                  </div>
                  {c.referralStatus ? (
                    <Badge tt="none">{tk(`statuses.${c.referralStatus as 'referred'}`)}</Badge>
                  ) : (
                    <Button
                      size="sm"
                      onClick={() => setReferring({ personId: c.personId, name: inLang(c.nameTh, c.nameEn, lang) })}
                      disabled={v.status !== 'published'}
                    >
                      {t('refer')}
                    </Button>
                  )}
                </Group>
              </Paper>
            ))}
          </Stack>
        </Paper>
      )}

      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="xs">
          {t('referrals')}
        </Title>
        <ProblemAlert error={referrals.error} />
        {referrals.data?.length === 0 && <Text>{t('noReferrals')}</Text>}
        <Stack gap="xs">
          {referrals.data?.map((r) => {
            const shown = (value: string | number | null | string[]) =>
              value === null ? t('withheld') : Array.isArray(value) ? value.join(', ') || '–' : String(value);
            return (
              <Paper key={r.id} withBorder p="sm" data-testid={`referral-${r.id}`}>
                <Group justify="space-between">
                  <Text fw={600}>{r.candidate.nameTh ?? t('withheld')}</Text>
                  <Badge tt="none">{tk(`statuses.${r.status as 'referred'}`)}</Badge>
                </Group>
                <SimpleGrid cols={{ base: 1, sm: 3 }} spacing={4}>
                  <Text size="sm">
                    {tk('fields.phone')}: {shown(r.candidate.phone)}
                  </Text>
                  <Text size="sm">
                    {tk('fields.age')}: {shown(r.candidate.age)}
                  </Text>
                  <Text size="sm">
                    {tk('fields.qualifications')}: {shown(r.candidate.qualifications)}
                  </Text>
                </SimpleGrid>
                {r.statusReason && <Text size="sm">{r.statusReason}</Text>}
                <AnswerReferral r={r} onDone={() => void refresh()} />
              </Paper>
            );
          })}
        </Stack>
      </Paper>

      <Modal opened={referring !== null} onClose={() => setReferring(null)} title={referring ? t('referTitle', { name: referring.name }) : ''}>
        <Stack>
          <Text size="sm">{t('consentIntro')}</Text>
          <Checkbox.Group value={fields} onChange={setFields}>
            <Stack gap={6}>
              {SHAREABLE.map((f) => (
                <Checkbox key={f} value={f} label={tk(`fields.${f}`)} />
              ))}
            </Stack>
          </Checkbox.Group>
          <TextInput label={t('evidence')} required value={evidence} onChange={(e) => setEvidence(e.currentTarget.value)} size="md" />
          <ProblemAlert error={refer.error} />
          <Button onClick={() => refer.mutate()} loading={refer.isPending} size="md">
            {t('confirmRefer')}
          </Button>
        </Stack>
      </Modal>
    </Stack>
  );
}
