import { Alert, Button, Code, Group, Loader, Modal, Select, Stack, Table, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { useCredentialsRefresh, useIssuerKeys } from './queries';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ScrollTable } from '../../components/ScrollTable';
import { formatThaiDateTime } from '../../../shared/thai-date';
import { useLanguage } from '../../i18n/language';
import { StatusBadge } from './StatusBadge';
import { named, shortKeyId } from './words';
import { useAgencies } from '../../reference';

/** A system administrator's view of an agency's signing keys, and their rotation. */
export function IssuerKeysPage() {
  const { t } = useTranslation('credentials', { keyPrefix: 'issuerKeys' });
  const lang = useLanguage();
  const agencies = useAgencies();
  const [agencyCode, setAgency] = useState<string | null>('TPQI');
  const [confirming, setConfirming] = useState(false);
  const keys = useIssuerKeys(agencyCode);
  const refresh = useCredentialsRefresh();
  const rotate = useMutation({
    mutationFn: () => unwrap(api.POST('/api/credentials/issuers/{agencyCode}/keys/rotate', { params: { path: { agencyCode: agencyCode! } } })),
    onSuccess: (result) => {
      setConfirming(false);
      refresh.issuerKeys(agencyCode!, result.keys);
    },
  });
  const agency = agencies.data?.find((a) => a.code === agencyCode);
  const agencyName = agency ? named(agency, lang) : (agencyCode ?? '');
  // Agencies that sign are those that issue: not the ministry above them.
  const options = (agencies.data ?? []).filter((a) => a.kind !== 'ministry').map((a) => ({ value: a.code, label: `${named(a, lang)} (${a.code})` }));

  return (
    <>
      <PageHeader title={t('title')} intro={t('intro')} />
      <Stack maw={1000}>
        <Select
          label={t('agency')}
          placeholder={t('pick')}
          searchable
          data={options}
          value={agencyCode}
          onChange={(v) => {
            setAgency(v);
            rotate.reset();
          }}
          maw={480}
          size="md"
        />
        <ProblemAlert error={agencies.error ?? keys.error} />
        {keys.isFetching && !keys.data && (
          <Group gap="xs" role="status">
            <Loader size="sm" aria-hidden />
            <Text>{t('loading')}</Text>
          </Group>
        )}
        {rotate.data && (
          <Alert color="green" variant="light" role="status" styles={{ message: { color: '#1b5e20' } }}>
            {t('rotated', { key: shortKeyId(rotate.data.activeKeyId) })}
          </Alert>
        )}
        {keys.data && keys.data.length === 0 && <Text>{t('none')}</Text>}
        {keys.data && keys.data.length > 0 && (
          <ScrollTable label={t('keys', { agency: agencyName })} minWidth={760} striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('key')}</Table.Th>
                <Table.Th>{t('status')}</Table.Th>
                <Table.Th>{t('created')}</Table.Th>
                <Table.Th>{t('retired')}</Table.Th>
                <Table.Th>{t('publicKey')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {keys.data.map((k) => (
                <Table.Tr key={k.id}>
                  <Table.Td>
                    <Code title={k.id}>{shortKeyId(k.id)}</Code>
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge
                      size="md"
                      wrap={false}
                      label={k.status === 'active' ? t('active') : t('retiredStatus')}
                      look={k.status === 'active' ? { colour: '#1b5e20', mark: '✓' } : { colour: 'gray.7', mark: '–' }}
                    />
                  </Table.Td>
                  <Table.Td>{formatThaiDateTime(new Date(k.createdAt), lang)}</Table.Td>
                  <Table.Td>{k.retiredAt ? formatThaiDateTime(new Date(k.retiredAt), lang) : '—'}</Table.Td>
                  <Table.Td>
                    <Code style={{ overflowWrap: 'anywhere', whiteSpace: 'normal' }}>{k.publicKeyMultibase}</Code>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ScrollTable>
        )}
        {agencyCode && keys.data && (
          <Group>
            <Button color="red.9" variant="outline" size="md" onClick={() => setConfirming(true)}>
              {t('rotate')}
            </Button>
          </Group>
        )}
      </Stack>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('rotateTitle', { agency: agencyName })}>
        <Stack>
          <Text>{t('rotateText')}</Text>
          <ProblemAlert error={rotate.error} />
          <Group justify="end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('back')}
            </Button>
            <Button color="red.9" onClick={() => rotate.mutate()} loading={rotate.isPending}>
              {t('confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
