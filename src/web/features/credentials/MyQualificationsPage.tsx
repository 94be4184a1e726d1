import type { TFunction } from 'i18next';
import { Alert, Anchor, Button, Code, Group, List, Loader, Paper, SimpleGrid, Stack, Text, Title, VisuallyHidden } from '@mantine/core';

import { Link } from 'react-router';
import type { components } from '../../api/schema';
import { Fact } from '../../components/Fact';
import { useMyAssessments } from './queries';
import { useMyCredentials } from '../training/queries';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { QrCode } from '../../components/QrCode';
import { bangkokDate } from '../../../shared/fiscal-year';
import { formatThaiDate } from '../../../shared/thai-date';
import { useLanguage } from '../../i18n/language';
import { StatusBadge } from './StatusBadge';
import { CANDIDATE_STATUS, RESULT, type Language } from './words';
import { useTranslation } from 'react-i18next';

type Credential = components['schemas']['Credential'];
type MyAssessment = components['schemas']['MyAssessment'];

type Words = TFunction<'credentials', 'myQualifications'>;

const STATUS = {
  valid: { colour: '#1b5e20', mark: '✓' },
  revoked: { colour: 'red.9', mark: '✕' },
  expired: { colour: 'gray.7', mark: '!' },
} as const;

/** A citizen's own assessments and qualification credentials. */
export function MyQualificationsPage() {
  const { t } = useTranslation('credentials', { keyPrefix: 'myQualifications' });
  const lang = useLanguage();
  const credentials = useMyCredentials();
  const assessments = useMyAssessments();
  const qualifications = (credentials.data ?? []).filter((c) => c.kind === 'qualification');

  return (
    <>
      <PageHeader title={t('title')} intro={t('intro')}>
        <Anchor component={Link} to="/my/certificates" w="fit-content">
          {t('certificates')}
        </Anchor>
      </PageHeader>
      <Stack gap="xl" maw={900}>
        <section aria-labelledby="qualifications-heading">
          <Title order={2} size="h3" id="qualifications-heading" mb="sm">
            {t('qualifications')}
          </Title>
          <ProblemAlert error={credentials.error} />
          {credentials.isPending && (
            <Group gap="xs" role="status">
              <Loader size="sm" aria-hidden />
              <Text>{t('loading')}</Text>
            </Group>
          )}
          {credentials.data && qualifications.length === 0 && <Text>{t('noQualifications')}</Text>}
          <Stack>
            {qualifications.map((c) => (
              <QualificationCard key={c.code} c={c} t={t} lang={lang} />
            ))}
          </Stack>
        </section>
        <section aria-labelledby="assessments-heading">
          <Title order={2} size="h3" id="assessments-heading" mb="sm">
            {t('assessments')}
          </Title>
          <ProblemAlert error={assessments.error} />
          {assessments.data?.length === 0 && <Text>{t('noAssessments')}</Text>}
          <Stack>
            {(assessments.data ?? []).map((a) => (
              <AssessmentCard key={a.id} a={a} t={t} lang={lang} />
            ))}
          </Stack>
        </section>
      </Stack>
    </>
  );
}

/** Downloads of a credential: the PDF to print, and the signed JSON when there is one. */
export function CredentialDownloads({ c, title, pdf, json, newWindow }: { c: Credential; title: string; pdf: string; json: string; newWindow: string }) {
  return (
    <Group gap="sm" wrap="wrap">
      <Button component="a" href={`/api/credentials/${encodeURIComponent(c.code)}/pdf`} target="_blank" rel="noopener" size="md">
        {pdf}
        <VisuallyHidden>
          : {title} {newWindow}
        </VisuallyHidden>
      </Button>
      {c.signed && (
        <Button
          component="a"
          href={`/api/credentials/${encodeURIComponent(c.code)}/credential.json`}
          download={`credential-${c.code}.json`}
          variant="default"
          size="md"
        >
          {json}
          <VisuallyHidden>: {title}</VisuallyHidden>
        </Button>
      )}
    </Group>
  );
}

function QualificationCard({ c, t, lang }: { c: Credential; t: Words; lang: Language }) {
  const { t: words } = useTranslation('credentials');
  const title = lang === 'th' ? c.titleTh : c.titleEn;
  const headingId = `qualification-${c.code}`;
  const date = (iso: string) => formatThaiDate(iso, { style: 'long', locale: lang });
  const usable = c.status !== 'revoked';
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={headingId}>
      <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
        <Title order={3} size="h3" id={headingId} style={{ flex: '1 1 14rem', minWidth: 0, overflowWrap: 'anywhere' }}>
          {title}
        </Title>
        <StatusBadge look={STATUS[c.status]} label={words(`credentialStatus.${c.status}`)} size="xl" />
      </Group>
      {c.status === 'revoked' && (
        <Alert color="red" variant="light" mt="sm" styles={{ message: { color: '#8b1a1a' } }}>
          <Text>{t('revokedNote', { date: c.revokedAt ? date(bangkokDate(new Date(c.revokedAt))) : '–' })}</Text>
          {c.revokedReason && <Text size="sm">{t('reason', { reason: c.revokedReason })}</Text>}
        </Alert>
      )}
      <Group align="flex-start" gap="lg" mt="sm" wrap="wrap">
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm" style={{ flex: '1 1 16rem', minWidth: 0 }}>
          {c.level !== null && (
            <Fact strong label={t('level')}>
              {c.level}
            </Fact>
          )}
          <Fact strong label={t('issuedOn')}>
            {date(c.issuedOn)}
          </Fact>
          {c.assessedOn && (
            <Fact strong label={t('assessedOn')}>
              {date(c.assessedOn)}
            </Fact>
          )}
          {c.expiresOn && (
            <Fact strong label={t('expiresOn')}>
              {date(c.expiresOn)}
            </Fact>
          )}
          <Fact strong label={t('issuer')}>
            {lang === 'th' ? c.issuerNameTh : c.issuerNameEn}
          </Fact>
          <Fact strong label={t('code')}>
            <Code fz="md">{c.code}</Code>
          </Fact>
        </SimpleGrid>
        {usable && <QrCode value={c.verifyUrl} label={t('qr', { title })} size={160} />}
      </Group>
      {c.units.length > 0 && (
        <>
          <Text size="sm" c="dimmed" mt="sm">
            {t('units')}
          </Text>
          <List size="sm" spacing={2}>
            {c.units.map((u) => (
              <List.Item key={u.code}>
                {lang === 'th' ? u.nameTh : u.nameEn}{' '}
                <Text span c="dimmed" size="xs">
                  ({u.code})
                </Text>
              </List.Item>
            ))}
          </List>
        </>
      )}
      {usable && (
        <Stack gap="xs" mt="md">
          <CredentialDownloads c={c} title={title} pdf={t('pdf')} json={t('json')} newWindow={t('newWindow')} />
          <div>
            <Anchor href={c.verifyUrl} style={{ overflowWrap: 'anywhere' }}>
              {t('publicPage')}
            </Anchor>
            <Text size="sm" mt={4}>
              {t('publicNote')}
            </Text>
          </div>
        </Stack>
      )}
    </Paper>
  );
}

function AssessmentCard({ a, t, lang }: { a: MyAssessment; t: Words; lang: Language }) {
  const { t: words } = useTranslation('credentials');
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={`assessment-${a.id}`}>
      <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
        <Title order={3} size="h4" id={`assessment-${a.id}`} style={{ flex: '1 1 14rem', minWidth: 0 }}>
          {lang === 'th' ? a.qualificationTh : a.qualificationEn}
        </Title>
        <Group gap="xs">
          <StatusBadge look={CANDIDATE_STATUS[a.status]} label={words(`candidateStatus.${a.status}`)} />
          {a.overall && <StatusBadge look={RESULT[a.overall]} label={words(`result.${a.overall}`)} />}
        </Group>
      </Group>
      {a.eventStatus === 'cancelled' && (
        <Text mt="xs" fw={600}>
          {t('cancelled')}
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm" mt="sm">
        <Fact strong label={t('assessedOn')}>
          {formatThaiDate(a.assessedOn, { style: 'long', locale: lang })}
        </Fact>
        <Fact strong label={t('centre')}>
          {lang === 'th' ? a.centreNameTh : a.centreNameEn}
        </Fact>
        <Fact strong label={t('place')}>
          {a.online ? t('online') : (a.venue ?? '—')}
        </Fact>
        <Fact strong label={a.eventCode}>
          {t('unitsToAssess', { n: a.units.length })}
        </Fact>
      </SimpleGrid>
    </Paper>
  );
}
