import { Alert, Anchor, Badge, Button, Group, Modal, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatThaiDateTime } from '../../../shared/thai-date';
import { api, ApiProblem, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { useUser, useUsersRefresh } from './queries';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { nameOf } from '../../reference';
import { hasRole, useMe, type Role } from '../../session';
import { OneTimePassword } from './OneTimePassword';
import { RolesEditor, type RoleRow } from './RolesEditor';

export function UserPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation(['users', 'common', 'org']);
  const lang = i18n.language === 'en' ? 'en' : 'th';
  const { data: me } = useMe();
  const user = useUser(id);
  const refresh = useUsersRefresh();
  const [roles, setRoles] = useState<RoleRow[]>([]);
  useEffect(() => {
    if (user.data)
      setRoles(
        user.data.roles.map((r) => ({
          role: r.role,
          unitCode: r.unitCode,
          unitLabel: r.unitCode ? nameOf({ nameTh: r.unitNameTh ?? '', nameEn: r.unitNameEn ?? '' }, lang) : undefined,
        })),
      );
  }, [user.data, lang]);

  const onSaved = (updated: components['schemas']['User']) => {
    void refresh.saved(updated);
  };
  const update = useMutation({
    mutationFn: (body: { status?: 'active' | 'disabled'; roles?: { role: Role; unitCode: string | null }[] }) =>
      unwrap(api.PATCH('/api/users/{id}', { params: { path: { id } }, body })),
    onSuccess: onSaved,
  });
  const reset = useMutation({ mutationFn: () => unwrap(api.POST('/api/users/{id}/reset-password', { params: { path: { id } } })) });
  const [resetting, setResetting] = useState(false);
  const [reason, setReason] = useState('');
  const resetFactor = useMutation({
    mutationFn: () => unwrap(api.POST('/api/users/{id}/second-factor/reset', { params: { path: { id } }, body: { reason } })),
    onSuccess: () => {
      setResetting(false);
      setReason('');
      return user.refetch();
    },
  });
  const reasonErrors = resetFactor.error instanceof ApiProblem ? resetFactor.error.fieldErrors(i18n.language) : {};
  const errors = update.error instanceof ApiProblem ? update.error.fieldErrors(i18n.language) : {};
  const canManage = hasRole(me, 'system_admin');
  const canResetFactor = Boolean(me?.capabilities.includes('users.second-factor-reset')) && me?.id !== id;

  if (user.error) return <ProblemAlert error={user.error} />;
  if (!user.data) return <Text>{t('common:common.loading')}</Text>;
  const u = user.data;
  return (
    <Stack maw={860}>
      <PageHeader title={u.displayName} intro={u.username}>
        <Group gap="xs">
          <Badge color={u.status === 'active' ? '#1e6b30' : 'gray.8'} variant="filled" size="md">
            {t(`${u.status}`)}
          </Badge>
          {u.lockedUntil && (
            <Badge color="red" variant="light">
              {t('locked')} {formatThaiDateTime(new Date(u.lockedUntil), lang)}
            </Badge>
          )}
        </Group>
      </PageHeader>
      <Text>
        {t('lastSignIn')}: {u.lastSignInAt ? formatThaiDateTime(new Date(u.lastSignInAt), lang) : '—'}
      </Text>
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="xs">
          {t('roles')}
        </Title>
        {canManage ? (
          <Stack>
            <RolesEditor value={roles} onChange={setRoles} errors={errors} />
            <Button
              w="fit-content"
              loading={update.isPending}
              onClick={() => update.mutate({ roles: roles.filter((r) => r.role).map((r) => ({ role: r.role as Role, unitCode: r.unitCode })) })}
            >
              {t('saveRoles')}
            </Button>
          </Stack>
        ) : (
          u.roles.map((r) => (
            <Text key={`${r.role}-${r.unitCode}`}>
              {t(`common:roles.${r.role}`)}
              {r.unitCode ? ` · ${r.unitCode}` : ''}
            </Text>
          ))
        )}
      </Paper>
      {update.error && Object.keys(errors).length === 0 && <ProblemAlert error={update.error} />}
      {update.isSuccess && (
        <Alert color="green" role="status">
          {t('org:saved')}
        </Alert>
      )}
      {canManage && (
        <Group>
          <Button
            variant="light"
            color={u.status === 'active' ? 'red' : 'green'}
            onClick={() => update.mutate({ status: u.status === 'active' ? 'disabled' : 'active' })}
          >
            {u.status === 'active' ? t('disable') : t('enable')}
          </Button>
          <Button variant="light" onClick={() => reset.mutate()} loading={reset.isPending}>
            {t('resetPassword')}
          </Button>
        </Group>
      )}
      <ProblemAlert error={reset.error} />
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="xs">
          {t('secondFactor')}
        </Title>
        <Group gap="sm">
          <Badge color={u.secondFactorEnrolled ? '#1e6b30' : 'gray.8'} variant="filled" size="md">
            {u.secondFactorEnrolled ? t('secondFactorOn') : t('secondFactorOff')}
          </Badge>
          {canResetFactor && u.secondFactorEnrolled && (
            <Button variant="light" color="red" onClick={() => setResetting(true)}>
              {t('resetSecondFactor')}
            </Button>
          )}
        </Group>
        {resetFactor.isSuccess && (
          <Alert color="green" role="status" mt="sm">
            {t('secondFactorReset')}
          </Alert>
        )}
      </Paper>
      <Modal opened={resetting} onClose={() => setResetting(false)} title={t('resetSecondFactor')}>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            resetFactor.mutate();
          }}
        >
          <Stack>
            <Text size="sm">{t('resetSecondFactorIntro')}</Text>
            <Textarea
              label={t('resetReason')}
              description={t('resetReasonHint')}
              value={reason}
              onChange={(event) => setReason(event.currentTarget.value)}
              error={reasonErrors.reason}
              required
              autosize
              minRows={2}
            />
            {resetFactor.error && Object.keys(reasonErrors).length === 0 && <ProblemAlert error={resetFactor.error} />}
            <Group justify="flex-end">
              <Button type="submit" color="red" loading={resetFactor.isPending}>
                {t('confirmReset')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
      <Modal opened={Boolean(reset.data)} onClose={() => reset.reset()} title={t('resetPassword')}>
        {reset.data && <OneTimePassword username={u.username} password={reset.data.oneTimePassword} />}
      </Modal>
      <Anchor component={Link} to="/users">
        {t('title')}
      </Anchor>
    </Stack>
  );
}
