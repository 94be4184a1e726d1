import { Anchor, Badge, Button, Group, Modal, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Timeline, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { Fact } from '../../components/Fact';
import { useGroup, useGroupTimeline, useRegistryRefresh } from './queries';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ScrollTable } from '../../components/ScrollTable';
import { bangkokDate } from '../../../shared/fiscal-year';
import { GROUP_TYPES, labelOf, MEMBER_ROLES, OCCUPATION_CATEGORIES, type Coded } from '../../../shared/person-fields';
import { formatThaiDate, formatThaiDateTime } from '../../../shared/thai-date';
import { PersonPicker, ThaiDateInput } from './fields';
import { useLanguage } from '../../i18n/language';

export function GroupPage() {
  const { t } = useTranslation('registry', { keyPrefix: 'group' });
  const lang = useLanguage();
  const id = Number(useParams().id);
  const group = useGroup(id);
  const timeline = useGroupTimeline(id);
  const registry = useRegistryRefresh();
  const refresh = () => {
    void registry.group(id);
  };
  const [person, setPerson] = useState<string | null>(null);
  const [role, setRole] = useState<string | null>('member');
  const [joinedOn, setJoinedOn] = useState<string | null>(bangkokDate(new Date()));
  const add = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/groups/{id}/members', {
          params: { path: { id } },
          body: { personId: Number(person), role: (role ?? 'member') as never, joinedOn: joinedOn ?? '' },
        }),
      ),
    onSuccess: () => {
      setPerson(null);
      refresh();
    },
  });
  const [ending, setEnding] = useState<number | null>(null);
  const [leftOn, setLeftOn] = useState<string | null>(bangkokDate(new Date()));
  const [newRole, setNewRole] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const end = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/groups/{id}/members/{membershipId}/end', {
          params: { path: { id, membershipId: ending! } },
          body: { leftOn: leftOn ?? '', newRole: (newRole ?? null) as never, reason: reason || null },
        }),
      ),
    onSuccess: () => {
      setEnding(null);
      setNewRole(null);
      setReason('');
      refresh();
    },
  });
  if (group.error) return <ProblemAlert error={group.error} />;
  const g = group.data;
  if (!g) return null;
  const options = (list: readonly Coded[]) => list.map((c) => ({ value: c.code, label: lang === 'th' ? c.th : c.en }));
  return (
    <>
      <PageHeader title={g.name} intro={labelOf(GROUP_TYPES, g.type, lang)}>
        <Group gap="md" wrap="wrap">
          <Anchor component={Link} to={`/enterprise/groups/${id}`}>
            {t('enterprise')}
          </Anchor>
          <Anchor component={Link} to={`/funding/groups/${id}`}>
            {t('loans')}
          </Anchor>
        </Group>
      </PageHeader>
      <Stack>
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">
            {t('details')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
            <Fact label={t('registrationNo')}>{g.registrationNo}</Fact>
            <Fact label={t('occupation')}>{labelOf(OCCUPATION_CATEGORIES, g.occupation, lang)}</Fact>
            <Fact label={t('place')}>
              {lang === 'th'
                ? `ต.${g.subdistrictNameTh} อ.${g.districtNameTh} จ.${g.provinceNameTh}`
                : `${g.subdistrictNameEn}, ${g.districtNameEn}, ${g.provinceNameEn}`}
            </Fact>
            <Fact label={t('founded')}>{g.foundedOn ? formatThaiDate(g.foundedOn, { style: 'long', locale: lang }) : null}</Fact>
            <Fact label={t('contact')}>{[g.contactName, g.contactPhone].filter(Boolean).join(' · ')}</Fact>
          </SimpleGrid>
        </Paper>
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">
            {t('members')} ({g.memberCount})
          </Title>
          {g.members.length === 0 ? (
            <Text>{t('none')}</Text>
          ) : (
            <ScrollTable label={t('members')} minWidth={560}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('name')}</Table.Th>
                  <Table.Th>{t('role')}</Table.Th>
                  <Table.Th>{t('since')}</Table.Th>
                  <Table.Th>{t('until')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {g.members.map((m) => (
                  <Table.Tr key={m.id} style={m.leftOn ? { opacity: 0.8 } : undefined}>
                    <Table.Td>
                      <Anchor component={Link} to={`/registry/people/${m.personId}`}>
                        {m.firstNameTh} {m.lastNameTh}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Badge variant={m.role === 'leader' ? 'filled' : 'outline'} color="indigo.9" c={m.role === 'leader' ? undefined : 'indigo.9'} tt="none">
                        {labelOf(MEMBER_ROLES, m.role, lang)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{formatThaiDate(m.joinedOn, { locale: lang })}</Table.Td>
                    <Table.Td>{m.leftOn ? `${formatThaiDate(m.leftOn, { locale: lang })} (${t('past')})` : t('current')}</Table.Td>
                    <Table.Td>
                      {!m.leftOn && g.canEdit && (
                        <Button size="compact-sm" variant="default" onClick={() => setEnding(m.id)}>
                          {t('end')}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </ScrollTable>
          )}
          {g.canEdit && (
            <Group align="end" mt="md" wrap="wrap">
              <PersonPicker label={t('person')} value={person} onChange={setPerson} />
              <Select label={t('role')} data={options(MEMBER_ROLES)} value={role} onChange={setRole} allowDeselect={false} miw={160} />
              <ThaiDateInput label={t('joined')} value={joinedOn} onChange={setJoinedOn} />
              <Button onClick={() => add.mutate()} disabled={!person || !joinedOn} loading={add.isPending}>
                {t('add')}
              </Button>
            </Group>
          )}
          <ProblemAlert error={add.error} />
        </Paper>
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">
            {t('timeline')}
          </Title>
          <Timeline bulletSize={14} lineWidth={2}>
            {(timeline.data ?? []).map((e) => (
              <Timeline.Item key={e.id} title={lang === 'th' ? e.summaryTh : e.summaryEn}>
                <Text size="sm" c="dimmed">
                  {formatThaiDateTime(new Date(e.occurredAt), lang)}
                  {e.actorName ? ` · ${e.actorName}` : ''}
                </Text>
              </Timeline.Item>
            ))}
          </Timeline>
        </Paper>
      </Stack>
      <Modal opened={ending !== null} onClose={() => setEnding(null)} title={t('endTitle')}>
        <Stack>
          <ThaiDateInput label={t('leftOn')} value={leftOn} onChange={setLeftOn} required />
          <Select label={t('newRole')} data={options(MEMBER_ROLES)} value={newRole} onChange={setNewRole} clearable placeholder={t('choose')} />
          <TextInput label={t('reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
          <ProblemAlert error={end.error} />
          <Group>
            <Button onClick={() => end.mutate()} disabled={!leftOn} loading={end.isPending}>
              {t('save')}
            </Button>
            <Button variant="default" onClick={() => setEnding(null)}>
              {t('cancel')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
