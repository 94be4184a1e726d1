import { Alert, Anchor, Badge, Grid, Group, List, Pagination, Paper, Select, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useUnits } from './queries';
import { PageHeader } from '../../components/PageHeader';
import { ScrollTable } from '../../components/ScrollTable';
import { ProblemAlert } from '../../components/ProblemAlert';
import { nameOf, useAgencies, useProvinces } from '../../reference';
import { useMe } from '../../session';

const PAGE = 25;
const KINDS = ['headquarters', 'learning-centre', 'provincial-skill-development-office', 'provincial-employment-office'] as const;

export function OrgPage() {
  const { t, i18n } = useTranslation(['org', 'common']);
  const lang = i18n.language;
  const { data: me } = useMe();
  const provinces = useProvinces();
  const [agency, setAgency] = useState<string | null>(null);
  const [kind, setKind] = useState<string | null>(null);
  const [province, setProvince] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim(), 250);
  const [page, setPage] = useState(1);

  const agencies = useAgencies();
  const units = useUnits({
    agency: agency ?? undefined,
    kind: kind ?? undefined,
    province: province ?? undefined,
    q: q || undefined,
    limit: PAGE,
    offset: (page - 1) * PAGE,
  });

  const agencyName = (code: string) => {
    const a = agencies.data?.find((x) => x.code === code);
    return a ? `${nameOf(a, lang)}${a.abbrTh && lang === 'th' ? ` (${a.abbrTh})` : a.abbrEn && lang !== 'th' ? ` (${a.abbrEn})` : ''}` : code;
  };
  // Ministries first, then public organisations and partners, as the programme is organised.
  const rank = (kind: string) => ['ministry', 'public-organisation', 'bank', 'company', 'association'].indexOf(kind);
  const top = (agencies.data ?? []).filter((a) => a.parentCode === null).sort((a, b) => rank(a.kind) - rank(b.kind));
  const resetPage =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage(1);
    };

  return (
    <>
      <PageHeader title={t('title')} />
      <Grid>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Paper withBorder p="md">
            <Title order={2} size="h4" mb="xs">
              {t('agencies')}
            </Title>
            <List spacing="xs">
              {top.map((a) => (
                <List.Item key={a.code}>
                  <Text fw={600}>{agencyName(a.code)}</Text>
                  {agencies.data!.some((c) => c.parentCode === a.code) && (
                    <List withPadding spacing={2}>
                      {agencies
                        .data!.filter((c) => c.parentCode === a.code)
                        .map((c) => (
                          <List.Item key={c.code}>{agencyName(c.code)}</List.Item>
                        ))}
                    </List>
                  )}
                </List.Item>
              ))}
            </List>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Title order={2} size="h4" mb="xs">
            {t('units')}
          </Title>
          {me?.scopeProvinceCodes && (
            <Alert mb="sm" color="indigo" variant="light">
              {t('scopeNote')}
            </Alert>
          )}
          <Group grow preventGrowOverflow={false} wrap="wrap" mb="sm" align="end">
            <Select
              label={t('agency')}
              data={(agencies.data ?? []).filter((a) => a.kind !== 'ministry').map((a) => ({ value: a.code, label: agencyName(a.code) }))}
              value={agency}
              onChange={resetPage(setAgency)}
              clearable
              searchable
              miw={180}
            />
            <Select
              label={t('kind')}
              data={KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
              value={kind}
              onChange={resetPage(setKind)}
              clearable
              miw={180}
            />
            <Select
              label={t('province')}
              data={(provinces.data ?? []).map((p) => ({ value: p.code, label: nameOf(p, lang) }))}
              value={province}
              onChange={resetPage(setProvince)}
              clearable
              searchable
              miw={160}
            />
            <TextInput
              label={t('text')}
              value={text}
              onChange={(e) => {
                setText(e.currentTarget.value);
                setPage(1);
              }}
              miw={160}
              type="search"
            />
          </Group>
          <ProblemAlert error={units.error ?? agencies.error} />
          {units.data && (
            <>
              <Text size="sm" mb="xs" aria-live="polite">
                {t('common:common.total', { count: units.data.total })}
              </Text>
              <ScrollTable label={t('units')} minWidth={560} striped highlightOnHover>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('units')}</Table.Th>
                    <Table.Th>{t('kind')}</Table.Th>
                    <Table.Th>{t('area')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {units.data.items.map((u) => (
                    <Table.Tr key={u.code}>
                      <Table.Td>
                        <Anchor component={Link} to={`/org/units/${u.code}`}>
                          {nameOf(u, lang)}
                        </Anchor>
                        <Text size="xs" c="dimmed">
                          {u.code}
                        </Text>
                        {u.assumed && (
                          <Badge size="sm" tt="none" color="yellow" c="dark" variant="filled">
                            {t('assumed')}
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td>{t(`kinds.${u.kind}`, { defaultValue: u.kind })}</Table.Td>
                      <Table.Td>
                        {u.areaProvinceCodes.length > 3
                          ? t('provincesCount', { count: u.areaProvinceCodes.length })
                          : u.areaProvinceCodes
                              .map(
                                (c) =>
                                  nameOf(
                                    provinces.data?.find((p) => p.code === c),
                                    lang,
                                  ) || c,
                              )
                              .join(', ')}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </ScrollTable>
              {units.data.total > PAGE && (
                <Pagination
                  mt="sm"
                  total={Math.ceil(units.data.total / PAGE)}
                  value={page}
                  onChange={setPage}
                  getControlProps={(control) => ({ 'aria-label': control })}
                />
              )}
            </>
          )}
        </Grid.Col>
      </Grid>
    </>
  );
}
