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
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api, ApiProblem, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { setLanguage } from '../../i18n';
import { formatThaiDate } from '../../../shared/thai-date';
import { fill, useLanguage, useText } from '../registry/text';
import { agencyOfIssuer, KIND, shortKeyId } from './words';

type Verification = components['schemas']['Verification'];
type DocumentVerification = components['schemas']['DocumentVerification'];
type Checks = NonNullable<Verification['checks']>;
type Language = 'th' | 'en';

const TEXT = {
  th: {
    title: 'ตรวจสอบเกียรติบัตรและคุณวุฒิ',
    intro: 'หน้านี้แสดงเฉพาะข้อมูลที่จำเป็นต่อการเชื่อถือเอกสาร: สถานะ ชื่อผู้ได้รับที่ปิดบางส่วน ชื่อหลักสูตรหรือคุณวุฒิ วันที่ออก และผู้ออก ไม่แสดงข้อมูลส่วนบุคคลอื่น',
    checking: 'กำลังตรวจสอบ',
    notFound: 'ไม่พบเอกสารรหัสนี้',
    notFoundHint: 'ตรวจดูว่าพิมพ์รหัสตรงกับที่พิมพ์บนเกียรติบัตรหรือคุณวุฒิ',
    result: 'ผลการตรวจสอบ',
    kind: 'ประเภท',
    holder: 'ผู้ได้รับ',
    course: 'หลักสูตร',
    qualification: 'คุณวุฒิ',
    level: 'ระดับคุณวุฒิ',
    hours: 'จำนวนชั่วโมง',
    hoursValue: '{n} ชั่วโมง',
    issuedOn: 'วันที่ออก',
    issuer: 'ผู้ออก',
    code: 'รหัสเอกสาร',
    expiresOn: 'ใช้ได้ถึง',
    validNote: 'เอกสารนี้ออกโดยระบบ Archeep และยังใช้ได้',
    revokedNote: 'เพิกถอนเมื่อ {date} เอกสารนี้ใช้อ้างอิงไม่ได้',
    expiredNote: 'หมดอายุเมื่อ {date}',
    invalidNote: 'ข้อมูลของเอกสารนี้ไม่ตรงกับลายมือชื่ออิเล็กทรอนิกส์ของผู้ออก',
    invalidWarning: 'อย่าเชื่อถือเอกสารนี้: ข้อมูลในระบบไม่ตรงกับที่ผู้ออกลงนามไว้ อาจถูกแก้ไขโดยไม่ได้รับอนุญาต โปรดแจ้งหน่วยงานผู้ออก',
    checks: 'สิ่งที่ตรวจแล้ว',
    unsigned: 'เอกสารนี้ออกก่อนมีการลงลายมือชื่ออิเล็กทรอนิกส์ จึงตรวจได้จากรหัสในฐานข้อมูลของระบบเท่านั้น',
    signatureValid: 'ลายมือชื่ออิเล็กทรอนิกส์ถูกต้อง ตรวจด้วยกุญแจ {key} ของ{issuer}',
    signatureInvalid: 'ลายมือชื่ออิเล็กทรอนิกส์ไม่ตรงกับเนื้อหา: เอกสารถูกแก้ไขหลังลงนาม หรือไม่ได้ลงนามด้วยกุญแจของผู้ออก',
    statusActive: 'ยังไม่ถูกเพิกถอน (ตามรายการสถานะการเพิกถอนของผู้ออก)',
    statusRevoked: 'ถูกเพิกถอนแล้ว (ตามรายการสถานะการเพิกถอนของผู้ออก)',
    statusUnknown: 'ไม่ทราบสถานะการเพิกถอน: อ่านรายการสถานะของผู้ออกไม่ได้',
    validityCurrent: 'อยู่ในช่วงวันที่มีผล',
    validityExpired: 'หมดอายุแล้ว',
    validityNotYet: 'ยังไม่ถึงวันที่เริ่มมีผล',
    passed: 'ผ่าน',
    failed: 'ไม่ผ่าน',
    unknown: 'ไม่ทราบ',
    another: 'ตรวจสอบด้วยรหัส',
    codeLabel: 'รหัสเอกสาร',
    codeHint: 'รหัส 20 ตัวอักษรบนเกียรติบัตรหรือคุณวุฒิ เช่น ABCD-EFGH-JKLM-NPQR-STUV จะพิมพ์ขีดหรือไม่ก็ได้',
    check: 'ตรวจสอบ',
    file: 'ตรวจสอบไฟล์เอกสารรับรอง (JSON)',
    fileIntro:
      'ถ้าคุณได้รับไฟล์เอกสารรับรองที่ลงลายมือชื่ออิเล็กทรอนิกส์ (.json) เลือกไฟล์หรือวางเนื้อหาไฟล์ที่นี่ ระบบจะตรวจลายมือชื่อ กุญแจของผู้ออก สถานะการเพิกถอน และวันที่มีผล โดยไม่ดึงข้อมูลจากที่อื่น',
    fileLabel: 'เลือกไฟล์ .json',
    filePlaceholder: 'ยังไม่ได้เลือกไฟล์',
    clearFile: 'ล้างไฟล์ที่เลือก',
    paste: 'หรือวางเนื้อหาไฟล์ที่นี่',
    checkFile: 'ตรวจสอบไฟล์',
    notJson: 'อ่านไฟล์นี้ไม่ได้: ไม่ใช่ JSON',
    notObject: 'ไฟล์นี้ไม่ใช่เอกสารรับรอง: ต้องเป็นออบเจ็กต์ JSON',
    verified: 'ตรวจสอบผ่าน',
    notVerified: 'ตรวจสอบไม่ผ่าน',
    verifiedNote: 'ลายมือชื่อถูกต้อง ยังไม่ถูกเพิกถอน และอยู่ในช่วงวันที่มีผล',
    problems: 'ปัญหาที่พบ',
    achievement: 'ชื่อเอกสาร',
    validFrom: 'มีผลตั้งแต่',
    validUntil: 'มีผลถึง',
    key: 'กุญแจที่ใช้ลงนาม',
    openCode: 'เปิดผลตรวจสอบด้วยรหัส {code}',
  },
  en: {
    title: 'Check a certificate or qualification',
    intro:
      'This page shows only what is needed to trust the document: its status, the holder’s partly hidden name, the course or qualification, the issue date and the issuer. Nothing else about the person is shown.',
    checking: 'Checking',
    notFound: 'Nothing has this code',
    notFoundHint: 'Check that the code matches the one printed on the certificate or qualification',
    result: 'Result',
    kind: 'Kind',
    holder: 'Holder',
    course: 'Course',
    qualification: 'Qualification',
    level: 'Level',
    hours: 'Hours',
    hoursValue: '{n} hours',
    issuedOn: 'Issued on',
    issuer: 'Issued by',
    code: 'Code',
    expiresOn: 'Valid until',
    validNote: 'This document was issued through Archeep and is valid',
    revokedNote: 'Revoked on {date}; this document cannot be relied on',
    expiredNote: 'Expired on {date}',
    invalidNote: 'This document no longer matches its issuer’s electronic signature',
    invalidWarning:
      'Do not rely on this document: what the system holds differs from what the issuer signed, and may have been altered without authority. Please tell the issuing agency.',
    checks: 'What was checked',
    unsigned: 'This document was issued before electronic signatures; it is checked by its code in the system’s records only.',
    signatureValid: 'Signature verified with key {key} of {issuer}',
    signatureInvalid: 'The signature does not match the content: the document was changed after signing, or not signed with the issuer’s key',
    statusActive: 'Not revoked (the issuer’s status list)',
    statusRevoked: 'Revoked (the issuer’s status list)',
    statusUnknown: 'Revocation status unknown: the issuer’s status list could not be read',
    validityCurrent: 'Within its validity dates',
    validityExpired: 'Expired',
    validityNotYet: 'Not valid yet',
    passed: 'passed',
    failed: 'failed',
    unknown: 'unknown',
    another: 'Check by code',
    codeLabel: 'Code',
    codeHint: 'The 20-character code on the certificate or qualification, e.g. ABCD-EFGH-JKLM-NPQR-STUV; dashes are optional',
    check: 'Check',
    file: 'Check a credential file (JSON)',
    fileIntro:
      'If you were given an electronically signed credential file (.json), choose it or paste its content here. The signature, the issuer’s key, revocation and dates are checked, with nothing fetched from elsewhere.',
    fileLabel: 'Choose a .json file',
    filePlaceholder: 'No file chosen',
    clearFile: 'Clear the chosen file',
    paste: 'Or paste the file’s content here',
    checkFile: 'Check the file',
    notJson: 'This cannot be read: it is not JSON',
    notObject: 'This is not a credential: a JSON object is expected',
    verified: 'Verified',
    notVerified: 'Not verified',
    verifiedNote: 'The signature holds, it is not revoked, and it is within its dates',
    problems: 'Problems found',
    achievement: 'Name',
    validFrom: 'Valid from',
    validUntil: 'Valid until',
    key: 'Signing key',
    openCode: 'Open the check for code {code}',
  },
};
type Words = (typeof TEXT)['th'];

/** The status in both languages, so a reader of either understands it at a glance. */
const STATUS: Record<Verification['status'], { th: string; en: string; colour: string; mark: string }> = {
  valid: { th: 'ใช้ได้', en: 'Valid', colour: '#1b5e20', mark: '✓' },
  revoked: { th: 'ถูกเพิกถอน', en: 'Revoked', colour: '#a51d1d', mark: '✕' },
  expired: { th: 'หมดอายุ', en: 'Expired', colour: '#495057', mark: '!' },
  invalid: { th: 'ไม่ถูกต้อง', en: 'Invalid', colour: '#a51d1d', mark: '✕' },
};

const other = (lang: Language): Language => (lang === 'th' ? 'en' : 'th');

/**
 * The public check a QR code on a certificate or qualification opens: no sign-in, its own plain
 * header. The server answers an unknown code with 404 and nothing else, and so does this page.
 * Without a code it offers the code box and the check of a credential file.
 */
export function VerifyPage() {
  const t = useText(TEXT);
  const lang = useLanguage();
  const { t: common, i18n } = useTranslation();
  const code = useParams().code?.trim() ?? '';
  const verification = useQuery({
    queryKey: ['verify', code],
    enabled: code.length > 0,
    retry: false,
    queryFn: () => unwrap(api.GET('/api/verify/{code}', { params: { path: { code } } })),
  });
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
        <PageHeader title={t.title} intro={t.intro} />
        <Stack gap="lg">
          {verification.isFetching && !verification.data && (
            <Group gap="xs" role="status">
              <Loader size="sm" aria-hidden />
              <Text>{t.checking}</Text>
            </Group>
          )}
          {unknown && (
            <Alert
              color="gray"
              variant="outline"
              role="alert"
              title={t.notFound}
              styles={{ title: { color: '#212529', fontSize: 'var(--mantine-font-size-xl)' } }}
            >
              {t.notFoundHint}
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
  const agencies = useQuery({ queryKey: ['agencies'], staleTime: Infinity, queryFn: () => unwrap(api.GET('/api/agencies')) });
  return (issuerId: string | null) => {
    if (!issuerId) return '—';
    const agency = agencies.data?.find((a) => a.code === agencyOfIssuer(issuerId));
    return agency ? (lang === 'th' ? agency.nameTh : agency.nameEn) : issuerId;
  };
}

function Result({ v, t, lang }: { v: Verification; t: Words; lang: Language }) {
  const status = STATUS[v.status];
  const date = (iso: string) => formatThaiDate(iso, { style: 'long', locale: lang });
  const note =
    v.status === 'valid'
      ? t.validNote
      : v.status === 'revoked'
        ? fill(t.revokedNote, { date: v.revokedOn ? date(v.revokedOn) : '–' })
        : v.status === 'invalid'
          ? t.invalidNote
          : fill(t.expiredNote, { date: v.expiresOn ? date(v.expiresOn) : '–' });
  const qualification = v.kind === 'qualification';
  return (
    <Paper withBorder component="section" aria-labelledby="verify-result" style={{ overflow: 'hidden' }}>
      <Title order={2} id="verify-result" style={visuallyHidden}>
        {t.result}
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
          {t.invalidWarning}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" p="md">
        <Fact label={t.kind}>{KIND[v.kind][lang]}</Fact>
        <Fact label={t.holder}>{v.holderNameMasked}</Fact>
        <Fact label={qualification ? t.qualification : t.course}>{lang === 'th' ? v.titleTh : v.titleEn}</Fact>
        {v.level !== null && <Fact label={t.level}>{v.level}</Fact>}
        {v.hours !== null && <Fact label={t.hours}>{fill(t.hoursValue, { n: v.hours })}</Fact>}
        <Fact label={t.issuedOn}>{date(v.issuedOn)}</Fact>
        <Fact label={t.issuer}>{lang === 'th' ? v.issuerNameTh : v.issuerNameEn}</Fact>
        {v.expiresOn && <Fact label={t.expiresOn}>{date(v.expiresOn)}</Fact>}
        <Fact label={t.code}>
          <Code fz="md">{v.code}</Code>
        </Fact>
      </SimpleGrid>
      <Box px="md" pb="md">
        <Title order={3} size="h4" mb="xs">
          {t.checks}
        </Title>
        {v.checks ? <CheckList checks={v.checks} t={t} lang={lang} /> : <Text>{t.unsigned}</Text>}
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
      ? { ok: true, text: fill(t.signatureValid, { key: checks.keyId ? shortKeyId(checks.keyId) : '—', issuer }), testId: 'check-signature' }
      : { ok: false, text: t.signatureInvalid, testId: 'check-signature' },
    checks.status === 'active'
      ? { ok: true, text: t.statusActive, testId: 'check-status' }
      : checks.status === 'revoked'
        ? { ok: false, text: t.statusRevoked, testId: 'check-status' }
        : { ok: null, text: t.statusUnknown, testId: 'check-status' },
    checks.validity === 'current'
      ? { ok: true, text: t.validityCurrent, testId: 'check-validity' }
      : { ok: false, text: checks.validity === 'expired' ? t.validityExpired : t.validityNotYet, testId: 'check-validity' },
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
                {r.ok === true ? t.passed : r.ok === false ? t.failed : t.unknown}:{' '}
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

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </div>
  );
}

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
        {t.another}
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput
            label={t.codeLabel}
            description={t.codeHint}
            value={value}
            onChange={(e) => setValue(e.currentTarget.value)}
            maxLength={40}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            size="md"
          />
          <Button type="submit" size="md" disabled={!value.trim()} w={{ base: '100%', xs: 'fit-content' }}>
            {t.check}
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
  const [localError, setLocalError] = useState<{ th: string; en: string } | null>(null);
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
      setLocalError({ th: TEXT.th.notJson, en: TEXT.en.notJson });
      return;
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      setLocalError({ th: TEXT.th.notObject, en: TEXT.en.notObject });
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
        {t.file}
      </Title>
      <Text size="sm" mb="sm">
        {t.fileIntro}
      </Text>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <FileInput
            label={t.fileLabel}
            placeholder={t.filePlaceholder}
            accept="application/json,.json"
            value={file}
            onChange={(f) => void choose(f)}
            size="md"
            clearable
            clearButtonProps={{ 'aria-label': t.clearFile }}
          />
          <Textarea
            label={t.paste}
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
            {t.checkFile}
          </Button>
        </Stack>
      </form>
      {localError && (
        <Alert color="red" variant="light" role="alert" mt="sm" styles={{ message: { color: '#8b1a1a' } }}>
          <Text>{localError[lang]}</Text>
          <Text size="sm" lang={other(lang)}>
            {localError[other(lang)]}
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
  const status = r.verified
    ? { th: TEXT.th.verified, en: TEXT.en.verified, colour: '#1b5e20', mark: '✓' }
    : { th: TEXT.th.notVerified, en: TEXT.en.notVerified, colour: '#a51d1d', mark: '✕' };
  const day = (instant: string | null) => (instant ? formatThaiDate(instant.slice(0, 10), { style: 'long', locale: lang }) : null);
  return (
    <Paper withBorder mt="md" component="section" aria-labelledby="verify-file-result" style={{ overflow: 'hidden' }} role="status">
      <Title order={3} id="verify-file-result" style={visuallyHidden}>
        {t.result}
      </Title>
      <StatusBanner status={status} note={r.verified ? t.verifiedNote : t.problems} lang={lang} testId="document-verification-status" />
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
        {r.achievementName && <Fact label={t.achievement}>{r.achievementName}</Fact>}
        {r.holderNameMasked && <Fact label={t.holder}>{r.holderNameMasked}</Fact>}
        {r.issuerName && <Fact label={t.issuer}>{r.issuerName}</Fact>}
        {day(r.validFrom) && <Fact label={t.validFrom}>{day(r.validFrom)}</Fact>}
        {day(r.validUntil) && <Fact label={t.validUntil}>{day(r.validUntil)}</Fact>}
        {r.code && (
          <Fact label={t.code}>
            <Anchor component={Link} to={`/verify/${r.code}`} aria-label={fill(t.openCode, { code: r.code })}>
              {r.code}
            </Anchor>
          </Fact>
        )}
      </SimpleGrid>
      <Box px="md" pb="md">
        <Title order={4} size="h5" mb="xs">
          {t.checks}
        </Title>
        <CheckList checks={r} t={t} lang={lang} issuerName={r.issuerName} />
      </Box>
    </Paper>
  );
}
