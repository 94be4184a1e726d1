import { Anchor, Badge, Paper, SegmentedControl, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ScrollTable } from '../../components/ScrollTable';
import { useFormat } from '../../format';
import { useFundLoans, type LoanStatus } from './queries';
import { LOAN_COLOURS, useBaht } from './words';

const STATUSES: LoanStatus[] = ['committed', 'active', 'repaid', 'written-off'];

/** The fund's loans in the reader's area, latest first, filtered by status, each linked to its page. */
export function FundLoans({ fundId }: { fundId: number }) {
  const { t } = useTranslation('funding', { keyPrefix: 'fundLoans' });
  const { t: w } = useTranslation('funding', { keyPrefix: 'words' });
  const { number } = useFormat();
  const baht = useBaht();
  const [status, setStatus] = useState<LoanStatus | 'all'>('active');
  const loans = useFundLoans(fundId, status === 'all' ? undefined : status);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="fund-loans">
      <Title order={2} size="h4" id="fund-loans" mb="sm">
        {t('title')}
      </Title>
      <SegmentedControl
        aria-label={t('filter')}
        value={status}
        onChange={(v) => setStatus(v as LoanStatus | 'all')}
        data={[{ value: 'all', label: t('all') }, ...STATUSES.map((s) => ({ value: s, label: w(`loanStatus.${s}`) }))]}
        style={{ maxWidth: '100%', overflowX: 'auto' }}
        mb="sm"
      />
      <ProblemAlert error={loans.error} />
      {loans.data?.length === 0 && <Text>{t('none')}</Text>}
      {!!loans.data?.length && (
        <ScrollTable label={t('title')} minWidth={560}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('loan')}</Table.Th>
              <Table.Th>{t('principal')}</Table.Th>
              <Table.Th>{t('outstanding')}</Table.Th>
              <Table.Th>{t('daysLate')}</Table.Th>
              <Table.Th>{t('status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {loans.data.map((l) => (
              <Table.Tr key={l.id} data-testid={`fund-loan-${l.id}`}>
                <Table.Td>
                  <Anchor component={Link} to={`/funding/loans/${l.id}`}>
                    {t('loanOf', { id: l.id, group: l.groupName })}
                  </Anchor>
                </Table.Td>
                <Table.Td>{baht(l.principalSatang)}</Table.Td>
                <Table.Td>{baht(l.outstandingSatang)}</Table.Td>
                <Table.Td>{number(l.daysPastDue)}</Table.Td>
                <Table.Td>
                  <Badge color={LOAN_COLOURS[l.status] ?? 'gray.9'} variant="outline">
                    {w(`loanStatus.${l.status}`)}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
      )}
    </Paper>
  );
}
