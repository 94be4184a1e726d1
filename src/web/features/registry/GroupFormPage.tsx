import { Button, Fieldset, Group, Select, Stack, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, ApiProblem, unwrap } from '../../api/client';
import { useRegistryRefresh } from './queries';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { GROUP_TYPES, OCCUPATION_CATEGORIES, type Coded } from '../../../shared/person-fields';
import { bangkokDate } from '../../../shared/fiscal-year';
import { AddressPicker, PersonPicker, ThaiDateInput } from './fields';
import { useLanguage } from '../../i18n/language';

export function GroupFormPage() {
  const { t } = useTranslation('registry', { keyPrefix: 'groupForm' });
  const lang = useLanguage();
  const navigate = useNavigate();
  const refresh = useRegistryRefresh();
  const [name, setName] = useState('');
  const [type, setType] = useState<string | null>(null);
  const [registrationNo, setRegistrationNo] = useState('');
  const [occupation, setOccupation] = useState<string | null>(null);
  const [foundedOn, setFoundedOn] = useState<string | null>(null);
  const [subdistrictCode, setSubdistrictCode] = useState<string | null>(null);
  const [contactName, setContactName] = useState('');
  const [contactPhone, setContactPhone] = useState('');
  const [leader, setLeader] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/groups', {
          body: {
            name,
            type: type as never,
            registrationNo: type === 'community-enterprise' ? registrationNo || null : null,
            occupation: occupation as never,
            subdistrictCode: subdistrictCode ?? '',
            foundedOn,
            contactName: contactName || null,
            contactPhone: contactPhone || null,
            members: leader ? [{ personId: Number(leader), role: 'leader', joinedOn: foundedOn ?? bangkokDate(new Date()) }] : [],
          },
        }),
      ),
    onSuccess: (group) => {
      void refresh.groups();
      navigate(`/registry/groups/${group.id}`);
    },
  });
  const errors = save.error instanceof ApiProblem ? save.error.fieldErrors(lang) : {};
  const options = (list: readonly Coded[]) => list.map((c) => ({ value: c.code, label: lang === 'th' ? c.th : c.en }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <>
      <PageHeader title={t('title')} />
      <form onSubmit={submit} noValidate>
        <Stack maw={820}>
          <Fieldset legend={t('group')}>
            <Stack gap="sm">
              <TextInput label={t('name')} required value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} />
              <Group grow align="start" wrap="wrap">
                <Select
                  label={t('type')}
                  required
                  data={options(GROUP_TYPES)}
                  value={type}
                  onChange={setType}
                  placeholder={t('choose')}
                  error={errors.type}
                  miw={200}
                />
                {type === 'community-enterprise' && (
                  <TextInput
                    label={t('registrationNo')}
                    value={registrationNo}
                    onChange={(e) => setRegistrationNo(e.currentTarget.value)}
                    error={errors.registrationNo}
                    miw={200}
                  />
                )}
              </Group>
              <Group grow align="start" wrap="wrap">
                <Select
                  label={t('occupation')}
                  required
                  data={options(OCCUPATION_CATEGORIES)}
                  value={occupation}
                  onChange={setOccupation}
                  placeholder={t('choose')}
                  error={errors.occupation}
                  miw={200}
                />
                <ThaiDateInput label={t('founded')} value={foundedOn} onChange={setFoundedOn} error={errors.foundedOn} />
              </Group>
            </Stack>
          </Fieldset>
          <Fieldset legend={t('place')}>
            <Stack gap="sm">
              <AddressPicker value={subdistrictCode} onChange={setSubdistrictCode} error={errors.subdistrictCode} required />
              <Group grow align="start" wrap="wrap">
                <TextInput label={t('contactName')} value={contactName} onChange={(e) => setContactName(e.currentTarget.value)} miw={200} />
                <TextInput label={t('contactPhone')} type="tel" value={contactPhone} onChange={(e) => setContactPhone(e.currentTarget.value)} miw={200} />
              </Group>
            </Stack>
          </Fieldset>
          <PersonPicker label={t('leader')} value={leader} onChange={setLeader} error={errors['members[0].personId']} />
          {save.error && <ProblemAlert error={save.error} />}
          <Button type="submit" loading={save.isPending} w="fit-content">
            {t('save')}
          </Button>
        </Stack>
      </form>
    </>
  );
}
