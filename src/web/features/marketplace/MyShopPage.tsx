import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useMyShops } from './queries';

/** A citizen's way in on her phone: the groups she leads, each to its shop and a new listing. */
export function MyShopPage() {
  const { t } = useTranslation('marketplace', { keyPrefix: 'my' });
  const mine = useMyShops();
  return (
    <>
      <PageHeader title={t('title')} intro={t('intro')}>
        <Anchor href="/shop">{t('catalogue')}</Anchor>
      </PageHeader>
      <Stack maw={720}>
        <ProblemAlert error={mine.error} />
        {mine.data?.groups.length === 0 && <Text>{t('none')}</Text>}
        {mine.data?.groups.map((g) => (
          <Paper key={g.groupId} withBorder p="md" component="section" aria-labelledby={`my-group-${g.groupId}`}>
            <Title order={2} size="h4" id={`my-group-${g.groupId}`}>
              <Anchor component={Link} to={`/marketplace/groups/${g.groupId}`}>
                {g.groupName}
              </Anchor>
            </Title>
            <Group gap="md" mt="xs" wrap="wrap">
              <Anchor component={Link} to={`/marketplace/groups/${g.groupId}/listings/new`}>
                {t('propose')}
              </Anchor>
              <Anchor component={Link} to={`/marketplace/groups/${g.groupId}`}>
                {t('shop')}
              </Anchor>
            </Group>
          </Paper>
        ))}
      </Stack>
    </>
  );
}
