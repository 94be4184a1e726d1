import { Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePeopleStats } from './queries';
import { ProvinceMap, shadeFor } from '../geo/ProvinceMap';
import { nameOf, useProvinces, useTargetGroups } from '../../reference';
import { useLanguage } from '../../i18n/language';
import { useFormat } from '../../format';

/** Where the registered people are and who they are: a map and bars, for those who would rather look. */
export function RegistryOverview({ onProvince }: { onProvince: (code: string) => void }) {
  const { number } = useFormat();
  const { t } = useTranslation('registry', { keyPrefix: 'registryOverview' });
  const lang = useLanguage();
  const provinces = useProvinces();
  const stats = usePeopleStats();
  const groups = useTargetGroups();
  if (!stats.data || stats.data.total === 0) return null;
  const counts = new Map(stats.data.byProvince.map((p) => [p.provinceCode, p.count]));
  const max = Math.max(...counts.values());
  const names = new Map((provinces.data ?? []).map((p) => [p.code, `${nameOf(p, lang)}: ${number(counts.get(p.code) ?? 0)}`]));
  return (
    <Paper withBorder p="md" mb="md">
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Title order={2} size="h4">
          {t('title')}
        </Title>
        <Text fw={600}>{t('people', { n: number(stats.data.total) })}</Text>
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <div style={{ maxWidth: 360 }}>
          <ProvinceMap
            highlight={[...counts.keys()]}
            onSelect={onProvince}
            names={names}
            label={t('map')}
            fillOf={(code) => {
              const n = counts.get(code) ?? 0;
              return shadeFor(n, max);
            }}
          />
        </div>
        <Stack gap="sm">
          <Title order={3} size="h5">
            {t('byGroup')}
          </Title>
          {stats.data.byTargetGroup.map((g) => (
            <div key={g.code}>
              <Group justify="space-between" gap="xs" wrap="nowrap">
                <Text size="sm">
                  {nameOf(
                    groups.data?.find((x) => x.code === g.code),
                    lang,
                  ) || g.code}
                </Text>
                <Text size="sm" fw={600}>
                  {number(g.count)}
                </Text>
              </Group>
              <div aria-hidden style={{ height: 8, borderRadius: 4, background: '#e9ecef' }}>
                <div style={{ width: `${(100 * g.count) / stats.data!.total}%`, height: 8, borderRadius: 4, background: '#364fc7' }} />
              </div>
            </div>
          ))}
          <Title order={3} size="h5" mt="sm">
            {t('top')}
          </Title>
          {stats.data.byProvince.slice(0, 5).map((p) => (
            <Group key={p.provinceCode} justify="space-between" gap="xs">
              <Text size="sm">
                {nameOf(
                  provinces.data?.find((x) => x.code === p.provinceCode),
                  lang,
                )}
              </Text>
              <Text size="sm" fw={600}>
                {number(p.count)}
              </Text>
            </Group>
          ))}
        </Stack>
      </SimpleGrid>
    </Paper>
  );
}
