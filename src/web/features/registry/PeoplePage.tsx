import { Anchor, Badge, Button, Group, Pagination, Select, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../format';
import { usePeople } from './queries';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ScrollTable } from '../../components/ScrollTable';
import { nameOf, useProvinces, useTargetGroups } from '../../reference';
import { hasRole, useMe } from '../../session';
import { formatThaiDate } from '../../../shared/thai-date';
import { RegistryOverview } from './RegistryOverview';
import { useLanguage } from '../../i18n/language';

const PAGE = 20;

export function PeoplePage() {
  const { number } = useFormat();
  const { t } = useTranslation('registry', { keyPrefix: 'people' });
  const lang = useLanguage();
  const { data: me } = useMe();
  const provinces = useProvinces();
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim(), 250);
  const [province, setProvince] = useState<string | null>(null);
  const [targetGroup, setTargetGroup] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const targetGroups = useTargetGroups();
  const query = { q: q || undefined, province: province ?? undefined, targetGroup: targetGroup ?? undefined };
  const people = usePeople({ ...query, limit: PAGE, offset: (page - 1) * PAGE });
  const officer = hasRole(me, 'officer');
  const scope = me?.scopeProvinceCodes;
  const provinceOptions = (provinces.data ?? []).filter((p) => !scope || scope.includes(p.code)).map((p) => ({ value: p.code, label: nameOf(p, lang) }));
  const exportHref = (format: string) =>
    `/api/people/export?${new URLSearchParams({ format, ...Object.fromEntries(Object.entries(query).filter(([, v]) => v)) } as Record<string, string>)}`;
  const groupName = (code: string) =>
    nameOf(
      targetGroups.data?.find((g) => g.code === code),
      lang,
    ) || code;

  return (
    <>
      <PageHeader title={t('title')} intro={t('intro')}>
        <Group gap="sm" wrap="wrap">
          {officer && (
            <Button component={Link} to="/registry/people/new">
              {t('register')}
            </Button>
          )}
          <Button component={Link} to="/registry/groups" variant="default">
            {t('groups')}
          </Button>
          {officer && (
            <Button component={Link} to="/registry/imports" variant="default">
              {t('imports')}
            </Button>
          )}
          {officer && (
            <Button component={Link} to="/registry/duplicates" variant="default">
              {t('duplicates')}
            </Button>
          )}
        </Group>
      </PageHeader>
      <RegistryOverview
        onProvince={(code) => {
          setProvince(code);
          setPage(1);
        }}
      />
      <Group mb="sm" align="end" wrap="wrap">
        <TextInput
          label={t('search')}
          description={t('searchHint')}
          type="search"
          value={text}
          miw={260}
          style={{ flexGrow: 1 }}
          onChange={(e) => {
            setText(e.currentTarget.value);
            setPage(1);
          }}
        />
        <Select
          label={t('province')}
          data={provinceOptions}
          value={province}
          onChange={(v) => {
            setProvince(v);
            setPage(1);
          }}
          clearable
          searchable
          placeholder={t('all')}
        />
        <Select
          label={t('targetGroup')}
          data={(targetGroups.data ?? []).filter((g) => !g.sensitive).map((g) => ({ value: g.code, label: nameOf(g, lang) }))}
          value={targetGroup}
          onChange={(v) => {
            setTargetGroup(v);
            setPage(1);
          }}
          clearable
          placeholder={t('all')}
        />
      </Group>
      <ProblemAlert error={people.error} />
      {people.data && (
        <>
          <Group justify="space-between" mb="xs" wrap="wrap">
            <Text size="sm" role="status">
              {people.data.total === 0 ? t('none') : t(people.data.totalIsCapped ? 'capped' : 'total', { n: number(people.data.total) })}
            </Text>
            <Group gap="xs">
              <Anchor href={exportHref('csv')} download size="sm">
                {t('exportCsv')}
              </Anchor>
              <Anchor href={exportHref('xlsx')} download size="sm">
                {t('exportXlsx')}
              </Anchor>
            </Group>
          </Group>
          {people.data.items.length > 0 && (
            <ScrollTable label={t('results')} minWidth={640} striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('name')}</Table.Th>
                  <Table.Th>{t('id')}</Table.Th>
                  <Table.Th>{t('birth')}</Table.Th>
                  <Table.Th>{t('area')}</Table.Th>
                  <Table.Th>{t('groupsCol')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {people.data.items.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/registry/people/${p.id}`}>
                        {p.firstNameTh} {p.lastNameTh}
                      </Anchor>
                      {p.firstNameEn && (
                        <Text size="sm" c="dimmed">
                          {p.firstNameEn} {p.lastNameEn}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>{p.docNumberMasked}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatThaiDate(p.birthDate, { locale: lang })}</Table.Td>
                    <Table.Td>{lang === 'th' ? `${p.districtNameTh} ${p.provinceNameTh}` : `${p.districtNameEn}, ${p.provinceNameEn}`}</Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {p.targetGroups.map((g) => (
                          <Badge key={g} variant="light" color="indigo" c="dark" tt="none">
                            {groupName(g)}
                          </Badge>
                        ))}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </ScrollTable>
          )}
          {people.data.total > PAGE && (
            <Pagination mt="sm" total={Math.ceil(people.data.total / PAGE)} value={page} onChange={setPage} getControlProps={(c) => ({ 'aria-label': c })} />
          )}
        </>
      )}
    </>
  );
}
