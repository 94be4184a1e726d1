import { Button, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiProblem, unwrap } from '../../api/client';
import { ProblemAlert } from '../../components/ProblemAlert';
import type { Role } from '../../session';
import { OneTimePassword } from './OneTimePassword';
import { useUsersRefresh } from './queries';
import { RolesEditor, type RoleRow } from './RolesEditor';

export function CreateUserModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation(['users', 'common']);
  const refresh = useUsersRefresh();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [locale, setLocale] = useState<'th' | 'en'>('th');
  const [roles, setRoles] = useState<RoleRow[]>([{ role: null, unitCode: null }]);

  const create = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/users', {
          body: {
            username,
            displayName,
            email: email || null,
            locale,
            roles: roles.filter((r) => r.role).map((r) => ({ role: r.role as Role, unitCode: r.unitCode })),
          },
        }),
      ),
    onSuccess: () => void refresh.created(),
  });
  const errors = create.error instanceof ApiProblem ? create.error.fieldErrors(i18n.language) : {};

  const close = () => {
    create.reset();
    setUsername('');
    setDisplayName('');
    setEmail('');
    setRoles([{ role: null, unitCode: null }]);
    onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={create.data ? t('oneTimeTitle') : t('createTitle')}
      size="lg"
      fullScreen={typeof window !== 'undefined' && window.innerWidth < 600}
    >
      {create.data ? (
        <Stack>
          <OneTimePassword username={create.data.user.username} password={create.data.oneTimePassword} />
          <Button onClick={close} w="fit-content">
            {t('common:common.close')}
          </Button>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <TextInput
              label={t('common:auth.username')}
              required
              value={username}
              onChange={(e) => setUsername(e.currentTarget.value)}
              error={errors.username}
              autoComplete="off"
            />
            <TextInput
              label={t('displayName')}
              required
              value={displayName}
              onChange={(e) => setDisplayName(e.currentTarget.value)}
              error={errors.displayName}
            />
            <TextInput label={t('email')} type="email" value={email} onChange={(e) => setEmail(e.currentTarget.value)} error={errors.email} />
            <Select
              label={t('locale')}
              data={[
                { value: 'th', label: 'ไทย' },
                { value: 'en', label: 'English' },
              ]}
              value={locale}
              onChange={(v) => setLocale((v as 'th' | 'en') ?? 'th')}
              allowDeselect={false}
            />
            <RolesEditor value={roles} onChange={setRoles} errors={errors} />
            {create.error && <ProblemAlert error={create.error} />}
            <Button type="submit" loading={create.isPending} w="fit-content">
              {t('submit')}
            </Button>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
