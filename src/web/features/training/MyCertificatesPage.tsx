import type { TFunction } from 'i18next';
import { Alert, Anchor, Badge, Button, Code, CopyButton, Group, Loader, Paper, SimpleGrid, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useEffect } from 'react';
import { Link, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { components } from '../../api/schema';
import { useMyCredentials } from './queries';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { QrCode } from '../../components/QrCode';
import { bangkokDate } from '../../../shared/fiscal-year';
import { formatThaiDate } from '../../../shared/thai-date';
import { useLanguage } from '../../i18n/language';
import { Fact } from '../../components/Fact';

type Credential = components['schemas']['Credential'];
type Language = 'th' | 'en';

type Words = TFunction<'training', 'myCertificates'>;

/** Filled badges whose white text stays above 4.5:1. */
const STATUS_COLOURS: Record<Credential['status'], string> = { valid: '#1b5e20', revoked: 'red.9', expired: 'gray.7' };

/** Usable certificates first; revoked ones last, kept as a record. */
const ORDER: Record<Credential['status'], number> = { valid: 0, expired: 1, revoked: 2 };
const sorted = (list: Credential[]) => [...list].sort((a, b) => ORDER[a.status] - ORDER[b.status]);

export function MyCertificatesPage() {
  const { t } = useTranslation('training', { keyPrefix: 'myCertificates' });
  const lang = useLanguage();
  const { hash } = useLocation();
  const credentials = useMyCredentials();
  const loaded = Boolean(credentials.data);
  // Qualifications have their own page, with the assessments that led to them.
  const certificates = (credentials.data ?? []).filter((c) => c.kind === 'training-completion');
  const qualifications = (credentials.data ?? []).length - certificates.length;

  // A link from My courses names one certificate (#certificate-CODE): bring it into view once drawn.
  useEffect(() => {
    if (!loaded || !hash) return;
    const target = document.getElementById(decodeURIComponent(hash.slice(1)));
    target?.scrollIntoView({ block: 'start' });
    target?.focus({ preventScroll: true });
  }, [loaded, hash]);

  return (
    <>
      <PageHeader title={t('title')} intro={t('intro')} />
      <ProblemAlert error={credentials.error} />
      {credentials.isPending && (
        <Group gap="xs" role="status">
          <Loader size="sm" aria-hidden />
          <Text>{t('loading')}</Text>
        </Group>
      )}
      {qualifications > 0 && (
        <Anchor component={Link} to="/my/qualifications" display="block" mb="md">
          {t('qualifications', { n: qualifications })}
        </Anchor>
      )}
      {credentials.data && certificates.length === 0 && (
        <Stack gap="xs">
          <Text>{t('none')}</Text>
          <Anchor component={Link} to="/my/courses" w="fit-content">
            {t('myCourses')}
          </Anchor>
        </Stack>
      )}
      <Stack maw={900}>
        {sorted(certificates).map((c) => (
          <CertificateCard key={c.code} c={c} t={t} lang={lang} />
        ))}
      </Stack>
    </>
  );
}

function CertificateCard({ c, t, lang }: { c: Credential; t: Words; lang: Language }) {
  const title = lang === 'th' ? c.titleTh : c.titleEn;
  const headingId = `certificate-title-${c.code}`;
  const date = (iso: string) => formatThaiDate(iso, { style: 'long', locale: lang });
  const trained = !c.startedOn || !c.endedOn ? '—' : c.startedOn === c.endedOn ? date(c.startedOn) : `${date(c.startedOn)} – ${date(c.endedOn)}`;
  // A revoked certificate must not travel further; an expired one is still a true record.
  const usable = c.status !== 'revoked';
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={headingId} id={`certificate-${c.code}`} tabIndex={-1}>
      <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
        <Title order={2} size="h3" id={headingId} style={{ flex: '1 1 14rem', minWidth: 0, overflowWrap: 'anywhere' }}>
          {title}
        </Title>
        <Badge color={STATUS_COLOURS[c.status]} variant="filled" size="xl" tt="none">
          {t(c.status)}
        </Badge>
      </Group>

      {c.status === 'revoked' && (
        <Alert color="red" variant="light" mt="sm" styles={{ message: { color: '#8b1a1a' } }}>
          <Text>{t('revokedNote', { date: c.revokedAt ? date(bangkokDate(new Date(c.revokedAt))) : '–' })}</Text>
          {c.revokedReason && <Text size="sm">{t('revokedReason', { reason: c.revokedReason })}</Text>}
        </Alert>
      )}
      {c.status === 'expired' && c.expiresOn && (
        <Text mt="sm" fw={600}>
          {t('expiredNote', { date: date(c.expiresOn) })}
        </Text>
      )}

      <Group align="flex-start" gap="lg" mt="sm" wrap="wrap">
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm" style={{ flex: '1 1 16rem', minWidth: 0 }}>
          {c.hours !== null && <Fact label={t('hours')}>{t('hoursValue', { n: c.hours })}</Fact>}
          <Fact label={t('issuedOn')}>{date(c.issuedOn)}</Fact>
          <Fact label={t('trainedOn')}>{trained}</Fact>
          <Fact label={t('issuer')}>{lang === 'th' ? c.issuerNameTh : c.issuerNameEn}</Fact>
          {c.expiresOn && <Fact label={t('expiresOn')}>{date(c.expiresOn)}</Fact>}
          <Fact label={t('code')}>
            <Code fz="md">{c.code}</Code>
          </Fact>
        </SimpleGrid>
        {usable && <QrCode value={c.verifyUrl} label={t('qr', { title })} size={168} />}
      </Group>

      {usable && (
        <Stack gap="xs" mt="md">
          <Group gap="sm" wrap="wrap">
            <Button component="a" href={`/api/credentials/${encodeURIComponent(c.code)}/pdf`} target="_blank" rel="noopener" size="md">
              {t('download')}
              <VisuallyHidden>
                : {title} {t('newWindow')}
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
                {t('json')}
                <VisuallyHidden>: {title}</VisuallyHidden>
              </Button>
            )}
            <CopyButton value={c.verifyUrl}>
              {({ copied, copy }) => (
                <Button variant="default" size="md" onClick={copy} aria-live="polite">
                  {copied ? t('copied') : t('copy')}
                </Button>
              )}
            </CopyButton>
          </Group>
          <div>
            <Text size="sm" c="dimmed">
              {t('check')}
            </Text>
            <Anchor href={c.verifyUrl} style={{ overflowWrap: 'anywhere' }}>
              {c.verifyUrl}
            </Anchor>
            <Text size="sm" mt={4}>
              {t('checkNote')}
            </Text>
          </div>
        </Stack>
      )}
    </Paper>
  );
}
