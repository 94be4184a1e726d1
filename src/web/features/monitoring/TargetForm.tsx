import { Button, Group, NumberInput, Paper, Select, SimpleGrid, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useLanguage } from '../../i18n/language';
import { nameOf, useProvinces } from '../../reference';
import { monitoringKeys, useIndicators } from './queries';

/**
 * Target entry for headquarters: an indicator's target for the whole country or one province in a
 * fiscal year (B.E.). Saved through PUT /api/monitoring/targets (audited there).
 */
export function TargetForm({ fiscalYear, years }: { fiscalYear: number; years: number[] }) {
  const { t } = useTranslation('monitoring', { keyPrefix: 'targets' });
  const lang = useLanguage();
  const client = useQueryClient();
  const indicators = useIndicators();
  const provinces = useProvinces();
  const [indicator, setIndicator] = useState<string | null>('employment.placed');
  const [year, setYear] = useState(String(fiscalYear));
  const [area, setArea] = useState('*');
  const [value, setValue] = useState<number | string>('');
  const [note, setNote] = useState('');
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.PUT('/api/monitoring/targets/{indicator}/{fiscalYear}/{area}', {
          params: { path: { indicator: indicator as 'employment.placed', fiscalYear: Number(year), area } },
          body: { value: Number(value), note: note.trim() || null },
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: monitoringKeys.all }),
  });
  return (
    <Paper withBorder p="md" component="section" aria-label={t('title')} data-testid="target-form">
      <Title order={2} size="h4" mb="sm">
        {t('title')}
      </Title>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('indicator')}
            allowDeselect={false}
            data={(indicators.data ?? []).filter((i) => i.kind === 'rollup').map((i) => ({ value: i.code, label: nameOf(i, lang) }))}
            value={indicator}
            onChange={setIndicator}
          />
          <Select
            label={t('fiscalYear')}
            allowDeselect={false}
            data={years.map((fy) => ({ value: String(fy), label: String(fy) }))}
            value={year}
            onChange={(v) => v && setYear(v)}
          />
          <Select
            label={t('area')}
            allowDeselect={false}
            searchable
            data={[{ value: '*', label: t('wholeCountry') }, ...(provinces.data ?? []).map((p) => ({ value: p.code, label: nameOf(p, lang) }))]}
            value={area}
            onChange={(v) => v && setArea(v)}
          />
          <NumberInput label={t('value')} min={0} thousandSeparator="," allowDecimal={false} value={value} onChange={setValue} required />
          <TextInput label={t('note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
        </SimpleGrid>
        <ProblemAlert error={save.error} />
        <Group mt="sm">
          <Button type="submit" loading={save.isPending} disabled={value === '' || !indicator}>
            {t('save')}
          </Button>
          {save.isSuccess && (
            <Text size="sm" c="teal.8" role="status">
              {t('saved')}
            </Text>
          )}
        </Group>
      </form>
    </Paper>
  );
}
