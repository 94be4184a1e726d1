import { Anchor, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Fact } from '../../components/Fact';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useFormat } from '../../format';
import { useLanguage } from '../../i18n/language';
import { hasRole, useMe } from '../../session';
import { useFunds } from './queries';
import { useBaht } from './words';

/** The funds serving the reader's area, each with its position, and the ways to the queue and reports. */
export function FundsPage() {
  const { t } = useTranslation('funding', { keyPrefix: 'funds' });
  const lang = useLanguage();
  const { date } = useFormat();
  const baht = useBaht();
  const funds = useFunds();
  const { t: o } = useTranslation('funding', { keyPrefix: 'openFund' });
  const me = useMe();
  return (
    <>
      <PageHeader title={t('title')} intro={t('intro')}>
        <Group gap="md" wrap="wrap">
          {hasRole(me.data, 'fund_approver') && (
            <Button component={Link} to="/funding/funds/new">
              {o('open')}
            </Button>
          )}
          <Anchor component={Link} to="/funding/collections">
            {t('collections')}
          </Anchor>
          <Anchor href="/api/funding/reports/export.xlsx" download>
            {t('export')}
          </Anchor>
          <Anchor href="/api/funding/reports/export.pdf" download>
            {t('exportPdf')}
          </Anchor>
        </Group>
      </PageHeader>
      <Stack maw={1100}>
        <ProblemAlert error={funds.error} />
        {funds.data?.length === 0 && <Text>{t('none')}</Text>}
        {funds.data?.map((f) => (
          <Paper key={f.id} withBorder p="md" component="section" aria-labelledby={`fund-${f.id}`}>
            <Title order={2} size="h4" id={`fund-${f.id}`}>
              <Anchor component={Link} to={`/funding/funds/${f.id}`}>
                {lang === 'en' ? f.nameEn : f.nameTh}
              </Anchor>
            </Title>
            <Text size="sm" c="dimmed">
              <span translate="no">{f.code}</span> · {t('deadline', { date: date(f.rules.deadline) })}
            </Text>
            <SimpleGrid cols={{ base: 2, sm: 4 }} mt="sm">
              <Fact label={t('available')} strong>
                {baht(f.position.available)}
              </Fact>
              <Fact label={t('committed')}>{baht(f.position.committed)}</Fact>
              <Fact label={t('outstanding')}>{baht(f.position.outstanding)}</Fact>
              <Fact label={t('repaid')}>{baht(f.position.repaid)}</Fact>
            </SimpleGrid>
          </Paper>
        ))}
      </Stack>
    </>
  );
}
