import { Alert, Anchor, Badge, Button, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, ApiProblem, unwrap } from '../../api/client';
import { useUnit, useUnitSaved } from './queries';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { nameOf, useProvinces } from '../../reference';
import { hasRole, useMe } from '../../session';

export function UnitPage() {
  const { code = '' } = useParams();
  const { t, i18n } = useTranslation(['org', 'common']);
  const lang = i18n.language;
  const { data: me } = useMe();
  const provinces = useProvinces();
  const unit = useUnit(code);
  const saved = useUnitSaved();
  const [phone, setPhone] = useState('');
  const [email, setEmail] = useState('');
  const [address, setAddress] = useState('');
  useEffect(() => {
    if (unit.data) {
      setPhone(unit.data.phone ?? '');
      setEmail(unit.data.email ?? '');
      setAddress(unit.data.address ?? '');
    }
  }, [unit.data]);

  const save = useMutation({
    mutationFn: () =>
      unwrap(api.PATCH('/api/units/{code}', { params: { path: { code } }, body: { phone: phone || null, email: email || null, address: address || null } })),
    onSuccess: (updated) => {
      saved(updated);
    },
  });
  const fieldErrors = save.error instanceof ApiProblem ? save.error.fieldErrors(lang) : {};
  const canEdit = hasRole(me, 'system_admin', 'officer');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };

  if (unit.error) {
    return (
      <>
        <PageHeader title={code} />
        <ProblemAlert error={unit.error} />
        <Anchor component={Link} to="/org">
          {t('back')}
        </Anchor>
      </>
    );
  }
  if (!unit.data) return <Text>{t('common:common.loading')}</Text>;
  const u = unit.data;
  return (
    <Stack maw={720}>
      <PageHeader title={nameOf(u, lang)} intro={`${u.code} · ${t(`kinds.${u.kind}`, { defaultValue: u.kind })}`}>
        {u.assumed && (
          <Badge color="yellow" c="dark" variant="filled" w="fit-content" tt="none">
            {t('assumed')}
          </Badge>
        )}
      </PageHeader>
      {u.note && (
        <Alert color="yellow" variant="light">
          {u.note}
        </Alert>
      )}
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="xs">
          {t('area')}
        </Title>
        <Text>
          {u.areaProvinceCodes
            .map(
              (c) =>
                nameOf(
                  provinces.data?.find((p) => p.code === c),
                  lang,
                ) || c,
            )
            .join(', ')}
        </Text>
      </Paper>
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="xs">
          {canEdit ? t('edit') : t('contact')}
        </Title>
        <form onSubmit={submit} noValidate>
          <Stack>
            <TextInput
              label={t('phone')}
              value={phone}
              onChange={(e) => setPhone(e.currentTarget.value)}
              readOnly={!canEdit}
              error={fieldErrors.phone}
              type="tel"
            />
            <TextInput
              label={t('email')}
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              readOnly={!canEdit}
              error={fieldErrors.email}
              type="email"
            />
            <Textarea
              label={t('address')}
              value={address}
              onChange={(e) => setAddress(e.currentTarget.value)}
              readOnly={!canEdit}
              error={fieldErrors.address}
              autosize
              minRows={2}
            />
            {save.error && Object.keys(fieldErrors).length === 0 && <ProblemAlert error={save.error} />}
            {save.isSuccess && (
              <Alert color="green" role="status">
                {t('saved')}
              </Alert>
            )}
            {canEdit && (
              <Button type="submit" loading={save.isPending} w="fit-content">
                {t('common:common.save')}
              </Button>
            )}
          </Stack>
        </form>
      </Paper>
      <Anchor component={Link} to="/org">
        {t('back')}
      </Anchor>
    </Stack>
  );
}
