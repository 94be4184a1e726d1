import { Badge, Button, Group, Paper, Select, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiProblem, unwrap } from '../../api/client';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatThaiDateTime } from '../../../shared/thai-date';
import { useLanguage } from '../../i18n/language';
import { named } from './words';
import { useCredentialsRefresh, usePersonExperience, useStandards } from './queries';

/**
 * A person's prior experience against the occupational standards, for the person page; officers
 * record it here with the evidence they saw. Hidden from roles that may not read it.
 */
export function PriorExperienceCard({ personId, canRecord }: { personId: number; canRecord: boolean }) {
  const { t } = useTranslation('credentials', { keyPrefix: 'priorExperienceCard' });
  const lang = useLanguage();
  const refresh = useCredentialsRefresh();
  const experience = usePersonExperience(personId);
  const standards = useStandards({ enabled: canRecord });
  const [standardCode, setStandard] = useState<string | null>(null);
  const [summary, setSummary] = useState('');
  const [evidence, setEvidence] = useState('');
  const record = useMutation({
    mutationFn: () => unwrap(api.POST('/api/competency/experience', { body: { personId, standardCode: standardCode ?? '', summary, evidence } })),
    onSuccess: () => {
      setSummary('');
      setEvidence('');
      setStandard(null);
      void refresh.person(personId);
    },
  });
  const hidden = experience.error instanceof ApiProblem && (experience.error.status === 403 || experience.error.status === 404);
  if (hidden) return null;
  const errors = record.error instanceof ApiProblem ? record.error.fieldErrors(lang) : {};
  const recorded = new Set((experience.data ?? []).filter((x) => !x.withdrawn).map((x) => x.standardCode));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    record.mutate();
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby={`experience-${personId}`}>
      <Title order={2} size="h4" id={`experience-${personId}`}>
        {t('title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('intro')}
      </Text>
      <ProblemAlert error={experience.error} />
      {experience.data?.length === 0 && <Text mb="sm">{t('none')}</Text>}
      <Stack gap="xs" mb="sm">
        {(experience.data ?? []).map((x) => (
          <Paper key={x.id} withBorder p="sm">
            <Group gap="xs" justify="space-between" wrap="wrap">
              <Text fw={600}>{lang === 'th' ? x.standardNameTh : x.standardNameEn}</Text>
              {x.withdrawn && (
                <Badge color="gray.7" variant="filled" tt="none">
                  {t('withdrawn')}
                </Badge>
              )}
            </Group>
            <Text>{x.summary}</Text>
            <Text size="sm">{t('evidence', { text: x.evidence })}</Text>
            <Text size="xs" c="dimmed">
              {t('recorded', { name: x.recordedBy, when: formatThaiDateTime(new Date(x.recordedAt), lang) })}
            </Text>
          </Paper>
        ))}
      </Stack>
      {canRecord && (
        <form onSubmit={submit} noValidate aria-label={t('add')}>
          <Stack gap="sm">
            <Select
              label={t('standard')}
              required
              placeholder={t('pick')}
              value={standardCode}
              onChange={setStandard}
              error={errors.standardCode}
              maw={480}
              data={(standards.data ?? []).filter((s) => !recorded.has(s.code)).map((s) => ({ value: s.code, label: named(s, lang) }))}
            />
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              <Textarea
                label={t('summary')}
                description={t('summaryHint')}
                required
                autosize
                minRows={2}
                maxLength={2000}
                value={summary}
                onChange={(e) => setSummary(e.currentTarget.value)}
                error={errors.summary}
              />
              <Textarea
                label={t('seen')}
                description={t('seenHint')}
                required
                autosize
                minRows={2}
                maxLength={2000}
                value={evidence}
                onChange={(e) => setEvidence(e.currentTarget.value)}
                error={errors.evidence}
              />
            </SimpleGrid>
            <ProblemAlert error={record.error} />
            <Group>
              <Button type="submit" loading={record.isPending} disabled={!standardCode}>
                {t('save')}
              </Button>
              {record.isSuccess && <Text role="status">{t('saved')}</Text>}
            </Group>
          </Stack>
        </form>
      )}
    </Paper>
  );
}
