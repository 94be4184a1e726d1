import { Alert, Button, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ScrollTable } from '../../components/ScrollTable';
import { useFormat } from '../../format';
import { useLanguage } from '../../i18n/language';
import { useFeed, type FeedFormat } from './queries';

/**
 * A group's products as a channel's feed, built when asked for: how many are valid, each
 * product's errors by field in the reader's language, and the document to download (Lazada's
 * `/product/create` payloads as JSON, Meta's CSV, Google's XML).
 */
export function FeedView({ groupId, format }: { groupId: number; format: FeedFormat }) {
  const { t } = useTranslation('marketplace', { keyPrefix: 'feed' });
  const lang = useLanguage();
  const { number } = useFormat();
  const [asked, setAsked] = useState(false);
  const feed = useFeed(groupId, format, asked);
  const f = feed.data;
  const download = () => {
    if (!f) return;
    const [text, type, name] =
      f.document !== null
        ? [f.document.text, f.document.contentType, f.document.fileName]
        : [
            JSON.stringify(
              f.products.filter((p) => p.payload).map((p) => p.payload),
              null,
              2,
            ),
            'application/json',
            `lazada-group-${groupId}.json`,
          ];
    const url = URL.createObjectURL(new Blob([text], { type }));
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  return (
    <Stack gap="xs" data-testid={`feed-${format}`}>
      {!asked && (
        <Button variant="default" onClick={() => setAsked(true)}>
          {t('build', { format: t(`format.${format}`) })}
        </Button>
      )}
      <ProblemAlert error={feed.error} />
      {f && (
        <>
          <Alert color={f.valid === f.total && f.total > 0 ? 'teal' : 'orange'} role="status" data-testid="feed-result">
            {t('valid', { valid: number(f.valid), total: number(f.total) })}
          </Alert>
          {f.products.some((p) => p.errors.length > 0) && (
            <ScrollTable label={t('errors')} minWidth={520} striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('sku')}</Table.Th>
                  <Table.Th>{t('field')}</Table.Th>
                  <Table.Th>{t('problem')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {f.products.flatMap((p) =>
                  p.errors.map((e, i) => (
                    <Table.Tr key={`${p.listingId}-${i}`}>
                      <Table.Td translate="no">{p.sku}</Table.Td>
                      <Table.Td translate="no">{e.field}</Table.Td>
                      <Table.Td>{lang === 'en' ? e.en : e.th}</Table.Td>
                    </Table.Tr>
                  )),
                )}
              </Table.Tbody>
            </ScrollTable>
          )}
          {f.valid > 0 && (
            <>
              <Button onClick={download} w="fit-content">
                {t('download')}
              </Button>
              {format === 'lazada' && (
                <details>
                  <summary style={{ cursor: 'pointer', minHeight: 24 }}>{t('show')}</summary>
                  <pre data-testid="feed-payload" translate="no" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', fontSize: 12 }}>
                    {JSON.stringify(
                      f.products.filter((p) => p.payload).map((p) => p.payload),
                      null,
                      2,
                    )}
                  </pre>
                </details>
              )}
            </>
          )}
          <Text size="sm" c="dimmed">
            {t('note')}
          </Text>
        </>
      )}
    </Stack>
  );
}
