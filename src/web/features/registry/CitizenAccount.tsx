import { Badge, Button, Group, Paper, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiProblem, unwrap } from '../../api/client';
import { ProblemAlert } from '../../components/ProblemAlert';
import { OneTimePassword } from '../users/OneTimePassword';
import { useLanguage } from '../../i18n/language';

/** The citizen account of a person: its state, or (for officers) a way to open one. */
export function CitizenAccount({
  personId,
  account,
  canOpen,
  onOpened,
}: {
  personId: number;
  account: { username: string; status: string; mustChangePassword: boolean } | null;
  canOpen: boolean;
  onOpened: () => void;
}) {
  const { t } = useTranslation('registry', { keyPrefix: 'citizenAccount' });
  const lang = useLanguage();
  const [username, setUsername] = useState('');
  const open = useMutation({
    mutationFn: () => unwrap(api.POST('/api/people/{id}/citizen-account', { params: { path: { id: personId } }, body: { username } })),
    onSuccess: onOpened,
  });
  if (!account && !canOpen && !open.data) return null;
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb={4}>
        {t('title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('intro')}
      </Text>
      {open.data ? (
        <OneTimePassword username={open.data.username} password={open.data.oneTimePassword} />
      ) : account ? (
        <Group gap="xs">
          <Text fw={600}>{account.username}</Text>
          <Badge color={account.status === 'active' ? 'teal' : 'gray'} variant="light" c="dark">
            {account.status === 'active' ? t('active') : t('disabled')}
          </Badge>
          {account.mustChangePassword && (
            <Badge color="yellow" variant="light" c="dark">
              {t('pending')}
            </Badge>
          )}
        </Group>
      ) : (
        <Group align="end" wrap="wrap">
          <TextInput
            label={t('username')}
            description={t('usernameHint')}
            value={username}
            onChange={(e) => setUsername(e.currentTarget.value.trim().toLowerCase())}
            error={open.error instanceof ApiProblem ? open.error.fieldErrors(lang).username : undefined}
            autoComplete="off"
          />
          <Button onClick={() => open.mutate()} disabled={username.length < 3} loading={open.isPending}>
            {t('open')}
          </Button>
        </Group>
      )}
      <ProblemAlert error={open.error} />
    </Paper>
  );
}
