import { Anchor, Badge, Button, Group, Modal, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Timeline, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ScrollTable } from '../../components/ScrollTable';
import { bangkokDate } from '../../../shared/fiscal-year';
import { GROUP_TYPES, labelOf, MEMBER_ROLES, OCCUPATION_CATEGORIES, type Coded } from '../../../shared/person-fields';
import { formatThaiDate, formatThaiDateTime } from '../../../shared/thai-date';
import { PersonPicker, ThaiDateInput } from './fields';
import { useLanguage, useText } from './text';

const TEXT = {
  th: {
    details: 'ข้อมูลกลุ่ม',
    type: 'ประเภท',
    registrationNo: 'เลขทะเบียน',
    occupation: 'อาชีพ',
    place: 'ที่ตั้ง',
    founded: 'ก่อตั้ง',
    contact: 'ติดต่อ',
    members: 'สมาชิก',
    current: 'ปัจจุบัน',
    past: 'อดีตสมาชิก',
    name: 'ชื่อ',
    role: 'บทบาท',
    since: 'ตั้งแต่',
    until: 'ถึง',
    add: 'เพิ่มสมาชิก',
    person: 'บุคคล',
    joined: 'วันที่เข้าร่วม',
    end: 'สิ้นสุด/เปลี่ยนบทบาท',
    endTitle: 'สิ้นสุดสมาชิกภาพหรือเปลี่ยนบทบาท',
    leftOn: 'วันที่มีผล',
    newRole: 'บทบาทใหม่ (ว่างไว้ = ออกจากกลุ่ม)',
    reason: 'เหตุผล',
    save: 'บันทึก',
    cancel: 'ยกเลิก',
    timeline: 'ประวัติกลุ่ม',
    choose: 'เลือก',
    none: 'ยังไม่มีสมาชิก',
  },
  en: {
    details: 'Group details',
    type: 'Type',
    registrationNo: 'Registration number',
    occupation: 'Occupation',
    place: 'Where',
    founded: 'Founded',
    contact: 'Contact',
    members: 'Members',
    current: 'current',
    past: 'past member',
    name: 'Name',
    role: 'Role',
    since: 'From',
    until: 'Until',
    add: 'Add a member',
    person: 'Person',
    joined: 'Joined on',
    end: 'End or change role',
    endTitle: 'End the membership or change the role',
    leftOn: 'Effective date',
    newRole: 'New role (empty = leaves the group)',
    reason: 'Reason',
    save: 'Save',
    cancel: 'Cancel',
    timeline: 'Group timeline',
    choose: 'Choose',
    none: 'No members yet',
  },
};

export function GroupPage() {
  const t = useText(TEXT);
  const lang = useLanguage();
  const id = Number(useParams().id);
  const client = useQueryClient();
  const group = useQuery({ queryKey: ['group', id], queryFn: () => unwrap(api.GET('/api/groups/{id}', { params: { path: { id } } })) });
  const timeline = useQuery({ queryKey: ['group-timeline', id], queryFn: () => unwrap(api.GET('/api/groups/{id}/timeline', { params: { path: { id } } })) });
  const refresh = () => {
    void client.invalidateQueries({ queryKey: ['group', id] });
    void client.invalidateQueries({ queryKey: ['group-timeline', id] });
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
  const fact = (label: string, value: string | null | undefined) => (
    <div>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text>{value || '—'}</Text>
    </div>
  );
  return (
    <>
      <PageHeader title={g.name} intro={labelOf(GROUP_TYPES, g.type, lang)} />
      <Stack>
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">
            {t.details}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
            {fact(t.registrationNo, g.registrationNo)}
            {fact(t.occupation, labelOf(OCCUPATION_CATEGORIES, g.occupation, lang))}
            {fact(
              t.place,
              lang === 'th'
                ? `ต.${g.subdistrictNameTh} อ.${g.districtNameTh} จ.${g.provinceNameTh}`
                : `${g.subdistrictNameEn}, ${g.districtNameEn}, ${g.provinceNameEn}`,
            )}
            {fact(t.founded, g.foundedOn ? formatThaiDate(g.foundedOn, { style: 'long', locale: lang }) : null)}
            {fact(t.contact, [g.contactName, g.contactPhone].filter(Boolean).join(' · '))}
          </SimpleGrid>
        </Paper>
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">
            {t.members} ({g.memberCount})
          </Title>
          {g.members.length === 0 ? (
            <Text>{t.none}</Text>
          ) : (
            <ScrollTable label={t.members} minWidth={560}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t.name}</Table.Th>
                  <Table.Th>{t.role}</Table.Th>
                  <Table.Th>{t.since}</Table.Th>
                  <Table.Th>{t.until}</Table.Th>
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
                    <Table.Td>{m.leftOn ? `${formatThaiDate(m.leftOn, { locale: lang })} (${t.past})` : t.current}</Table.Td>
                    <Table.Td>
                      {!m.leftOn && g.canEdit && (
                        <Button size="compact-sm" variant="default" onClick={() => setEnding(m.id)}>
                          {t.end}
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
              <PersonPicker label={t.person} value={person} onChange={setPerson} />
              <Select label={t.role} data={options(MEMBER_ROLES)} value={role} onChange={setRole} allowDeselect={false} miw={160} />
              <ThaiDateInput label={t.joined} value={joinedOn} onChange={setJoinedOn} />
              <Button onClick={() => add.mutate()} disabled={!person || !joinedOn} loading={add.isPending}>
                {t.add}
              </Button>
            </Group>
          )}
          <ProblemAlert error={add.error} />
        </Paper>
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">
            {t.timeline}
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
      <Modal opened={ending !== null} onClose={() => setEnding(null)} title={t.endTitle}>
        <Stack>
          <ThaiDateInput label={t.leftOn} value={leftOn} onChange={setLeftOn} required />
          <Select label={t.newRole} data={options(MEMBER_ROLES)} value={newRole} onChange={setNewRole} clearable placeholder={t.choose} />
          <TextInput label={t.reason} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
          <ProblemAlert error={end.error} />
          <Group>
            <Button onClick={() => end.mutate()} disabled={!leftOn} loading={end.isPending}>
              {t.save}
            </Button>
            <Button variant="default" onClick={() => setEnding(null)}>
              {t.cancel}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
