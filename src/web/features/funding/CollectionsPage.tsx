import { Anchor, Badge, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ScrollTable } from '../../components/ScrollTable';
import { useFormat } from '../../format';
import { useLanguage } from '../../i18n/language';
import { nameOf, useProvinces } from '../../reference';
import { useCollections } from './queries';
import { useBaht } from './words';

type Bucket = 'current' | '1-30' | '31-60' | '61-90' | 'over-90';

/** The collection queue: loans past due in the reader's area, longest late first, with the reminders due today. */
export function CollectionsPage() {
  const { t } = useTranslation('funding', { keyPrefix: 'collections' });
  const { t: w } = useTranslation('funding', { keyPrefix: 'words' });
  const lang = useLanguage();
  const { number } = useFormat();
  const baht = useBaht();
  const provinces = useProvinces();
  const queue = useCollections();
  return (
    <>
      <PageHeader title={t('title')} intro={t('intro')} />
      <Stack maw={1100}>
        <ProblemAlert error={queue.error} />
        {queue.data?.length === 0 && <Text>{t('none')}</Text>}
        {!!queue.data?.length && (
          <ScrollTable label={t('title')} minWidth={720}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('loan')}</Table.Th>
                <Table.Th>{t('province')}</Table.Th>
                <Table.Th>{t('daysLate')}</Table.Th>
                <Table.Th>{t('bucket')}</Table.Th>
                <Table.Th>{t('overdue')}</Table.Th>
                <Table.Th>{t('outstanding')}</Table.Th>
                <Table.Th>{t('reminder')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {queue.data.map((c) => (
                <Table.Tr key={c.loanId} data-testid={`collection-${c.loanId}`}>
                  <Table.Td>
                    <Anchor component={Link} to={`/funding/loans/${c.loanId}`}>
                      {t('loanOf', { id: c.loanId, group: c.groupName })}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    {nameOf(
                      provinces.data?.find((p) => p.code === c.provinceCode),
                      lang,
                    ) || c.provinceCode}
                  </Table.Td>
                  <Table.Td>{number(c.daysPastDue)}</Table.Td>
                  <Table.Td>{w(`bucket.${c.bucket as Bucket}`)}</Table.Td>
                  <Table.Td>{baht(c.overdueSatang)}</Table.Td>
                  <Table.Td>{baht(c.outstandingSatang)}</Table.Td>
                  <Table.Td>
                    {c.reminderDue ? (
                      <Badge color="orange.9" variant="outline">
                        {t('remindToday')}
                      </Badge>
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ScrollTable>
        )}
      </Stack>
    </>
  );
}
