import { Alert, Anchor, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { api, ApiProblem, unwrap } from '../../api/client';
import { PageHeader } from '../../components/PageHeader';
import { useMe } from '../../session';
import { formatThaiDate } from '../../../shared/thai-date';
import { fill, useLanguage, useText } from '../registry/text';

type Language = 'th' | 'en';

const TEXT = {
  th: {
    title: 'ยืนยันการเข้าอบรม',
    intro: 'คุณสแกน QR code ที่สถานที่อบรม กดปุ่มด้านล่างเพื่อบันทึกว่าคุณมาเข้าอบรมวันนี้',
    confirm: 'ยืนยันการเข้าอบรม',
    notCitizen: 'บันทึกการเข้าอบรมได้จากบัญชีของผู้เข้าอบรมเองเท่านั้น',
    done: 'บันทึกการเข้าอบรมแล้ว',
    course: 'หลักสูตร',
    day: 'วันที่',
    hours: 'ชั่วโมงที่ได้รับ',
    hoursValue: '{n} ชั่วโมง',
    sessionCode: 'รหัสรุ่น',
    failed: 'บันทึกการเข้าอบรมไม่ได้',
    notFound: 'ไม่รู้จัก QR code นี้',
    wrongDay: 'QR code นี้ไม่ใช่ของวันนี้',
    askOfficer: 'หากคิดว่าผิดพลาด แจ้งเจ้าหน้าที่ที่จุดลงทะเบียน เจ้าหน้าที่บันทึกการเข้าอบรมแทนได้',
    myCourses: 'ไปที่หลักสูตรของฉัน',
  },
  en: {
    title: 'Confirm attendance',
    intro: 'You scanned the QR code at the venue. Press the button below to record that you are here today.',
    confirm: 'Confirm attendance',
    notCitizen: 'Attendance is recorded from the participant’s own account only',
    done: 'Your attendance is recorded',
    course: 'Course',
    day: 'Date',
    hours: 'Hours credited',
    hoursValue: '{n} hours',
    sessionCode: 'Session code',
    failed: 'Attendance was not recorded',
    notFound: 'This QR code is not known',
    wrongDay: 'This QR code is not for today',
    askOfficer: 'If this seems wrong, ask an officer at the registration desk; they can record your attendance.',
    myCourses: 'Go to My courses',
  },
};

type Words = (typeof TEXT)['th'];

/**
 * The page a venue's QR code opens. It posts only when the person presses the button, so opening
 * or refreshing the page (or React running effects twice) never records anything by itself.
 */
export function CheckInPage() {
  const t = useText(TEXT);
  const lang = useLanguage();
  const code = useParams().code ?? '';
  const { data: me } = useMe();
  const client = useQueryClient();
  const result = useRef<HTMLDivElement>(null);
  const checkIn = useMutation({
    mutationFn: () => unwrap(api.POST('/api/training/check-in', { body: { code } })),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['my-enrolments'] }),
    onSettled: () => requestAnimationFrame(() => result.current?.focus()),
  });
  const done = checkIn.data;

  return (
    <>
      <PageHeader title={t.title} intro={done ? undefined : t.intro} />
      <Stack maw={560}>
        {!done && (
          <>
            {me && me.personId === null && <Text fw={600}>{t.notCitizen}</Text>}
            <Button size="xl" onClick={() => checkIn.mutate()} loading={checkIn.isPending} fullWidth>
              {t.confirm}
            </Button>
          </>
        )}
        <div ref={result} tabIndex={-1} role="status" aria-live="polite">
          {done && (
            <Paper withBorder p="md" style={{ borderColor: '#1b5e20', borderWidth: 2 }}>
              <Text fz="xl" fw={700} c="#1b5e20" mb="sm">
                <span aria-hidden>✓ </span>
                {t.done}
              </Text>
              <Stack gap="xs">
                <Fact label={t.course}>{lang === 'th' ? done.curriculumNameTh : done.curriculumNameEn}</Fact>
                <Fact label={t.day}>{formatThaiDate(done.day, { style: 'long', locale: lang })}</Fact>
                <Fact label={t.hours}>{fill(t.hoursValue, { n: done.hours })}</Fact>
                <Fact label={t.sessionCode}>{done.sessionCode}</Fact>
              </Stack>
            </Paper>
          )}
          {checkIn.error ? <Failure error={checkIn.error} t={t} lang={lang} /> : null}
        </div>
        <Anchor component={Link} to="/my/courses" w="fit-content">
          {t.myCourses}
        </Anchor>
      </Stack>
    </>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Group gap="xs" wrap="wrap" align="baseline">
      <Text c="dimmed">{label}:</Text>
      <Text fw={600}>{children}</Text>
    </Group>
  );
}

/** The server's reason in the reader's language, its YYYY-MM-DD dates written the way she reads dates. */
function Failure({ error, t, lang }: { error: unknown; t: Words; lang: Language }) {
  const problem = error instanceof ApiProblem ? error : null;
  const title = problem?.status === 404 ? t.notFound : problem?.status === 422 ? t.wrongDay : t.failed;
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
        {t.askOfficer}
      </Text>
    </Alert>
  );
}
