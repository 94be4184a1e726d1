import { Alert, Anchor, Button, Code, Group, List, Loader, Paper, SimpleGrid, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { QrCode } from '../../components/QrCode';
import { bangkokDate } from '../../../shared/fiscal-year';
import { formatThaiDate } from '../../../shared/thai-date';
import { fill, useLanguage, useText } from '../registry/text';
import { StatusBadge } from './StatusBadge';
import { CANDIDATE_STATUS, RESULT, type Language } from './words';

type Credential = components['schemas']['Credential'];
type MyAssessment = components['schemas']['MyAssessment'];

const TEXT = {
  th: {
    title: 'คุณวุฒิของฉัน',
    intro: 'การประเมินสมรรถนะของคุณ และคุณวุฒิวิชาชีพที่ได้รับ ดาวน์โหลดเป็น PDF หรือไฟล์ลงลายมือชื่ออิเล็กทรอนิกส์ (JSON) เพื่อแสดงต่อนายจ้างได้',
    loading: 'กำลังโหลด',
    qualifications: 'คุณวุฒิวิชาชีพ',
    noQualifications: 'ยังไม่มีคุณวุฒิ เมื่อผ่านการประเมินครบทุกหน่วยแล้วจะแสดงที่นี่',
    assessments: 'การประเมินของฉัน',
    noAssessments: 'ยังไม่มีการประเมิน เมื่ออบรมผ่านหลักสูตรที่เชื่อมโยง เจ้าหน้าที่จะส่งชื่อคุณเข้ารับการประเมิน',
    certificates: 'ดูเกียรติบัตรการอบรมของฉัน',
    valid: 'ใช้ได้',
    revoked: 'ถูกเพิกถอน',
    expired: 'หมดอายุ',
    level: 'ระดับ',
    issuedOn: 'วันที่ได้รับ',
    expiresOn: 'ใช้ได้ถึง',
    assessedOn: 'วันที่ประเมิน',
    issuer: 'ผู้ออก',
    code: 'รหัสคุณวุฒิ',
    units: 'หน่วยสมรรถนะที่ผ่าน',
    pdf: 'ดาวน์โหลด PDF',
    json: 'ดาวน์โหลดไฟล์ลงลายมือชื่อ (JSON)',
    newWindow: '(เปิดในหน้าต่างใหม่)',
    publicPage: 'หน้าตรวจสอบสาธารณะ',
    publicNote: 'ผู้ที่เปิดลิงก์นี้จะเห็นเพียงชื่อที่ปิดบางส่วน ชื่อคุณวุฒิ ระดับ วันที่ และผู้ออก',
    qr: 'QR code สำหรับตรวจสอบคุณวุฒิ {title}',
    revokedNote: 'คุณวุฒินี้ถูกเพิกถอนเมื่อ {date} จึงใช้อ้างอิงไม่ได้',
    reason: 'เหตุผล: {reason}',
    centre: 'ศูนย์ประเมิน',
    place: 'สถานที่',
    online: 'ออนไลน์',
    unitsToAssess: 'ประเมิน {n} หน่วย',
    cancelled: 'การประเมินนี้ถูกยกเลิก',
  },
  en: {
    title: 'My qualifications',
    intro: 'Your competency assessments and the qualifications you hold. Download the PDF, or the electronically signed file (JSON), to show an employer.',
    loading: 'Loading',
    qualifications: 'Occupational qualifications',
    noQualifications: 'No qualification yet. Once you are assessed competent in every unit, it appears here.',
    assessments: 'My assessments',
    noAssessments: 'No assessment yet. Once you complete a linked course, an officer refers you to an assessment.',
    certificates: 'See my training certificates',
    valid: 'Valid',
    revoked: 'Revoked',
    expired: 'Expired',
    level: 'Level',
    issuedOn: 'Awarded on',
    expiresOn: 'Valid until',
    assessedOn: 'Assessed on',
    issuer: 'Issued by',
    code: 'Qualification code',
    units: 'Units passed',
    pdf: 'Download PDF',
    json: 'Download the signed file (JSON)',
    newWindow: '(opens in a new window)',
    publicPage: 'Public check page',
    publicNote: 'Anyone with this link sees only a partly hidden name, the qualification, its level, dates and issuer.',
    qr: 'QR code to check the qualification {title}',
    revokedNote: 'This qualification was revoked on {date} and cannot be relied on',
    reason: 'Reason: {reason}',
    centre: 'Assessment centre',
    place: 'Venue',
    online: 'Online',
    unitsToAssess: '{n} unit(s) assessed',
    cancelled: 'This assessment was cancelled',
  },
};
type Words = (typeof TEXT)['th'];

const STATUS = {
  valid: { th: 'ใช้ได้', en: 'Valid', colour: '#1b5e20', mark: '✓' },
  revoked: { th: 'ถูกเพิกถอน', en: 'Revoked', colour: 'red.9', mark: '✕' },
  expired: { th: 'หมดอายุ', en: 'Expired', colour: 'gray.7', mark: '!' },
} as const;

/** A citizen's own assessments and qualification credentials. */
export function MyQualificationsPage() {
  const t = useText(TEXT);
  const lang = useLanguage();
  const credentials = useQuery({ queryKey: ['my-credentials'], queryFn: () => unwrap(api.GET('/api/credentials/mine')) });
  const assessments = useQuery({ queryKey: ['my-assessments'], queryFn: () => unwrap(api.GET('/api/assessments/mine')) });
  const qualifications = (credentials.data ?? []).filter((c) => c.kind === 'qualification');

  return (
    <>
      <PageHeader title={t.title} intro={t.intro}>
        <Anchor component={Link} to="/my/certificates" w="fit-content">
          {t.certificates}
        </Anchor>
      </PageHeader>
      <Stack gap="xl" maw={900}>
        <section aria-labelledby="qualifications-heading">
          <Title order={2} size="h3" id="qualifications-heading" mb="sm">
            {t.qualifications}
          </Title>
          <ProblemAlert error={credentials.error} />
          {credentials.isPending && (
            <Group gap="xs" role="status">
              <Loader size="sm" aria-hidden />
              <Text>{t.loading}</Text>
            </Group>
          )}
          {credentials.data && qualifications.length === 0 && <Text>{t.noQualifications}</Text>}
          <Stack>
            {qualifications.map((c) => (
              <QualificationCard key={c.code} c={c} t={t} lang={lang} />
            ))}
          </Stack>
        </section>
        <section aria-labelledby="assessments-heading">
          <Title order={2} size="h3" id="assessments-heading" mb="sm">
            {t.assessments}
          </Title>
          <ProblemAlert error={assessments.error} />
          {assessments.data?.length === 0 && <Text>{t.noAssessments}</Text>}
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
        <StatusBadge status={STATUS[c.status]} lang={lang} size="xl" />
      </Group>
      {c.status === 'revoked' && (
        <Alert color="red" variant="light" mt="sm" styles={{ message: { color: '#8b1a1a' } }}>
          <Text>{fill(t.revokedNote, { date: c.revokedAt ? date(bangkokDate(new Date(c.revokedAt))) : '–' })}</Text>
          {c.revokedReason && <Text size="sm">{fill(t.reason, { reason: c.revokedReason })}</Text>}
        </Alert>
      )}
      <Group align="flex-start" gap="lg" mt="sm" wrap="wrap">
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm" style={{ flex: '1 1 16rem', minWidth: 0 }}>
          {c.level !== null && <Fact label={t.level}>{c.level}</Fact>}
          <Fact label={t.issuedOn}>{date(c.issuedOn)}</Fact>
          {c.assessedOn && <Fact label={t.assessedOn}>{date(c.assessedOn)}</Fact>}
          {c.expiresOn && <Fact label={t.expiresOn}>{date(c.expiresOn)}</Fact>}
          <Fact label={t.issuer}>{lang === 'th' ? c.issuerNameTh : c.issuerNameEn}</Fact>
          <Fact label={t.code}>
            <Code fz="md">{c.code}</Code>
          </Fact>
        </SimpleGrid>
        {usable && <QrCode value={c.verifyUrl} label={fill(t.qr, { title })} size={160} />}
      </Group>
      {c.units.length > 0 && (
        <>
          <Text size="sm" c="dimmed" mt="sm">
            {t.units}
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
          <CredentialDownloads c={c} title={title} pdf={t.pdf} json={t.json} newWindow={t.newWindow} />
          <div>
            <Anchor href={c.verifyUrl} style={{ overflowWrap: 'anywhere' }}>
              {t.publicPage}
            </Anchor>
            <Text size="sm" mt={4}>
              {t.publicNote}
            </Text>
          </div>
        </Stack>
      )}
    </Paper>
  );
}

function AssessmentCard({ a, t, lang }: { a: MyAssessment; t: Words; lang: Language }) {
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={`assessment-${a.id}`}>
      <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
        <Title order={3} size="h4" id={`assessment-${a.id}`} style={{ flex: '1 1 14rem', minWidth: 0 }}>
          {lang === 'th' ? a.qualificationTh : a.qualificationEn}
        </Title>
        <Group gap="xs">
          <StatusBadge status={CANDIDATE_STATUS[a.status]} lang={lang} />
          {a.overall && <StatusBadge status={RESULT[a.overall]} lang={lang} />}
        </Group>
      </Group>
      {a.eventStatus === 'cancelled' && (
        <Text mt="xs" fw={600}>
          {t.cancelled}
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm" mt="sm">
        <Fact label={t.assessedOn}>{formatThaiDate(a.assessedOn, { style: 'long', locale: lang })}</Fact>
        <Fact label={t.centre}>{lang === 'th' ? a.centreNameTh : a.centreNameEn}</Fact>
        <Fact label={t.place}>{a.online ? t.online : (a.venue ?? '—')}</Fact>
        <Fact label={a.eventCode}>{fill(t.unitsToAssess, { n: a.units.length })}</Fact>
      </SimpleGrid>
    </Paper>
  );
}
