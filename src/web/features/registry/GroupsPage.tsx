import { Anchor, Button, Group, Pagination, Select, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ScrollTable } from '../../components/ScrollTable';
import { hasRole, useMe } from '../../session';
import { GROUP_TYPES, labelOf, OCCUPATION_CATEGORIES } from '../../../shared/person-fields';
import { fill, useLanguage, useText } from './text';

const PAGE = 20;
const TEXT = {
  th: {
    title: 'กลุ่มอาชีพ',
    intro: 'วิสาหกิจชุมชน กลุ่มอาชีพอิสระ กลุ่มอาชีพสตรี และกลุ่มอื่น ๆ ในพื้นที่ของคุณ',
    search: 'ค้นหากลุ่ม',
    hint: 'ชื่อกลุ่มหรือเลขทะเบียน',
    type: 'ประเภทกลุ่ม',
    all: 'ทั้งหมด',
    create: 'ลงทะเบียนกลุ่ม',
    people: 'ทะเบียนบุคคล',
    name: 'ชื่อกลุ่ม',
    occupation: 'อาชีพ',
    area: 'ตำบล อำเภอ จังหวัด',
    members: 'สมาชิก',
    total: 'พบ {n} กลุ่ม',
    none: 'ไม่พบกลุ่มที่ตรงกับการค้นหา',
  },
  en: {
    title: 'Occupation groups',
    intro: 'Community enterprises, independent, women’s and other occupation groups in your area',
    search: 'Find a group',
    hint: 'Group name or registration number',
    type: 'Group type',
    all: 'All',
    create: 'Register a group',
    people: 'People',
    name: 'Group',
    occupation: 'Occupation',
    area: 'Sub-district, district, province',
    members: 'Members',
    total: '{n} groups',
    none: 'No group matches the search',
  },
};

export function GroupsPage() {
  const t = useText(TEXT);
  const lang = useLanguage();
  const { data: me } = useMe();
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim(), 250);
  const [type, setType] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const groups = useQuery({
    queryKey: ['groups', q, type, page],
    placeholderData: keepPreviousData,
    queryFn: () =>
      unwrap(api.GET('/api/groups', { params: { query: { q: q || undefined, type: (type ?? undefined) as never, limit: PAGE, offset: (page - 1) * PAGE } } })),
  });
  return (
    <>
      <PageHeader title={t.title} intro={t.intro}>
        <Group gap="sm">
          {hasRole(me, 'officer') && (
            <Button component={Link} to="/registry/groups/new">
              {t.create}
            </Button>
          )}
          <Button component={Link} to="/registry" variant="default">
            {t.people}
          </Button>
        </Group>
      </PageHeader>
      <Group mb="sm" align="end" wrap="wrap">
        <TextInput
          label={t.search}
          description={t.hint}
          type="search"
          value={text}
          onChange={(e) => {
            setText(e.currentTarget.value);
            setPage(1);
          }}
          miw={260}
        />
        <Select
          label={t.type}
          data={GROUP_TYPES.map((g) => ({ value: g.code, label: lang === 'th' ? g.th : g.en }))}
          value={type}
          onChange={(v) => {
            setType(v);
            setPage(1);
          }}
          clearable
          placeholder={t.all}
        />
      </Group>
      <ProblemAlert error={groups.error} />
      {groups.data && (
        <>
          <Text size="sm" mb="xs" role="status">
            {groups.data.total === 0 ? t.none : fill(t.total, { n: groups.data.total })}
          </Text>
          {groups.data.items.length > 0 && (
            <ScrollTable label={t.title} minWidth={640} striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t.name}</Table.Th>
                  <Table.Th>{t.occupation}</Table.Th>
                  <Table.Th>{t.area}</Table.Th>
                  <Table.Th>{t.members}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {groups.data.items.map((g) => (
                  <Table.Tr key={g.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/registry/groups/${g.id}`}>
                        {g.name}
                      </Anchor>
                      <Text size="sm" c="dimmed">
                        {labelOf(GROUP_TYPES, g.type, lang)}
                        {g.registrationNo ? ` · ${g.registrationNo}` : ''}
                      </Text>
                    </Table.Td>
                    <Table.Td>{labelOf(OCCUPATION_CATEGORIES, g.occupation, lang)}</Table.Td>
                    <Table.Td>
                      {lang === 'th'
                        ? `${g.subdistrictNameTh} ${g.districtNameTh} ${g.provinceNameTh}`
                        : `${g.subdistrictNameEn}, ${g.districtNameEn}, ${g.provinceNameEn}`}
                    </Table.Td>
                    <Table.Td>{g.memberCount}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </ScrollTable>
          )}
          {groups.data.total > PAGE && (
            <Pagination mt="sm" total={Math.ceil(groups.data.total / PAGE)} value={page} onChange={setPage} getControlProps={(c) => ({ 'aria-label': c })} />
          )}
        </>
      )}
    </>
  );
}
