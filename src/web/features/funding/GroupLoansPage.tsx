import { Anchor, Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Fact } from '../../components/Fact';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useFormat } from '../../format';
import { useGroupLoans, type Loan } from './queries';
import { LOAN_COLOURS, useBaht } from './words';

/** One loan as a card: state, what is owed, the next due date; a link to its schedule. */
export function LoanCard({ loan: l }: { loan: Loan }) {
  const { t } = useTranslation('funding', { keyPrefix: 'groupLoans' });
  const { t: w } = useTranslation('funding', { keyPrefix: 'words' });
  const { date, number } = useFormat();
  const baht = useBaht();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={`loan-${l.id}`} data-testid={`loan-card-${l.id}`}>
      <Group justify="space-between" wrap="wrap">
        <Title order={2} size="h4" id={`loan-${l.id}`}>
          <Anchor component={Link} to={`/funding/loans/${l.id}`}>
            {t('loan', { id: l.id, amount: baht(l.principalSatang) })}
          </Anchor>
        </Title>
        <Badge color={LOAN_COLOURS[l.status] ?? 'gray.9'} variant="outline">
          {w(`loanStatus.${l.status}`)}
        </Badge>
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 4 }} mt="sm">
        <Fact label={t('nextDue')} strong>
          {l.nextDueOn ? date(l.nextDueOn, 'long') : null}
        </Fact>
        <Fact label={t('nextAmount')}>
          {(() => {
            const next = l.schedule.find((i) => i.dueOn === l.nextDueOn);
            return next
              ? baht(next.principalSatang + next.interestSatang + next.feeSatang - next.paidPrincipalSatang - next.paidInterestSatang - next.paidFeeSatang)
              : null;
          })()}
        </Fact>
        <Fact label={t('owed')}>{baht(l.owedSatang)}</Fact>
        <Fact label={t('daysPastDue')}>{l.daysPastDue > 0 ? t('late', { n: number(l.daysPastDue) }) : t('onTime')}</Fact>
      </SimpleGrid>
    </Paper>
  );
}

/** A group's loans, from the group's page. */
export function GroupLoansPage() {
  const id = Number(useParams().id);
  const { t } = useTranslation('funding', { keyPrefix: 'groupLoans' });
  const loans = useGroupLoans(id);
  const name = loans.data?.[0]?.groupName;
  return (
    <>
      <PageHeader title={name ? t('titleOf', { group: name }) : t('title')}>
        <Anchor component={Link} to={`/registry/groups/${id}`}>
          {t('group')}
        </Anchor>
      </PageHeader>
      <Stack maw={900}>
        <ProblemAlert error={loans.error} />
        {loans.data?.length === 0 && <Text>{t('none')}</Text>}
        {loans.data?.map((l) => (
          <LoanCard key={l.id} loan={l} />
        ))}
      </Stack>
    </>
  );
}
