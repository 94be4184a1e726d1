import { Alert, Anchor, Badge, Button, Group, Modal, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { useDuplicates, useRegistryRefresh } from './queries';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatThaiDate } from '../../../shared/thai-date';
import { useLanguage } from '../../i18n/language';

export function RegistryDuplicatesPage() {
  const { t } = useTranslation('registry', { keyPrefix: 'registryDuplicates' });
  const lang = useLanguage();
  const pairs = useDuplicates();
  const refresh = useRegistryRefresh();
  const [choice, setChoice] = useState<{ keep: number; dup: number } | null>(null);
  const merge = useMutation({
    mutationFn: (c: { keep: number; dup: number }) =>
      unwrap(api.POST('/api/people/{id}/merge', { params: { path: { id: c.keep } }, body: { duplicateId: c.dup } })),
    onSuccess: () => {
      setChoice(null);
      void refresh.people();
    },
  });
  type Brief = NonNullable<typeof pairs.data>[number]['a'];
  const card = (p: Brief) => (
    <Paper withBorder p="sm">
      <Anchor component={Link} to={`/registry/people/${p.id}`} fw={600}>
        {p.firstNameTh} {p.lastNameTh}
      </Anchor>
      <Text size="sm">{p.docNumberMasked}</Text>
      <Text size="sm">
        {t('born')} {formatThaiDate(p.birthDate, { locale: lang })} · {lang === 'th' ? p.districtNameTh : p.districtNameEn}
      </Text>
      <Text size="sm" c="dimmed">
        {t('registered')} {formatThaiDate(p.createdAt.slice(0, 10), { locale: lang })} ·{' '}
        {t(`sources.${p.source as 'officer' | 'self' | 'import'}`, { defaultValue: p.source })}
      </Text>
    </Paper>
  );
  return (
    <>
      <PageHeader title={t('title')} intro={t('intro')} />
      <ProblemAlert error={pairs.error} />
      {merge.data && (
        <Alert color="green" title={t('merged')} mb="md" styles={{ title: { color: '#1b5e20' } }}>
          <Anchor component={Link} to={`/registry/people/${merge.data.id}`}>
            {t('openKept')}
          </Anchor>
        </Alert>
      )}
      {pairs.data && pairs.data.length === 0 && <Text>{t('none')}</Text>}
      <Stack maw={960}>
        {(pairs.data ?? []).map((pair, i) => (
          <Paper key={`${pair.a.id}-${pair.b.id}`} withBorder p="md" component="section" aria-label={t('pair', { n: i + 1 })}>
            <Group gap="xs" mb="sm">
              {pair.sameName && (
                <Badge color="red.9" variant="filled" tt="none">
                  {t('sameName')}
                </Badge>
              )}
              <Badge color="gray" variant="light" c="dark" tt="none">
                {t('likeness', { score: pair.score.toFixed(2) })}
              </Badge>
            </Group>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {card(pair.a)}
              {card(pair.b)}
            </SimpleGrid>
            <Group mt="sm" wrap="wrap">
              <Button variant="default" onClick={() => setChoice({ keep: pair.a.id, dup: pair.b.id })}>
                {t('keep', { id: pair.a.id })}
              </Button>
              <Button variant="default" onClick={() => setChoice({ keep: pair.b.id, dup: pair.a.id })}>
                {t('keep', { id: pair.b.id })}
              </Button>
            </Group>
          </Paper>
        ))}
      </Stack>
      <Modal opened={choice !== null} onClose={() => setChoice(null)} title={t('confirmTitle')}>
        {choice && (
          <Stack>
            <Text>{t('confirm', { keep: choice.keep, dup: choice.dup })}</Text>
            <ProblemAlert error={merge.error} />
            <Group>
              <Button color="red.9" loading={merge.isPending} onClick={() => merge.mutate(choice)}>
                {t('merge')}
              </Button>
              <Button variant="default" onClick={() => setChoice(null)}>
                {t('cancel')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </>
  );
}
