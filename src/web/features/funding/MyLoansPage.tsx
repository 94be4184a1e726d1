import { Anchor, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useFormat } from '../../format';
import { useLanguage } from '../../i18n/language';
import { LoanCard } from './GroupLoansPage';
import { ScheduleTable } from './LoanPage';
import { useMyFunding } from './queries';

/**
 * A group leader's (or member's) own page on her phone: her groups' loans with the next due date
 * and amount, each schedule, and the funds she may apply to while they take applications.
 */
export function MyLoansPage() {
  const { t } = useTranslation('funding', { keyPrefix: 'my' });
  const lang = useLanguage();
  const { date } = useFormat();
  const mine = useMyFunding();
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Bangkok' }).format(new Date());
  const leads = (mine.data?.groups ?? []).filter((g) => g.role === 'leader');
  const open = (mine.data?.funds ?? []).filter((f) => f.rules.deadline >= today && (!f.rules.opensOn || f.rules.opensOn <= today));
  return (
    <>
      <PageHeader title={t('title')} intro={t('intro')} />
      <Stack maw={720}>
        <ProblemAlert error={mine.error} />
        {mine.data && mine.data.loans.length === 0 && <Text>{t('noLoans')}</Text>}
        {mine.data?.loans.map((l) => (
          <Stack key={l.id} gap="xs">
            <Text fw={600}>{l.groupName}</Text>
            <LoanCard loan={l} />
            {l.schedule.length > 0 && <ScheduleTable loan={l} />}
          </Stack>
        ))}
        {leads.length > 0 && open.length > 0 && (
          <Paper withBorder p="md" component="section" aria-labelledby="open-funds">
            <Title order={2} size="h4" id="open-funds" mb="xs">
              {t('apply')}
            </Title>
            {open.map((f) => (
              <Text key={f.id}>
                <Anchor component={Link} to={`/funding/funds/${f.id}/apply?group=${leads[0]!.groupId}`}>
                  {lang === 'en' ? f.nameEn : f.nameTh}
                </Anchor>{' '}
                · {t('until', { date: date(f.rules.deadline, 'long') })}
              </Text>
            ))}
          </Paper>
        )}
      </Stack>
    </>
  );
}
