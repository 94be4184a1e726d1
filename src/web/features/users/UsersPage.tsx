import { Anchor, Badge, Button, Group, Pagination, Select, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatThaiDateTime } from '../../../shared/thai-date';
import { useUsers } from './queries';
import { PageHeader } from '../../components/PageHeader';
import { ScrollTable } from '../../components/ScrollTable';
import { ProblemAlert } from '../../components/ProblemAlert';
import { nameOf } from '../../reference';
import { hasRole, useMe, type Role } from '../../session';
import { CreateUserModal } from './CreateUserModal';
import { ROLES } from './RolesEditor';

const PAGE = 25;

export function UsersPage() {
  const { t, i18n } = useTranslation(['users', 'common']);
  const lang = i18n.language === 'en' ? 'en' : 'th';
  const { data: me } = useMe();
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim(), 250);
  const [role, setRole] = useState<Role | null>(null);
  const [status, setStatus] = useState<'active' | 'disabled' | null>(null);
  const [page, setPage] = useState(1);
  const [creating, { open, close }] = useDisclosure(false);
  const users = useUsers({ q: q || undefined, role: role ?? undefined, status: status ?? undefined, limit: PAGE, offset: (page - 1) * PAGE });

  return (
    <>
      <PageHeader title={t('title')} />
      <Group mb="sm" align="end" wrap="wrap">
        <TextInput
          label={t('common:common.search')}
          value={text}
          onChange={(e) => {
            setText(e.currentTarget.value);
            setPage(1);
          }}
          type="search"
        />
        <Select
          label={t('role')}
          data={ROLES.map((r) => ({ value: r, label: t(`common:roles.${r}`) }))}
          value={role}
          onChange={(v) => {
            setRole(v as Role | null);
            setPage(1);
          }}
          clearable
          placeholder={t('common:common.all')}
        />
        <Select
          label={t('status')}
          data={[
            { value: 'active', label: t('active') },
            { value: 'disabled', label: t('disabled') },
          ]}
          value={status}
          onChange={(v) => {
            setStatus(v as 'active' | 'disabled' | null);
            setPage(1);
          }}
          clearable
          placeholder={t('common:common.all')}
        />
        {hasRole(me, 'system_admin') && <Button onClick={open}>{t('create')}</Button>}
      </Group>
      <ProblemAlert error={users.error} />
      {users.data && (
        <>
          <Text size="sm" mb="xs">
            {t('common:common.total', { count: users.data.total })}
          </Text>
          <ScrollTable label={t('title')} minWidth={760} striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('common:auth.username')}</Table.Th>
                <Table.Th>{t('displayName')}</Table.Th>
                <Table.Th>{t('roles')}</Table.Th>
                <Table.Th>{t('status')}</Table.Th>
                <Table.Th>{t('lastSignIn')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {users.data.items.map((u) => (
                <Table.Tr key={u.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/users/${u.id}`}>
                      {u.username}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{u.displayName}</Table.Td>
                  <Table.Td>
                    {u.roles.map((r) => (
                      <Text key={`${r.role}-${r.unitCode}`} size="sm">
                        {t(`common:roles.${r.role}`)}
                        {r.unitCode ? ` · ${nameOf({ nameTh: r.unitNameTh ?? '', nameEn: r.unitNameEn ?? '' }, lang)}` : ''}
                      </Text>
                    ))}
                  </Table.Td>
                  <Table.Td>
                    <Badge color={u.status === 'active' ? '#1e6b30' : 'gray.8'} variant="filled" size="md">
                      {t(`${u.status}`)}
                    </Badge>
                    {u.lockedUntil && (
                      <Text size="xs" c="red.9">
                        {t('locked')} {formatThaiDateTime(new Date(u.lockedUntil), lang)}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{u.lastSignInAt ? formatThaiDateTime(new Date(u.lastSignInAt), lang) : '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ScrollTable>
          {users.data.total > PAGE && <Pagination mt="sm" total={Math.ceil(users.data.total / PAGE)} value={page} onChange={setPage} />}
        </>
      )}
      <CreateUserModal opened={creating} onClose={close} />
    </>
  );
}
