import { Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useLanguage } from '../../i18n/language';
import { nameOf, useProvinces } from '../../reference';
import { ChannelPath } from './ChannelPath';
import { FeedView } from './FeedView';
import { usePartnerGroups, type FeedFormat } from './queries';

/** The feed a partner's advisor checks: Lazada's payloads, Meta's catalogue for Facebook, Google's for the rest. */
const FEED_OF: Record<string, FeedFormat> = { lazada: 'lazada', facebook: 'meta' };

/**
 * A partner's advisor (e.g. Lazada's): the groups that consented to share with the partner, each
 * with that channel's onboarding path, a way to move its shop on, and the product feed with its
 * errors per product. A group that withdraws its consent leaves this page at the next load.
 */
export function PartnerPage() {
  const { t } = useTranslation('marketplace', { keyPrefix: 'partner' });
  const { t: w } = useTranslation('marketplace', { keyPrefix: 'words' });
  const lang = useLanguage();
  const partner = usePartnerGroups();
  const provinces = useProvinces();
  const channel = partner.data?.channel;
  return (
    <>
      <PageHeader title={channel ? t('titleOf', { channel: w(`channel.${channel}`) }) : t('title')} intro={t('intro')} />
      <Stack maw={960}>
        <ProblemAlert error={partner.error} />
        {partner.data && !channel && <Text>{t('noChannel')}</Text>}
        {partner.data && channel && partner.data.groups.length === 0 && <Text>{t('none')}</Text>}
        {partner.data?.groups.map((g) => (
          <Paper key={g.groupId} withBorder p="md" component="section" aria-labelledby={`group-${g.groupId}`} data-testid={`partner-group-${g.groupId}`}>
            <Title order={2} size="h4" id={`group-${g.groupId}`}>
              {g.groupName}
            </Title>
            <Text size="sm" c="dimmed" mb="sm">
              {t('province', {
                province:
                  nameOf(
                    provinces.data?.find((p) => p.code === g.provinceCode),
                    lang,
                  ) || g.provinceCode,
              })}
            </Text>
            <Stack>
              <ChannelPath groupId={g.groupId} account={g.account} canMove />
              <FeedView groupId={g.groupId} format={FEED_OF[g.account.channel] ?? 'google'} />
            </Stack>
          </Paper>
        ))}
      </Stack>
    </>
  );
}
