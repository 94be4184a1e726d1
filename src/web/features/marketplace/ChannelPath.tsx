import { Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiProblem, unwrap } from '../../api/client';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useFormat } from '../../format';
import { useLanguage } from '../../i18n/language';
import { useMarketplaceRefresh, type ChannelAccount } from './queries';
import { bangkokToday, STEP_FIELDS, STEPS, type Step } from './words';

/**
 * A channel's onboarding path as a vertical stepper: each step with a mark and a word (never
 * colour alone) and its date; the current step is named for screen readers. With `canMove`, the
 * next step the people record (documents, shop opened with its address, first product live,
 * first sale) is offered with today's date.
 */
export function ChannelPath({ groupId, account, canMove }: { groupId: number; account: ChannelAccount; canMove: boolean }) {
  const { t } = useTranslation('marketplace', { keyPrefix: 'path' });
  const { t: w } = useTranslation('marketplace', { keyPrefix: 'words' });
  const lang = useLanguage();
  const { date } = useFormat();
  const refresh = useMarketplaceRefresh();
  const next = account.steps.find((s) => !s.reached)?.step as Step | undefined;
  const field = next ? STEP_FIELDS[next] : undefined;
  const [on, setOn] = useState(bangkokToday());
  const [shopUrl, setShopUrl] = useState(account.shopUrl ?? '');
  const move = useMutation({
    mutationFn: () =>
      unwrap(
        api.PUT('/api/marketplace/groups/{groupId}/channels/{channel}', {
          params: { path: { groupId, channel: account.channel } },
          body: { [field!]: on, ...(next === 'shop-opened' ? { shopUrl: shopUrl.trim() || null } : {}) },
        }),
      ),
    onSuccess: () => refresh.group(groupId),
  });
  const name = lang === 'en' ? account.nameEn : account.nameTh;
  const headingId = `path-${groupId}-${account.channel}`;
  const errors = move.error instanceof ApiProblem ? move.error.fieldErrors(lang) : {};
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId} data-testid={`channel-${account.channel}`}>
      <Title order={3} size="h5" id={headingId}>
        {name}
      </Title>
      {account.shopUrl && (
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {t('shop')}: {account.shopUrl}
        </Text>
      )}
      <ol className="marketplace-path" aria-label={t('label', { channel: name })}>
        {STEPS.map((step, i) => {
          const s = account.steps.find((x) => x.step === step);
          const current = account.current === step;
          return (
            <li key={step} data-step={step} data-reached={s?.reached ? 'yes' : 'no'} aria-current={current ? 'step' : undefined}>
              <span aria-hidden className="marketplace-path-mark" data-reached={s?.reached ? 'yes' : 'no'}>
                {s?.reached ? '✓' : i + 1}
              </span>
              <span>
                <Text component="span" fw={current ? 700 : 400}>
                  {w(`step.${step}`)}
                </Text>
                <Text component="span" size="sm" c="dimmed">
                  {' · '}
                  {s?.reached ? (s.on ? date(s.on) : t('reached')) : t('notYet')}
                  {current ? ` · ${t('current')}` : ''}
                </Text>
              </span>
            </li>
          );
        })}
      </ol>
      {canMove && next && field && account.current !== null && (
        <Stack gap="xs" mt="sm">
          <Group align="end" wrap="wrap">
            <TextInput type="date" label={t('on', { step: w(`step.${next}`) })} value={on} onChange={(e) => setOn(e.currentTarget.value)} required />
            {next === 'shop-opened' && (
              <TextInput
                label={t('shopUrl')}
                placeholder="https://"
                value={shopUrl}
                onChange={(e) => setShopUrl(e.currentTarget.value)}
                error={errors.shopUrl}
                miw={240}
              />
            )}
            <Button onClick={() => move.mutate()} loading={move.isPending}>
              {t('move', { step: w(`step.${next}`) })}
            </Button>
          </Group>
          <ProblemAlert error={move.error} />
        </Stack>
      )}
    </Paper>
  );
}
