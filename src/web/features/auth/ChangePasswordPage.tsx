import { Alert, Button, Paper, PasswordInput, Stack } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { api, ApiProblem, unwrap } from '../../api/client';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { meKey, useMe } from '../../session';

export function ChangePasswordPage() {
  const { t, i18n } = useTranslation();
  const { data: me } = useMe();
  const client = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [mismatch, setMismatch] = useState(false);

  const change = useMutation({
    mutationFn: () => unwrap(api.POST('/api/auth/password', { body: { currentPassword: current, newPassword: next } })),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: meKey });
      navigate((location.state as { from?: string } | null)?.from ?? '/', { replace: true });
    },
  });
  const fieldErrors = change.error instanceof ApiProblem ? change.error.fieldErrors(i18n.language) : {};

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMismatch(next !== confirm);
    if (next === confirm) change.mutate();
  };

  return (
    <Paper maw={480} p={0}>
      <PageHeader title={t('auth.changePasswordTitle')} />
      {me?.mustChangePassword && (
        <Alert color="indigo" mb="md">
          {t('auth.mustChange')}
        </Alert>
      )}
      <form onSubmit={submit} noValidate>
        <Stack>
          <PasswordInput
            label={t('auth.currentPassword')}
            autoComplete="current-password"
            required
            value={current}
            onChange={(e) => setCurrent(e.currentTarget.value)}
            error={fieldErrors.currentPassword}
            size="md"
          />
          <PasswordInput
            label={t('auth.newPassword')}
            description={t('auth.passwordHint')}
            autoComplete="new-password"
            required
            value={next}
            onChange={(e) => setNext(e.currentTarget.value)}
            error={fieldErrors.newPassword}
            size="md"
          />
          <PasswordInput
            label={t('auth.confirmPassword')}
            autoComplete="new-password"
            required
            value={confirm}
            onChange={(e) => setConfirm(e.currentTarget.value)}
            error={mismatch ? t('auth.mismatch') : undefined}
            size="md"
          />
          {change.error && Object.keys(fieldErrors).length === 0 && <ProblemAlert error={change.error} />}
          <Button type="submit" size="md" loading={change.isPending} disabled={!current || !next || !confirm}>
            {t('auth.savePassword')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
