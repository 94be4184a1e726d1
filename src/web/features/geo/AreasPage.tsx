import { Anchor, Badge, Breadcrumbs, Grid, List, Loader, Paper, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { ScrollTable } from '../../components/ScrollTable';
import { ProblemAlert } from '../../components/ProblemAlert';
import { nameOf, useAreaSearch, useDistricts, useProvinces, useRegions, useSubdistricts } from '../../reference';
import { useMe } from '../../session';
import { ProvinceMap } from './ProvinceMap';

/** Region → province → district → sub-district, kept in the URL so every level can be linked to. */
export function AreasPage() {
  const { t, i18n } = useTranslation(['geo', 'common']);
  const lang = i18n.language;
  const [params, setParams] = useSearchParams();
  const regionCode = params.get('region') ?? undefined;
  const provinceCode = params.get('province') ?? undefined;
  const districtCode = params.get('district') ?? undefined;
  const { data: me } = useMe();
  const [text, setText] = useState('');
  const [query] = useDebouncedValue(text.trim(), 250);

  const regions = useRegions();
  const provinces = useProvinces();
  const districts = useDistricts(provinceCode);
  const subdistricts = useSubdistricts(districtCode);
  const search = useAreaSearch(query);

  const province = provinces.data?.find((p) => p.code === provinceCode);
  const region = regions.data?.find((r) => r.code === (regionCode ?? province?.regionCode));
  const district = districts.data?.find((d) => d.code === districtCode);
  const provinceNames = useMemo(() => new Map((provinces.data ?? []).map((p) => [p.code, nameOf(p, lang)])), [provinces.data, lang]);

  const go = (next: { region?: string; province?: string; district?: string }) => {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(next)) if (value) search.set(key, value);
    setParams(search);
  };

  const crumbs = [
    <Anchor key="all" component="button" type="button" onClick={() => go({})}>
      {t('all')}
    </Anchor>,
    region && (
      <Anchor key="r" component="button" type="button" onClick={() => go({ region: region.code })}>
        {nameOf(region, lang)}
      </Anchor>
    ),
    province && (
      <Anchor key="p" component="button" type="button" onClick={() => go({ region: province.regionCode, province: province.code })}>
        {nameOf(province, lang)}
      </Anchor>
    ),
    district && <Text key="d">{nameOf(district, lang)}</Text>,
  ].filter(Boolean);

  const heading = districtCode ? t('subdistricts') : provinceCode ? t('districts') : regionCode ? t('provinces') : t('regions');
  const rows = <T extends { code: string; nameTh: string; nameEn: string; postcode?: string | null }>(items: T[], onOpen?: (item: T) => void) => (
    <ScrollTable label={heading} minWidth={420} striped highlightOnHover>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('code')}</Table.Th>
          <Table.Th>{t('nameTh')}</Table.Th>
          <Table.Th>{t('nameEn')}</Table.Th>
          {items[0] && 'postcode' in items[0] && <Table.Th>{t('postcode')}</Table.Th>}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((item) => (
          <Table.Tr key={item.code}>
            <Table.Td>{item.code}</Table.Td>
            <Table.Td lang="th">
              {onOpen ? (
                <Anchor component="button" type="button" onClick={() => onOpen(item)}>
                  {item.nameTh}
                </Anchor>
              ) : (
                item.nameTh
              )}
            </Table.Td>
            <Table.Td lang="en">{item.nameEn}</Table.Td>
            {'postcode' in item && <Table.Td>{item.postcode}</Table.Td>}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ScrollTable>
  );

  const level = () => {
    if (districtCode) return subdistricts.data && rows(subdistricts.data);
    if (provinceCode) return districts.data && rows(districts.data, (d) => go({ region: province?.regionCode, province: provinceCode, district: d.code }));
    if (regionCode) {
      return (
        provinces.data &&
        rows(
          provinces.data.filter((p) => p.regionCode === regionCode),
          (p) => go({ region: regionCode, province: p.code }),
        )
      );
    }
    return (
      <List spacing="xs">
        {regions.data?.map((r) => (
          <List.Item key={r.code}>
            <Anchor component="button" type="button" onClick={() => go({ region: r.code })}>
              {nameOf(r, lang)}
            </Anchor>{' '}
            <Text span c="dimmed" size="sm">
              ({provinces.data?.filter((p) => p.regionCode === r.code).length ?? ''} {t('provinces')})
            </Text>
          </List.Item>
        ))}
      </List>
    );
  };

  return (
    <>
      <PageHeader title={t('title')} intro={t('intro')} />
      <TextInput label={t('search')} value={text} onChange={(e) => setText(e.currentTarget.value)} maw={480} mb="sm" type="search" />
      {query && (
        <Paper withBorder p="sm" mb="md" aria-live="polite">
          <Title order={2} size="h5" mb="xs">
            {t('searchResults')}
          </Title>
          {search.isFetching && <Loader size="sm" aria-label={t('common:common.loading')} />}
          {search.data?.length === 0 && <Text>{t('noResults')}</Text>}
          <List spacing={4}>
            {search.data?.map((m) => (
              <List.Item key={`${m.level}-${m.code}`}>
                <Badge variant="light" mr="xs" tt="none">
                  {t(`level.${m.level}`)}
                </Badge>
                <Anchor
                  component="button"
                  type="button"
                  onClick={() =>
                    m.level === 'province'
                      ? go({ province: m.code })
                      : go({ province: m.province.code, district: m.level === 'district' ? m.code : m.district?.code })
                  }
                >
                  {nameOf(m, lang)}
                </Anchor>{' '}
                <Text span size="sm" c="dimmed">
                  {[m.district && nameOf(m.district, lang), nameOf(m.province, lang), m.postcode].filter(Boolean).join(' · ')}
                </Text>
              </List.Item>
            ))}
          </List>
        </Paper>
      )}
      <Breadcrumbs mb="sm" separator="›">
        {crumbs}
      </Breadcrumbs>
      <ProblemAlert error={regions.error ?? provinces.error ?? districts.error ?? subdistricts.error ?? search.error} />
      <Grid>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Title order={2} size="h4" mb="xs">
            {heading}
          </Title>
          {level()}
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          {me?.scopeProvinceCodes && (
            <Text size="sm" mb="xs">
              <Badge color="indigo" variant="filled" mr="xs">
                {t('yourArea')}
              </Badge>
              {me.scopeProvinceCodes.map((c) => provinceNames.get(c)).join(', ')}
            </Text>
          )}
          <ProvinceMap
            names={provinceNames}
            highlight={me?.scopeProvinceCodes ?? []}
            selected={provinceCode}
            onSelect={(code) => go({ region: provinces.data?.find((p) => p.code === code)?.regionCode, province: code })}
          />
        </Grid.Col>
      </Grid>
      <Text size="xs" c="dimmed" mt="md">
        {t('codesCredit')}{' '}
        <Anchor component={Link} to="/org" size="xs">
          {t('common:nav.org')}
        </Anchor>
      </Text>
    </>
  );
}
