import { useTranslation } from 'react-i18next';
import { Alert, Button, Radio, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { components } from '../../api/schema';
import { api, unwrap } from '../../api/client';
import { useFormat } from '../../format';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ScrollTable } from '../../components/ScrollTable';
import { useLanguage } from '../../i18n/language';

type Import = components['schemas']['Import'];
const LEAVE_EMPTY = '__empty__';

/**
 * The value-mapping step: each distinct value of a coded column that matches no reference value,
 * with how many rows hold it; the officer maps it to a reference value or to "leave empty". The
 * server remembers the choice for the unit's next file.
 */
export function ImportValueMapping({ imp, label, onSaved }: { imp: Import; label: (field: string) => string; onSaved: () => void }) {
  const { t } = useTranslation('registry', { keyPrefix: 'registryImports' });
  const { number } = useFormat();
  const lang = useLanguage();
  const [chosen, setChosen] = useState<Record<string, string | null>>({});
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.PUT('/api/registry/imports/{id}/values', {
          params: { path: { id: imp.id } },
          body: {
            values: Object.entries(chosen)
              .filter(([, v]) => v !== null)
              .map(([key, v]) => {
                const [field, value] = key.split('\u0000') as [string, string];
                return { field, value, code: v === LEAVE_EMPTY ? null : v };
              }),
          },
        }),
      ),
    onSuccess: () => {
      setChosen({});
      onSaved();
    },
  });

  return (
    <Stack>
      <Title order={3} size="h5">
        {t('values')}
      </Title>
      {imp.values.length === 0 ? (
        <Text size="sm">{t('valuesNone')}</Text>
      ) : (
        <>
          <Text size="sm">{t('valuesHint')}</Text>
          <ScrollTable label={t('values')} minWidth={320}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('value')}</Table.Th>
                <Table.Th>{t('mapValue')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {imp.values.map((v) => {
                const key = `${v.field}\u0000${v.value}`;
                const current = key in chosen ? chosen[key] : v.mapped ? (v.code ?? LEAVE_EMPTY) : null;
                return (
                  <Table.Tr key={key}>
                    <Table.Td>
                      <Text size="sm" c="dimmed">
                        {label(v.field)}
                      </Text>
                      <Text fw={500}>{v.value}</Text>
                      <Text size="sm">{t('valueCount', { n: number(v.count) })}</Text>
                    </Table.Td>
                    <Table.Td miw={180}>
                      <Select
                        aria-label={`${t('mapValue')}: ${v.value}`}
                        size="sm"
                        searchable
                        placeholder={t('notMapped')}
                        value={current}
                        onChange={(next) => setChosen((c) => ({ ...c, [key]: next }))}
                        data={[
                          { value: LEAVE_EMPTY, label: t('leaveEmpty') },
                          ...(imp.valueChoices[v.field] ?? []).map((c) => ({ value: c.code, label: lang === 'th' ? c.th : c.en })),
                        ]}
                      />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </ScrollTable>
          <Button
            variant="default"
            w="fit-content"
            onClick={() => save.mutate()}
            loading={save.isPending}
            disabled={Object.values(chosen).every((v) => v === null)}
          >
            {t('saveValues')}
          </Button>
          <ProblemAlert error={save.error} />
        </>
      )}
    </Stack>
  );
}

/** The lawful basis of the file's sensitive data, declared once for the file (PDPA s.26). */
export function ImportLawfulBasis({ imp, onSaved }: { imp: Import; onSaved: () => void }) {
  const { t } = useTranslation('registry', { keyPrefix: 'registryImports' });
  const [basis, setBasis] = useState<string>(imp.lawfulBasis?.basis ?? 'none');
  const [evidence, setEvidence] = useState(imp.lawfulBasis?.evidence ?? '');
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.PUT('/api/registry/imports/{id}/lawful-basis', {
          params: { path: { id: imp.id } },
          body: basis === 'none' ? { basis: null } : { basis: basis as 'explicit-consent' | 'legal-obligation', evidence },
        }),
      ),
    onSuccess: onSaved,
  });
  const names: Record<string, string> = { 'explicit-consent': t('basisConsent'), 'legal-obligation': t('basisLegal') };
  return (
    <Stack>
      <Title order={3} size="h5">
        {t('basis')}
      </Title>
      <Text size="sm">{t('basisHint')}</Text>
      <Radio.Group value={basis} onChange={setBasis} aria-label={t('basis')}>
        <Stack gap="xs">
          <Radio value="none" label={t('basisNone')} />
          <Radio value="explicit-consent" label={t('basisConsent')} />
          <Radio value="legal-obligation" label={t('basisLegal')} />
        </Stack>
      </Radio.Group>
      {basis !== 'none' && (
        <TextInput label={t('evidence')} description={t('evidenceHint')} value={evidence} onChange={(e) => setEvidence(e.currentTarget.value)} />
      )}
      <Button variant="default" w="fit-content" onClick={() => save.mutate()} loading={save.isPending}>
        {t('saveBasis')}
      </Button>
      {imp.lawfulBasis && (
        <Alert color="gray" variant="light">
          {t('basisSaved', { basis: names[imp.lawfulBasis.basis] })} — {imp.lawfulBasis.evidence}
        </Alert>
      )}
      <ProblemAlert error={save.error} />
    </Stack>
  );
}
