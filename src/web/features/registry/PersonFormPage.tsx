import { Alert, Button, Checkbox, Fieldset, Group, MultiSelect, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, ApiProblem, unwrap } from '../../api/client';
import { usePerson, usePersonIdentity, useRegistryRefresh } from './queries';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { nameOf, useTargetGroups } from '../../reference';
import { bahtToSatang, satangToBaht } from '../../../shared/money';
import { DISABILITY_TYPES, DOCUMENT_TYPES, EDUCATION_LEVELS, SEXES, TITLES, WORK_STATUSES, type Coded } from '../../../shared/person-fields';
import { AddressPicker, ThaiDateInput } from './fields';
import { personFormProblems } from './person-form-rules';
import { useLanguage } from '../../i18n/language';

type Sharing = 'share-lazada' | 'share-gsb' | 'share-partners' | 'contact';

/** A citizen signed in with ThaiD registers herself (issue 21 §2): this form, her ID and name fixed from the token. */
export function SelfRegistrationPage() {
  return <PersonFormPage self />;
}

export function PersonFormPage({ self = false }: { self?: boolean }) {
  const { t } = useTranslation('registry', { keyPrefix: 'personForm' });
  const queryClient = useQueryClient();
  const fixed = useQuery({ queryKey: ['self-registration'], queryFn: () => unwrap(api.GET('/api/auth/self-registration')), enabled: self, retry: false });
  const { t: fieldWords } = useTranslation('registry', { keyPrefix: 'fields' });
  const lang = useLanguage();
  const { id } = useParams();
  const editing = Boolean(id);
  const navigate = useNavigate();
  const refresh = useRegistryRefresh();
  const existing = usePerson(Number(id), { enabled: editing });
  const revealed = usePersonIdentity(Number(id), { enabled: editing });
  const targetGroups = useTargetGroups();

  const [f, setF] = useState({
    docType: 'th-id',
    docNumber: '',
    title: null as string | null,
    firstNameTh: '',
    lastNameTh: '',
    firstNameEn: '',
    lastNameEn: '',
    sex: null as string | null,
    birthDate: null as string | null,
    phone: '',
    houseNo: '',
    villageNo: '' as number | string,
    subdistrictCode: null as string | null,
    targetGroups: [] as string[],
    education: null as string | null,
    workStatus: null as string | null,
    income: '',
    householdSize: '' as number | string,
    disabilityType: null as string | null,
    cardNo: '',
  });
  const [sensitiveConsent, setSensitiveConsent] = useState(false);
  const [evidence, setEvidence] = useState('');
  const [sharing, setSharing] = useState<Sharing[]>([]);
  const [idTouched, setIdTouched] = useState(false);
  // Field messages show once the officer has tried to save; the ID's checksum already on leaving its box.
  const [attempted, setAttempted] = useState(false);
  const [focusTick, setFocusTick] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const set = <K extends keyof typeof f>(key: K, value: (typeof f)[K]) => setF((old) => ({ ...old, [key]: value }));

  useEffect(() => {
    const d = fixed.data;
    if (!d) return;
    setF((old) => ({
      ...old,
      docType: 'th-id',
      docNumber: d.nationalId,
      firstNameTh: d.firstNameTh,
      lastNameTh: d.lastNameTh,
      birthDate: d.birthDate ?? old.birthDate,
    }));
  }, [fixed.data]);

  useEffect(() => {
    const p = existing.data;
    if (!p || !revealed.data) return;
    const primary = revealed.data.identities[0];
    setF({
      docType: p.docType,
      docNumber: primary?.docNumber ?? '',
      title: p.title,
      firstNameTh: p.firstNameTh,
      lastNameTh: p.lastNameTh,
      firstNameEn: p.firstNameEn ?? '',
      lastNameEn: p.lastNameEn ?? '',
      sex: p.sex,
      birthDate: p.birthDate,
      phone: p.phone ?? '',
      houseNo: p.address.houseNo ?? '',
      villageNo: p.address.villageNo ?? '',
      subdistrictCode: p.address.subdistrictCode,
      targetGroups: p.targetGroups,
      education: p.education,
      workStatus: p.workStatus,
      income: p.monthlyIncomeSatang === null ? '' : satangToBaht(p.monthlyIncomeSatang),
      householdSize: p.householdSize ?? '',
      disabilityType: p.disability?.type ?? null,
      // The detail masks the card number; the form takes it from the audited reveal.
      cardNo: revealed.data.disabilityCardNo ?? '',
    });
    setSensitiveConsent(p.consents.some((c) => c.purpose === 'sensitive-data' && !c.withdrawnAt));
  }, [existing.data, revealed.data]);

  const own = personFormProblems(f, lang, (key) => t(`formErrors.${key}`));
  const sensitiveGroups = new Set((targetGroups.data ?? []).filter((g) => g.sensitive).map((g) => g.code));

  const save = useMutation({
    mutationFn: async () => {
      let income: number | null = null;
      if (f.income.trim()) income = bahtToSatang(f.income);
      const body = {
        docType: f.docType as never,
        docNumber: f.docNumber,
        title: f.title as never,
        firstNameTh: f.firstNameTh,
        lastNameTh: f.lastNameTh,
        firstNameEn: f.firstNameEn || null,
        lastNameEn: f.lastNameEn || null,
        sex: f.sex as never,
        birthDate: f.birthDate ?? '',
        phone: f.phone || null,
        houseNo: f.houseNo || null,
        villageNo: f.villageNo === '' ? null : Number(f.villageNo),
        subdistrictCode: f.subdistrictCode ?? '',
        targetGroups: f.targetGroups,
        disability: f.disabilityType ? { type: f.disabilityType as never, cardNo: f.cardNo || null } : null,
        education: f.education as never,
        workStatus: f.workStatus as never,
        monthlyIncomeSatang: income,
        householdSize: f.householdSize === '' ? null : Number(f.householdSize),
      };
      if (editing) return unwrap(api.PUT('/api/people/{id}', { params: { path: { id: Number(id) } }, body: { ...body, version: existing.data!.version } }));
      const consents = [
        ...(sensitiveConsent ? [{ purpose: 'sensitive-data' as const, evidence: evidence || null }] : []),
        ...sharing.map((purpose) => ({ purpose, evidence: null })),
      ];
      if (self) {
        // The ID and name are not sent: the server takes them from her verified ThaiD token.
        const { docType: _t, docNumber: _n, firstNameTh: _f, lastNameTh: _l, ...mine } = body;
        const done = await unwrap(api.POST('/api/auth/self-registration', { body: { ...mine, consents } }));
        return { id: done.personId };
      }
      return unwrap(api.POST('/api/people', { body: { ...body, consents } }));
    },
    onSuccess: async (person) => {
      if (self) {
        await queryClient.invalidateQueries();
        navigate('/', { replace: true });
        return;
      }
      void refresh.person(person.id);
      navigate(`/registry/people/${person.id}`);
    },
  });
  const server = save.error instanceof ApiProblem ? save.error.fieldErrors(lang) : {};
  const shown = (key: string) => attempted || (key === 'docNumber' && idTouched && f.docNumber.trim() !== '');
  // The form's own hint first: the server's message never replaces a better one written for this form.
  const errors: Record<string, string | undefined> = { ...server };
  for (const [key, text] of Object.entries(own)) if (shown(key)) errors[key] = text;
  const labels: Record<string, string> = {
    docNumber: f.docType === 'th-id' ? t('docNumber') : t('otherNumber'),
    title: t('title'),
    firstNameTh: t('firstNameTh'),
    lastNameTh: t('lastNameTh'),
    firstNameEn: t('firstNameEn'),
    lastNameEn: t('lastNameEn'),
    sex: t('sex'),
    birthDate: t('birthDate'),
    houseNo: t('houseNo'),
    villageNo: t('villageNo'),
    phone: t('phone'),
    subdistrictCode: fieldWords('subdistrict'),
    targetGroups: t('targetGroups'),
    monthlyIncomeSatang: t('income'),
    householdSize: t('household'),
    disability: t('disabilityType'),
    'disability.type': t('disabilityType'),
  };
  const wrong = Object.keys(errors).filter((key) => errors[key]);
  // A server refusal naming fields this form does not show (or none) is shown whole, as before.
  const unplaced = save.error && !(save.error instanceof ApiProblem && save.error.errors.length > 0 && Object.keys(server).every((key) => key in labels));
  useEffect(() => {
    if (focusTick === 0 && !save.error) return;
    // After the messages render: the first box marked invalid, in the page's order, takes the focus.
    const frame = requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
    return () => cancelAnimationFrame(frame);
  }, [focusTick, save.error]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setIdTouched(true);
    setAttempted(true);
    if (Object.keys(own).length > 0) {
      setFocusTick((n) => n + 1);
      return;
    }
    save.mutate();
  };
  const options = (list: readonly Coded[]) => list.map((c) => ({ value: c.code, label: lang === 'th' ? c.th : c.en }));

  return (
    <>
      <PageHeader title={self ? t('selfTitle') : editing ? t('editTitle') : t('newTitle')} />
      <form onSubmit={submit} noValidate ref={formRef}>
        <Stack maw={820}>
          {self && (
            <Alert color="blue" variant="light">
              {t('selfIntro')}
            </Alert>
          )}
          {self && fixed.error && <ProblemAlert error={fixed.error} />}
          <Fieldset legend={t('identity')}>
            <Group grow align="start" wrap="wrap">
              <Select
                label={t('docType')}
                data={options(DOCUMENT_TYPES)}
                value={f.docType}
                onChange={(v) => set('docType', v ?? 'th-id')}
                allowDeselect={false}
                readOnly={self}
                miw={200}
              />
              <TextInput
                label={f.docType === 'th-id' ? t('docNumber') : t('otherNumber')}
                required
                inputMode={f.docType === 'th-id' ? 'numeric' : 'text'}
                autoComplete="off"
                miw={200}
                value={f.docNumber}
                onChange={(e) => set('docNumber', e.currentTarget.value)}
                onBlur={() => setIdTouched(true)}
                error={errors.docNumber}
                readOnly={self}
                description={self ? t('fixedFromThaid') : undefined}
              />
            </Group>
          </Fieldset>
          <Fieldset legend={t('name')}>
            <Stack gap="sm">
              <Group grow align="start" wrap="wrap">
                <Select
                  label={t('title')}
                  required
                  data={options(TITLES)}
                  value={f.title}
                  onChange={(v) => set('title', v)}
                  placeholder={t('choose')}
                  error={errors.title}
                  miw={140}
                />
                <TextInput
                  label={t('firstNameTh')}
                  required
                  value={f.firstNameTh}
                  onChange={(e) => set('firstNameTh', e.currentTarget.value)}
                  error={errors.firstNameTh}
                  readOnly={self}
                  miw={180}
                />
                <TextInput
                  label={t('lastNameTh')}
                  required
                  value={f.lastNameTh}
                  onChange={(e) => set('lastNameTh', e.currentTarget.value)}
                  error={errors.lastNameTh}
                  readOnly={self}
                  miw={180}
                />
              </Group>
              <Group grow align="start" wrap="wrap">
                <TextInput
                  label={t('firstNameEn')}
                  value={f.firstNameEn}
                  onChange={(e) => set('firstNameEn', e.currentTarget.value)}
                  error={errors.firstNameEn}
                  miw={180}
                  lang="en"
                />
                <TextInput
                  label={t('lastNameEn')}
                  value={f.lastNameEn}
                  onChange={(e) => set('lastNameEn', e.currentTarget.value)}
                  error={errors.lastNameEn}
                  miw={180}
                  lang="en"
                />
              </Group>
              <Group grow align="start" wrap="wrap">
                <Select
                  label={t('sex')}
                  required
                  data={options(SEXES)}
                  value={f.sex}
                  onChange={(v) => set('sex', v)}
                  placeholder={t('choose')}
                  error={errors.sex}
                  miw={140}
                />
                <ThaiDateInput label={t('birthDate')} required value={f.birthDate} onChange={(v) => set('birthDate', v)} error={errors.birthDate} />
              </Group>
            </Stack>
          </Fieldset>
          <Fieldset legend={t('contact')}>
            <Stack gap="sm">
              <Group grow align="start" wrap="wrap">
                <TextInput label={t('houseNo')} value={f.houseNo} onChange={(e) => set('houseNo', e.currentTarget.value)} error={errors.houseNo} miw={120} />
                <NumberInput
                  label={t('villageNo')}
                  value={f.villageNo}
                  onChange={(v) => set('villageNo', v)}
                  min={1}
                  max={999}
                  allowDecimal={false}
                  error={errors.villageNo}
                  miw={120}
                />
                <TextInput
                  label={t('phone')}
                  type="tel"
                  inputMode="tel"
                  value={f.phone}
                  onChange={(e) => set('phone', e.currentTarget.value)}
                  error={errors.phone}
                  miw={160}
                />
              </Group>
              <AddressPicker value={f.subdistrictCode} onChange={(v) => set('subdistrictCode', v)} error={errors.subdistrictCode} required />
            </Stack>
          </Fieldset>
          <Fieldset legend={t('circumstances')}>
            <Stack gap="sm">
              <MultiSelect
                label={t('targetGroups')}
                data={(targetGroups.data ?? []).filter((g) => sensitiveConsent || !g.sensitive).map((g) => ({ value: g.code, label: nameOf(g, lang) }))}
                value={f.targetGroups}
                onChange={(v) => set('targetGroups', v)}
                error={errors.targetGroups}
              />
              <Group grow align="start" wrap="wrap">
                <Select
                  label={t('education')}
                  data={options(EDUCATION_LEVELS)}
                  value={f.education}
                  onChange={(v) => set('education', v)}
                  clearable
                  placeholder={t('choose')}
                  miw={180}
                />
                <Select
                  label={t('workStatus')}
                  data={options(WORK_STATUSES)}
                  value={f.workStatus}
                  onChange={(v) => set('workStatus', v)}
                  clearable
                  placeholder={t('choose')}
                  miw={180}
                />
              </Group>
              <Group grow align="start" wrap="wrap">
                <TextInput
                  label={t('income')}
                  inputMode="decimal"
                  value={f.income}
                  onChange={(e) => set('income', e.currentTarget.value)}
                  error={errors.monthlyIncomeSatang}
                  miw={160}
                />
                <NumberInput
                  label={t('household')}
                  value={f.householdSize}
                  onChange={(v) => set('householdSize', v)}
                  min={1}
                  max={99}
                  allowDecimal={false}
                  miw={160}
                />
              </Group>
            </Stack>
          </Fieldset>
          <Fieldset legend={t('sensitive')}>
            <Stack gap="sm">
              {editing ? (
                <Text size="sm">{t('sensitiveLocked')}</Text>
              ) : (
                <>
                  <Checkbox
                    label={t('sensitiveConsent')}
                    checked={sensitiveConsent}
                    onChange={(e) => {
                      setSensitiveConsent(e.currentTarget.checked);
                      if (!e.currentTarget.checked) {
                        set('disabilityType', null);
                        set('cardNo', '');
                        set(
                          'targetGroups',
                          f.targetGroups.filter((g) => !sensitiveGroups.has(g)),
                        );
                      }
                    }}
                  />
                  {sensitiveConsent && (
                    <TextInput label={t('evidence')} description={t('evidenceHint')} value={evidence} onChange={(e) => setEvidence(e.currentTarget.value)} />
                  )}
                </>
              )}
              {sensitiveConsent ? (
                <Group grow align="start" wrap="wrap">
                  <Select
                    label={t('disabilityType')}
                    data={options(DISABILITY_TYPES)}
                    value={f.disabilityType}
                    onChange={(v) => set('disabilityType', v)}
                    clearable
                    placeholder={t('choose')}
                    error={errors.disability ?? errors['disability.type']}
                    miw={200}
                  />
                  <TextInput
                    label={t('cardNo')}
                    value={f.cardNo}
                    onChange={(e) => set('cardNo', e.currentTarget.value)}
                    disabled={!f.disabilityType}
                    miw={180}
                  />
                </Group>
              ) : (
                <Text size="sm" c="dimmed">
                  {t('consentNeeded')}
                </Text>
              )}
            </Stack>
          </Fieldset>
          {!editing && (
            <Checkbox.Group label={t('sharing')} value={sharing} onChange={(v) => setSharing(v as Sharing[])}>
              <Stack gap={6} mt={6}>
                <Checkbox value="share-lazada" label={t('shareLazada')} />
                <Checkbox value="share-gsb" label={t('shareGsb')} />
                <Checkbox value="share-partners" label={t('sharePartners')} />
                <Checkbox value="contact" label={t('contactConsent')} />
              </Stack>
            </Checkbox.Group>
          )}
          {wrong.length > 0 && (
            <Alert color="red" role="alert" variant="light">
              {t('formErrors.banner', { count: wrong.length, fields: wrong.map((key) => labels[key] ?? key).join(', ') })}
            </Alert>
          )}
          {unplaced && save.error && !(save.error instanceof ApiProblem) && (
            <Alert color="red" role="alert">
              {String(save.error instanceof Error ? save.error.message : save.error)}
            </Alert>
          )}
          {unplaced && save.error instanceof ApiProblem && <ProblemAlert error={save.error} />}
          <Button type="submit" loading={save.isPending} w="fit-content">
            {t('save')}
          </Button>
        </Stack>
      </form>
    </>
  );
}
