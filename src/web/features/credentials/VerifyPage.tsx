import type { TFunction } from 'i18next';
import {
  Alert,
  Anchor,
  Box,
  Button,
  Code,
  Container,
  FileInput,
  Group,
  List,
  Loader,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api, ApiProblem, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { Fact } from '../../components/Fact';
import { useVerification } from './queries';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { setLanguage } from '../../i18n';
import { formatThaiDate } from '../../../shared/thai-date';
import { useLanguage } from '../../i18n/language';
import { agencyOfIssuer, shortKeyId } from './words';
import { useAgencies } from '../../reference';

type Verification = components['schemas']['Verification'];
type DocumentVerification = components['schemas']['DocumentVerification'];
type Checks = NonNullable<Verification['checks']>;
type Language = 'th' | 'en';

type Words = TFunction<'credentials', 'verify'>;

/** The status in both languages, so a reader of either understands it at a glance. */
const STATUS: Record<Verification['status'], { colour: string; mark: string }> = {
  valid: { colour: '#1b5e20', mark: '✓' },
  revoked: { colour: '#a51d1d', mark: '✕' },
  expired: { colour: '#495057', mark: '!' },
  invalid: { colour: '#a51d1d', mark: '✕' },
};

/** A text of the credentials' namespace in both languages: the reader's, and the other fetched too. */
function useBothLanguages(lang: Language) {
  const { t } = useTranslation('credentials');
  const { t: otherT } = useTranslation('credentials', { lng: other(lang) });
  return (
    key:
      | 'credentialStatus.valid'
      | 'credentialStatus.revoked'
      | 'credentialStatus.expired'
      | 'credentialStatus.invalid'
      | 'verify.verified'
      | 'verify.notVerified',
  ) => (lang === 'th' ? { th: t(key), en: otherT(key) } : { th: otherT(key), en: t(key) });
}

const other = (lang: Language): Language => (lang === 'th' ? 'en' : 'th');

/**
 * The public check a QR code on a certificate or qualification opens: no sign-in, its own plain
 * header. The server answers an unknown code with 404 and nothing else, and so does this page.
 * Without a code it offers the code box and the check of a credential file.
 */
export function VerifyPage() {
  const { t } = useTranslation('credentials', { keyPrefix: 'verify' });
  const lang = useLanguage();
  const { t: common, i18n } = useTranslation();
  const code = useParams().code?.trim() ?? '';
  const verification = useVerification(code);
  const unknown = verification.error instanceof ApiProblem && (verification.error.status === 404 || verification.error.status === 400);

  return (
    <>
      <a className="skip-link" href="#main">
        {common('app.skip')}
      </a>
      <Box component="header" px="md" py="xs" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Group justify="space-between" wrap="nowrap" maw={720} mx="auto" mih={44}>
          <Text fw={600} size="lg" c="indigo.9">
            {common('app.name')}
          </Text>
          <Button
            variant="subtle"
            size="compact-md"
            onClick={() => setLanguage(i18n.language === 'th' ? 'en' : 'th')}
            lang={i18n.language === 'th' ? 'en' : 'th'}
          >
            {common('app.switchTo')}
          </Button>
        </Group>
      </Box>
      <Container component="main" id="main" tabIndex={-1} size={720} px="md" py="lg">
        <PageHeader title={t('title')} intro={t('intro')} />
        <Stack gap="lg">
          {verification.isFetching && !verification.data && (
            <Group gap="xs" role="status">
              <Loader size="sm" aria-hidden />
              <Text>{t('checking')}</Text>
            </Group>
          )}
          {unknown && (
            <Alert
              color="gray"
              variant="outline"
              role="alert"
              title={t('notFound')}
              styles={{ title: { color: '#212529', fontSize: 'var(--mantine-font-size-xl)' } }}
            >
              {t('notFoundHint')}
            </Alert>
          )}
          {!unknown && <ProblemAlert error={verification.error} />}
          {verification.data && <Result v={verification.data} t={t} lang={lang} />}
          {/* A code that was not found stays in the box, to be corrected rather than typed again. */}
          <CodeForm key={`${code}-${unknown}`} t={t} initial={unknown ? code : ''} />
          <FileCheck t={t} lang={lang} />
        </Stack>
      </Container>
    </>
  );
}

/** Agencies' names for an issuer id (public reference data). */
function useIssuerName(lang: Language) {
  const agencies = useAgencies();
  return (issuerId: string | null) => {
    if (!issuerId) return '—';
    const agency = agencies.data?.find((a) => a.code === agencyOfIssuer(issuerId));
    return agency ? (lang === 'th' ? agency.nameTh : agency.nameEn) : issuerId;
  };
}

function Result({ v, t, lang }: { v: Verification; t: Words; lang: Language }) {
  const { t: words } = useTranslation('credentials');
  const both = useBothLanguages(lang);
  const status = { ...STATUS[v.status], ...both(`credentialStatus.${v.status}`) };
  const date = (iso: string) => formatThaiDate(iso, { style: 'long', locale: lang });
  const note =
    v.status === 'valid'
      ? t('validNote')
      : v.status === 'revoked'
        ? t('revokedNote', { date: v.revokedOn ? date(v.revokedOn) : '–' })
        : v.status === 'invalid'
          ? t('invalidNote')
          : t('expiredNote', { date: v.expiresOn ? date(v.expiresOn) : '–' });
  const qualification = v.kind === 'qualification';
  return (
    <Paper withBorder component="section" aria-labelledby="verify-result" style={{ overflow: 'hidden' }}>
      <Title order={2} id="verify-result" style={visuallyHidden}>
        {t('result')}
      </Title>
      <StatusBanner status={status} note={note} lang={lang} testId="verification-status" />
      {v.status === 'invalid' && (
        <Alert
          color="red"
          variant="filled"
          role="alert"
          m="md"
          mb={0}
          styles={{ root: { backgroundColor: '#a51d1d' }, message: { color: 'white', fontWeight: 600 } }}
        >
          {t('invalidWarning')}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" p="md">
        <Fact strong label={t('kind')}>
          {words(`kind.${v.kind}`)}
        </Fact>
        <Fact strong label={t('holder')}>
          {v.holderNameMasked}
        </Fact>
        <Fact strong label={qualification ? t('qualification') : t('course')}>
          {lang === 'th' ? v.titleTh : v.titleEn}
        </Fact>
        {v.level !== null && (
          <Fact strong label={t('level')}>
            {v.level}
          </Fact>
        )}
        {v.hours !== null && (
          <Fact strong label={t('hours')}>
            {t('hoursValue', { n: v.hours })}
          </Fact>
        )}
        <Fact strong label={t('issuedOn')}>
          {date(v.issuedOn)}
        </Fact>
        <Fact strong label={t('issuer')}>
          {lang === 'th' ? v.issuerNameTh : v.issuerNameEn}
        </Fact>
        {v.expiresOn && (
          <Fact strong label={t('expiresOn')}>
            {date(v.expiresOn)}
          </Fact>
        )}
        <Fact strong label={t('code')}>
          <Code fz="md">{v.code}</Code>
        </Fact>
      </SimpleGrid>
      <Box px="md" pb="md">
        <Title order={3} size="h4" mb="xs">
          {t('checks')}
        </Title>
        {v.checks ? <CheckList checks={v.checks} t={t} lang={lang} /> : <Text>{t('unsigned')}</Text>}
      </Box>
    </Paper>
  );
}

/** The coloured head of a result: a mark, the status in both languages, and what it means. */
function StatusBanner({
  status,
  note,
  lang,
  testId,
}: {
  status: { th: string; en: string; colour: string; mark: string };
  note: string;
  lang: Language;
  testId: string;
}) {
  return (
    <Box bg={status.colour} c="white" px="md" py="md">
      <Group gap="md" wrap="nowrap" align="center">
        <Text aria-hidden fz={44} fw={700} lh={1} c="white">
          {status.mark}
        </Text>
        <div>
          <Text data-testid={testId} fz={32} fw={700} lh={1.2} c="white">
            {status[lang]}
          </Text>
          <Text lang={other(lang)} fz="md" c="white">
            {status[other(lang)]}
          </Text>
        </div>
      </Group>
      <Text mt="xs" c="white" fw={600}>
        {note}
      </Text>
    </Box>
  );
}

/** Each check in plain words, with a mark and a word for its outcome, never colour alone. */
function CheckList({
  checks,
  t,
  lang,
  issuerName,
}: {
  checks: Pick<Checks, 'signature' | 'status' | 'validity' | 'issuerId' | 'keyId'>;
  t: Words;
  lang: Language;
  issuerName?: string | null;
}) {
  const nameOf = useIssuerName(lang);
  const issuer = issuerName ?? nameOf(checks.issuerId);
  const rows: { ok: boolean | null; text: string; testId: string }[] = [
    checks.signature === 'valid'
      ? { ok: true, text: t('signatureValid', { key: checks.keyId ? shortKeyId(checks.keyId) : '—', issuer }), testId: 'check-signature' }
      : { ok: false, text: t('signatureInvalid'), testId: 'check-signature' },
    checks.status === 'active'
      ? { ok: true, text: t('statusActive'), testId: 'check-status' }
      : checks.status === 'revoked'
        ? { ok: false, text: t('statusRevoked'), testId: 'check-status' }
        : { ok: null, text: t('statusUnknown'), testId: 'check-status' },
    checks.validity === 'current'
      ? { ok: true, text: t('validityCurrent'), testId: 'check-validity' }
      : { ok: false, text: checks.validity === 'expired' ? t('validityExpired') : t('validityNotYet'), testId: 'check-validity' },
  ];
  return (
    <List spacing="xs" listStyleType="none" pl={0}>
      {rows.map((r) => (
        <List.Item key={r.testId} data-testid={r.testId}>
          <Group gap="sm" wrap="nowrap" align="flex-start">
            <Text aria-hidden fw={700} fz="lg" lh={1.4} c={r.ok === true ? '#1b5e20' : r.ok === false ? '#a51d1d' : '#495057'} w={20}>
              {r.ok === true ? '✓' : r.ok === false ? '✕' : '?'}
            </Text>
            <Text style={{ overflowWrap: 'anywhere' }}>
              <Text span fw={700}>
                {r.ok === true ? t('passed') : r.ok === false ? t('failed') : t('unknown')}:{' '}
              </Text>
              {r.text}
            </Text>
          </Group>
        </List.Item>
      ))}
    </List>
  );
}

const visuallyHidden = {
  position: 'absolute',
  width: 1,
  height: 1,
  padding: 0,
  margin: -1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
  border: 0,
} as const;

function CodeForm({ t, initial }: { t: Words; initial: string }) {
  const navigate = useNavigate();
  const [value, setValue] = useState(initial);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const code = value.trim().toUpperCase();
    if (code) navigate(`/verify/${encodeURIComponent(code)}`);
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="verify-another">
      <Title order={2} size="h4" id="verify-another" mb="sm">
        {t('another')}
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput
            label={t('codeLabel')}
            description={t('codeHint')}
            value={value}
            onChange={(e) => setValue(e.currentTarget.value)}
            maxLength={40}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            size="md"
          />
          <Button type="submit" size="md" disabled={!value.trim()} w={{ base: '100%', xs: 'fit-content' }}>
            {t('check')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}

/** A credential file checked by the server: chosen (and checked at once) or pasted. */
function FileCheck({ t, lang }: { t: Words; lang: Language }) {
  const [file, setFile] = useState<File | null>(null);
  const [text, setText] = useState('');
  const [localError, setLocalError] = useState<'notJson' | 'notObject' | null>(null);
  // Said in both languages, as the status is: the other language's words are fetched too.
  const { t: otherT } = useTranslation('credentials', { keyPrefix: 'verify', lng: other(lang) });
  const check = useMutation({
    mutationFn: (document: Record<string, unknown>) => unwrap(api.POST('/api/verify', { body: document })),
  });
  const run = (content: string) => {
    setLocalError(null);
    check.reset();
    let parsed: unknown;
    try {
      parsed = JSON.parse(content);
    } catch {
      setLocalError('notJson');
      return;
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      setLocalError('notObject');
      return;
    }
    check.mutate(parsed as Record<string, unknown>);
  };
  const choose = async (chosen: File | null) => {
    setFile(chosen);
    if (!chosen) return;
    const content = await chosen.text();
    setText(content);
    run(content);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    run(text);
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="verify-file">
      <Title order={2} size="h4" id="verify-file" mb={4}>
        {t('file')}
      </Title>
      <Text size="sm" mb="sm">
        {t('fileIntro')}
      </Text>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <FileInput
            label={t('fileLabel')}
            placeholder={t('filePlaceholder')}
            accept="application/json,.json"
            value={file}
            onChange={(f) => void choose(f)}
            size="md"
            clearable
            clearButtonProps={{ 'aria-label': t('clearFile') }}
          />
          <Textarea
            label={t('paste')}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            autosize
            minRows={3}
            maxRows={8}
            size="md"
            spellCheck={false}
            styles={{ input: { fontFamily: 'ui-monospace, Menlo, Consolas, monospace, Sarabun, sans-serif', fontSize: 13 } }}
          />
          <Button type="submit" size="md" disabled={!text.trim()} loading={check.isPending} w={{ base: '100%', xs: 'fit-content' }}>
            {t('checkFile')}
          </Button>
        </Stack>
      </form>
      {localError && (
        <Alert color="red" variant="light" role="alert" mt="sm" styles={{ message: { color: '#8b1a1a' } }}>
          <Text>{t(localError)}</Text>
          <Text size="sm" lang={other(lang)}>
            {otherT(localError)}
          </Text>
        </Alert>
      )}
      <Box mt="sm">
        <ProblemAlert error={check.error} />
      </Box>
      {check.data && <DocumentResult r={check.data} t={t} lang={lang} />}
    </Paper>
  );
}

function DocumentResult({ r, t, lang }: { r: DocumentVerification; t: Words; lang: Language }) {
  const both = useBothLanguages(lang);
  const status = r.verified ? { ...both('verify.verified'), colour: '#1b5e20', mark: '✓' } : { ...both('verify.notVerified'), colour: '#a51d1d', mark: '✕' };
  const day = (instant: string | null) => (instant ? formatThaiDate(instant.slice(0, 10), { style: 'long', locale: lang }) : null);
  return (
    <Paper withBorder mt="md" component="section" aria-labelledby="verify-file-result" style={{ overflow: 'hidden' }} role="status">
      <Title order={3} id="verify-file-result" style={visuallyHidden}>
        {t('result')}
      </Title>
      <StatusBanner status={status} note={r.verified ? t('verifiedNote') : t('problems')} lang={lang} testId="document-verification-status" />
      {r.problems.length > 0 && (
        <List spacing="xs" p="md" pb={0} data-testid="document-problems">
          {r.problems.map((p) => (
            <List.Item key={p.en}>
              <Text fw={600}>{p[lang]}</Text>
              <Text size="sm" lang={other(lang)}>
                {p[other(lang)]}
              </Text>
            </List.Item>
          ))}
        </List>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" p="md">
        {r.achievementName && (
          <Fact strong label={t('achievement')}>
            {r.achievementName}
          </Fact>
        )}
        {r.holderNameMasked && (
          <Fact strong label={t('holder')}>
            {r.holderNameMasked}
          </Fact>
        )}
        {r.issuerName && (
          <Fact strong label={t('issuer')}>
            {r.issuerName}
          </Fact>
        )}
        {day(r.validFrom) && (
          <Fact strong label={t('validFrom')}>
            {day(r.validFrom)}
          </Fact>
        )}
        {day(r.validUntil) && (
          <Fact strong label={t('validUntil')}>
            {day(r.validUntil)}
          </Fact>
        )}
        {r.code && (
          <Fact strong label={t('code')}>
            <Anchor component={Link} to={`/verify/${r.code}`} aria-label={t('openCode', { code: r.code })}>
              {r.code}
            </Anchor>
          </Fact>
        )}
      </SimpleGrid>
      <Box px="md" pb="md">
        <Title order={4} size="h5" mb="xs">
          {t('checks')}
        </Title>
        <CheckList checks={r} t={t} lang={lang} issuerName={r.issuerName} />
      </Box>
    </Paper>
  );
}
