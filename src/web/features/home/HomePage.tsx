import { Anchor, Badge, Group, Paper, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../format';
import { PageHeader } from '../../components/PageHeader';
import type { Capability } from '../../../shared/capabilities';
import { navigation } from '../../navigation';
import { nameOf, useProvinces, useRegions } from '../../reference';
import { useMe } from '../../session';
import { describeArea } from './area';
import { fiscalYearOf } from '../../../shared/fiscal-year';
import { useOverview } from '../monitoring/queries';

/**
 * People placed in work this fiscal year against the target, both from monitoring's overview (the
 * reader's area; the target is data headquarters sets, so a year without one says so).
 */
function PlacementsCard() {
  const { t } = useTranslation();
  const { number } = useFormat();
  const { data } = useOverview(fiscalYearOf(new Date()));
  const placed = data?.indicators.find((i) => i.code === 'employment.placed');
  if (!data || !placed) return null;
  return (
    <Paper withBorder p="md" data-testid="placed-this-year">
      <Badge variant="outline" color="teal.9" tt="none" mb={4}>
        {t('home.measured', { fy: data.fiscalYear })}
      </Badge>
      <Text fz={28} fw={600} c="indigo.9">
        {number(placed.actual)}
      </Text>
      <Text>{t('home.placed')}</Text>
      {placed.target !== null && placed.percent !== null ? (
        <>
          <Progress
            value={Math.min(100, placed.percent)}
            mt={4}
            aria-label={t('home.placedAgainst', { target: number(placed.target), percent: number(placed.percent) })}
          />
          <Text size="sm">{t('home.placedAgainst', { target: number(placed.target), percent: number(placed.percent) })}</Text>
        </>
      ) : (
        <Text size="sm" c="dimmed">
          {t('home.placedNoTarget')}
        </Text>
      )}
      <Anchor component={Link} to="/monitoring" size="sm">
        {t('home.allIndicators')}
      </Anchor>
    </Paper>
  );
}

/** The seed reports' headline figures not measured yet: the programme's first targets, as the reports state them. */
const TARGETS = [
  { value: 140, label: 'home.groups' },
  { value: 401, label: 'home.prototypes', detail: 'home.prototypesDetail' },
  { value: 5_000_000, label: 'home.fund', detail: 'home.fundDetail' },
] as const;

export function HomePage() {
  const { t, i18n } = useTranslation();
  const { data: me } = useMe();
  const { number } = useFormat();
  const { data: provinces } = useProvinces();
  const { data: regions } = useRegions();
  if (!me) return null;
  const can = (c: Capability) => me.capabilities.includes(c);
  // Only government roles have an area; a citizen's scope is their own records.
  const area = can('programme')
    ? (describeArea(me.scopeProvinceCodes, { provinces: provinces ?? [], regions: regions ?? [] }, i18n.language, t('common.nationwide')) ?? t('common.none'))
    : null;
  const quick = navigation(me.capabilities).filter((e) => e.quick);

  return (
    <Stack>
      <PageHeader title={t('home.greeting', { name: me.displayName })} intro={t('app.tagline')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="xs">
            {t('home.roles')}
          </Title>
          <Group gap="xs">
            {me.roles.map((r) => (
              <Badge key={`${r.role}-${r.unitCode}`} variant="light" size="lg" tt="none">
                {t(`roles.${r.role}`)}
                {r.unitCode ? ` · ${nameOf({ nameTh: r.unitNameTh ?? '', nameEn: r.unitNameEn ?? '' }, i18n.language)}` : ''}
              </Badge>
            ))}
          </Group>
        </Paper>
        {area !== null && (
          <Paper withBorder p="md">
            <Title order={2} size="h4" mb="xs">
              {t('home.area')}
            </Title>
            <Text size="lg" data-testid="my-area">
              {area}
            </Text>
          </Paper>
        )}
      </SimpleGrid>
      {can('programme') && (
        <>
          <Title order={2} size="h4">
            {t('home.targets')}
          </Title>
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
            {can('monitoring.read') && <PlacementsCard />}
            {TARGETS.map((target) => (
              <Paper key={target.label} withBorder p="md">
                <Badge variant="outline" color="indigo.9" tt="none" mb={4}>
                  {t('home.target')}
                </Badge>
                <Text fz={28} fw={600} c="indigo.9">
                  {number(target.value)}
                </Text>
                <Text>{t(target.label)}</Text>
                {'detail' in target && (
                  <Text size="sm" c="dimmed">
                    {t(target.detail)}
                  </Text>
                )}
              </Paper>
            ))}
          </SimpleGrid>
          <Text size="sm" c="dimmed">
            {t('home.targetNote')}
          </Text>
        </>
      )}
      <Title order={2} size="h4">
        {t('home.quick')}
      </Title>
      <Group>
        {quick.map((entry) => (
          <Anchor key={entry.to} component={Link} to={entry.to}>
            {t(entry.label)}
          </Anchor>
        ))}
        {/* The public vacancy board has a page of its own, outside the menu's frame. */}
        <Anchor component={Link} to="/jobs">
          {t('nav.jobs')}
        </Anchor>
        {/* The public catalogue of community products is made on the server, outside the app. */}
        <Anchor href="/shop">{t('nav.shop')}</Anchor>
      </Group>
    </Stack>
  );
}
