import { Alert, Box, Button, Code, Container, Group, Loader, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { api, ApiProblem, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { setLanguage } from '../../i18n';
import { formatThaiDate } from '../../../shared/thai-date';
import { fill, useLanguage, useText } from '../registry/text';

type Verification = components['schemas']['Verification'];
type Language = 'th' | 'en';

const TEXT = {
  th: {
    title: 'ตรวจสอบเกียรติบัตร', intro: 'หน้านี้แสดงเฉพาะข้อมูลที่จำเป็นต่อการเชื่อถือเกียรติบัตร: สถานะ ชื่อผู้ได้รับที่ปิดบางส่วน หลักสูตร จำนวนชั่วโมง วันที่ออก และผู้ออก ไม่แสดงข้อมูลส่วนบุคคลอื่น',
    checking: 'กำลังตรวจสอบ', notFound: 'ไม่พบเกียรติบัตรรหัสนี้', notFoundHint: 'ตรวจดูว่าพิมพ์รหัสตรงกับที่พิมพ์บนเกียรติบัตร', result: 'ผลการตรวจสอบ',
    holder: 'ผู้ได้รับ', course: 'หลักสูตร', hours: 'จำนวนชั่วโมง', hoursValue: '{n} ชั่วโมง', issuedOn: 'วันที่ออก', issuer: 'ผู้ออก', code: 'รหัสเกียรติบัตร', expiresOn: 'หมดอายุ',
    validNote: 'เกียรติบัตรนี้ออกโดยระบบ Archeep และยังใช้ได้', revokedNote: 'เพิกถอนเมื่อ {date} เกียรติบัตรนี้ใช้อ้างอิงไม่ได้', expiredNote: 'หมดอายุเมื่อ {date}',
    another: 'ตรวจสอบรหัสอื่น', codeLabel: 'รหัสเกียรติบัตร', codeHint: 'รหัส 20 ตัวอักษรบนเกียรติบัตร เช่น ABCD-EFGH-JKLM-NPQR-STUV จะพิมพ์ขีดหรือไม่ก็ได้', check: 'ตรวจสอบ',
  },
  en: {
    title: 'Check a certificate', intro: 'This page shows only what is needed to trust the certificate: its status, the holder’s partly hidden name, the course, hours, issue date and issuer. Nothing else about the person is shown.',
    checking: 'Checking', notFound: 'No certificate has this code', notFoundHint: 'Check that the code matches the one printed on the certificate', result: 'Result',
    holder: 'Holder', course: 'Course', hours: 'Hours', hoursValue: '{n} hours', issuedOn: 'Issued on', issuer: 'Issued by', code: 'Certificate code', expiresOn: 'Expires on',
    validNote: 'This certificate was issued through Archeep and is valid', revokedNote: 'Revoked on {date}; this certificate cannot be relied on', expiredNote: 'Expired on {date}',
    another: 'Check another code', codeLabel: 'Certificate code', codeHint: 'The 20-character code on the certificate, e.g. ABCD-EFGH-JKLM-NPQR-STUV; dashes are optional', check: 'Check',
  },
};

/** The status in both languages, so a reader of either understands it at a glance. */
const STATUS: Record<Verification['status'], { th: string; en: string; colour: string; mark: string }> = {
  valid: { th: 'ใช้ได้', en: 'Valid', colour: '#1b5e20', mark: '✓' },
  revoked: { th: 'ถูกเพิกถอน', en: 'Revoked', colour: '#a51d1d', mark: '✕' },
  expired: { th: 'หมดอายุ', en: 'Expired', colour: '#495057', mark: '!' },
};

type Words = (typeof TEXT)['th'];

/**
 * The public check a QR code on a certificate opens: no sign-in, its own plain header. The
 * server answers an unknown code with 404 and nothing else, and so does this page.
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
      <a className="skip-link" href="#main">{common('app.skip')}</a>
      <Box component="header" px="md" py="xs" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Group justify="space-between" wrap="nowrap" maw={720} mx="auto" mih={44}>
          <Text fw={600} size="lg" c="indigo.9">{common('app.name')}</Text>
          <Button variant="subtle" size="compact-md" onClick={() => setLanguage(i18n.language === 'th' ? 'en' : 'th')} lang={i18n.language === 'th' ? 'en' : 'th'}>
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
            <Alert color="gray" variant="outline" role="alert" title={t.notFound} styles={{ title: { color: '#212529', fontSize: 'var(--mantine-font-size-xl)' } }}>
              {t.notFoundHint}
            </Alert>
          )}
          {!unknown && <ProblemAlert error={verification.error} />}
          {verification.data && <Result v={verification.data} t={t} lang={lang} />}
          {/* A code that was not found stays in the box, to be corrected rather than typed again. */}
          <CodeForm key={`${code}-${unknown}`} t={t} initial={unknown ? code : ''} />
        </Stack>
      </Container>
    </>
  );
}

function Result({ v, t, lang }: { v: Verification; t: Words; lang: Language }) {
  const status = STATUS[v.status];
  const other: Language = lang === 'th' ? 'en' : 'th';
  const date = (iso: string) => formatThaiDate(iso, { style: 'long', locale: lang });
  const note = v.status === 'valid' ? t.validNote : v.status === 'revoked' ? fill(t.revokedNote, { date: v.revokedOn ? date(v.revokedOn) : '–' }) : fill(t.expiredNote, { date: v.expiresOn ? date(v.expiresOn) : '–' });
  return (
    <Paper withBorder component="section" aria-labelledby="verify-result" style={{ overflow: 'hidden' }}>
      <Title order={2} id="verify-result" style={visuallyHidden}>{t.result}</Title>
      <Box bg={status.colour} c="white" px="md" py="md">
        <Group gap="md" wrap="nowrap" align="center">
          <Text aria-hidden fz={44} fw={700} lh={1} c="white">{status.mark}</Text>
          <div>
            <Text data-testid="verification-status" fz={32} fw={700} lh={1.2} c="white">{status[lang]}</Text>
            <Text lang={other} fz="md" c="white">{status[other]}</Text>
          </div>
        </Group>
        <Text mt="xs" c="white" fw={600}>{note}</Text>
      </Box>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" p="md">
        <Fact label={t.holder}>{v.holderNameMasked}</Fact>
        <Fact label={t.course}>{lang === 'th' ? v.titleTh : v.titleEn}</Fact>
        <Fact label={t.hours}>{fill(t.hoursValue, { n: v.hours })}</Fact>
        <Fact label={t.issuedOn}>{date(v.issuedOn)}</Fact>
        <Fact label={t.issuer}>{lang === 'th' ? v.issuerNameTh : v.issuerNameEn}</Fact>
        {v.expiresOn && <Fact label={t.expiresOn}>{date(v.expiresOn)}</Fact>}
        <Fact label={t.code}><Code fz="md">{v.code}</Code></Fact>
      </SimpleGrid>
    </Paper>
  );
}

const visuallyHidden = { position: 'absolute', width: 1, height: 1, padding: 0, margin: -1, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap', border: 0 } as const;

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="sm" c="dimmed">{label}</Text>
      <Text fw={600} style={{ overflowWrap: 'anywhere' }}>{children}</Text>
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
      <Title order={2} size="h4" id="verify-another" mb="sm">{t.another}</Title>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput label={t.codeLabel} description={t.codeHint} value={value} onChange={(e) => setValue(e.currentTarget.value)} maxLength={40} autoComplete="off" autoCapitalize="characters" spellCheck={false} size="md" />
          <Button type="submit" size="md" disabled={!value.trim()} w={{ base: '100%', xs: 'fit-content' }}>{t.check}</Button>
        </Stack>
      </form>
    </Paper>
  );
}
