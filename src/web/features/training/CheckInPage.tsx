import type { TFunction } from 'i18next';
import { Alert, Anchor, Button, Paper, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useRef } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, ApiProblem, unwrap } from '../../api/client';
import { Fact } from '../../components/Fact';
import { useTrainingRefresh } from './queries';
import { PageHeader } from '../../components/PageHeader';
import { useMe } from '../../session';
import { formatThaiDate } from '../../../shared/thai-date';
import { useLanguage } from '../../i18n/language';

type Language = 'th' | 'en';

type Words = TFunction<'training', 'checkIn'>;

/**
 * The page a venue's QR code opens. It posts only when the person presses the button, so opening
 * or refreshing the page (or React running effects twice) never records anything by itself.
 */
export function CheckInPage() {
  const { t } = useTranslation('training', { keyPrefix: 'checkIn' });
  const lang = useLanguage();
  const code = useParams().code ?? '';
  const { data: me } = useMe();
  const refresh = useTrainingRefresh();
  const result = useRef<HTMLDivElement>(null);
  const checkIn = useMutation({
    mutationFn: () => unwrap(api.POST('/api/training/check-in', { body: { code } })),
    onSuccess: () => void refresh.myEnrolment(),
    onSettled: () => requestAnimationFrame(() => result.current?.focus()),
  });
  const done = checkIn.data;

  return (
    <>
      <PageHeader title={t('title')} intro={done ? undefined : t('intro')} />
      <Stack maw={560}>
        {!done && (
          <>
            {me && me.personId === null && <Text fw={600}>{t('notCitizen')}</Text>}
            <Button size="xl" onClick={() => checkIn.mutate()} loading={checkIn.isPending} fullWidth>
              {t('confirm')}
            </Button>
          </>
        )}
        <div ref={result} tabIndex={-1} role="status" aria-live="polite">
          {done && (
            <Paper withBorder p="md" style={{ borderColor: '#1b5e20', borderWidth: 2 }}>
              <Text fz="xl" fw={700} c="#1b5e20" mb="sm">
                <span aria-hidden>✓ </span>
                {t('done')}
              </Text>
              <Stack gap="xs">
                <Fact inline strong label={t('course')}>
                  {lang === 'th' ? done.curriculumNameTh : done.curriculumNameEn}
                </Fact>
                <Fact inline strong label={t('day')}>
                  {formatThaiDate(done.day, { style: 'long', locale: lang })}
                </Fact>
                <Fact inline strong label={t('hours')}>
                  {t('hoursValue', { n: done.hours })}
                </Fact>
                <Fact inline strong label={t('sessionCode')}>
                  {done.sessionCode}
                </Fact>
              </Stack>
            </Paper>
          )}
          {checkIn.error ? <Failure error={checkIn.error} t={t} lang={lang} /> : null}
        </div>
        <Anchor component={Link} to="/my/courses" w="fit-content">
          {t('myCourses')}
        </Anchor>
      </Stack>
    </>
  );
}

/** The server's reason in the reader's language, its YYYY-MM-DD dates written the way she reads dates. */
function Failure({ error, t, lang }: { error: unknown; t: Words; lang: Language }) {
  const problem = error instanceof ApiProblem ? error : null;
  const title = problem?.status === 404 ? t('notFound') : problem?.status === 422 ? t('wrongDay') : t('failed');
  const reason = problem
    ? problem.text(lang).replace(/\b(\d{4}-\d{2}-\d{2})\b/g, (iso) => {
        try {
          return formatThaiDate(iso, { style: 'long', locale: lang });
        } catch {
          return iso;
        }
      })
    : null;
  return (
    <Alert color="red" variant="light" title={title} role="alert" styles={{ message: { color: '#8b1a1a' } }}>
      {reason && <Text>{reason}</Text>}
      <Text size="sm" mt="xs">
        {t('askOfficer')}
      </Text>
    </Alert>
  );
}
