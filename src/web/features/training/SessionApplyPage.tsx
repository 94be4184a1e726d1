import { Alert, Anchor, Badge, Button, Group, List, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { Link, useParams } from 'react-router';
import { api, ApiProblem, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useMe } from '../../session';
import { formatThaiDate } from '../../../shared/thai-date';
import { fill, useLanguage, useText } from '../registry/text';
import { categoryName, completionRule, modeName, useReferenceNames, WhoMayApply } from './CurriculaPage';
import { EnrolmentStatusBadge, Fact } from './MyCoursesPage';

type Session = components['schemas']['TrainingSession'];
type MyEnrolment = components['schemas']['MyEnrolment'];
type Language = 'th' | 'en';

const TEXT = {
  th: {
    loading: 'กำลังโหลดรายละเอียด',
    sessionTitle: 'รุ่นการอบรม',
    back: 'กลับไปหน้าหลักสูตรของฉัน',
    code: 'รหัสรุ่น',
    yourStatus: 'สถานะการสมัครของคุณ',
    applyTitle: 'สมัครเข้าอบรม',
    apply: 'สมัคร',
    applyAgain: 'สมัครอีกครั้ง',
    applyNote: 'ระบบจะตรวจคุณสมบัติของคุณตามทะเบียน ถ้าที่นั่งเต็มแล้ว คุณจะได้อยู่ในรายชื่อสำรองตามลำดับการสมัคร',
    closesOn: 'ปิดรับสมัคร {date}',
    notCitizen: 'สมัครด้วยตนเองได้จากบัญชีของประชาชนที่ลงทะเบียนแล้วเท่านั้น',
    closed: 'รุ่นนี้ไม่เปิดรับสมัครแล้ว',
    notOpenYet: 'รุ่นนี้ยังไม่เปิดรับสมัคร',
    cancelled: 'รุ่นนี้ถูกยกเลิก',
    gotSeat: 'สมัครสำเร็จ คุณได้ที่นั่งแล้ว',
    gotSeatText: 'โปรดมาตามวันเวลาที่กำหนด และสแกน QR code ที่สถานที่อบรมทุกวันเพื่อบันทึกการเข้าอบรม',
    waitlisted: 'สมัครสำเร็จ คุณอยู่ในรายชื่อสำรองลำดับที่ {n}',
    waitlistedText: 'ที่นั่งเต็มแล้ว เมื่อมีผู้ถอนตัว ผู้ที่อยู่ลำดับแรกของรายชื่อสำรองจะได้ที่นั่งก่อน ดูสถานะล่าสุดได้ที่หน้าหลักสูตรของฉัน',
    refused: 'ยังสมัครหลักสูตรนี้ไม่ได้',
    refusedNote: 'หากคิดว่าข้อมูลในทะเบียนไม่ถูกต้อง กรุณาติดต่อเจ้าหน้าที่เพื่อแก้ไข',
    enrolledText: 'คุณได้ที่นั่งในรุ่นนี้',
    waitlistText: 'ที่นั่งเต็มแล้ว เมื่อมีผู้ถอนตัว ผู้ที่อยู่ลำดับแรกจะได้ที่นั่งก่อน',
    attended: 'เข้าอบรมแล้ว {n} ชั่วโมง',
    manage: 'ดูหรือถอนตัวได้ที่หน้าหลักสูตรของฉัน',
    certificate: 'ดูเกียรติบัตร',
    about: 'เกี่ยวกับรุ่นนี้',
    provider: 'ผู้จัด',
    partner: 'ร่วมกับ {p}',
    organiser: 'หน่วยที่จัดรุ่นนี้',
    category: 'หมวดหลักสูตร',
    mode: 'รูปแบบการอบรม',
    hours: 'จำนวนชั่วโมง',
    hoursValue: '{n} ชั่วโมง',
    dates: 'วันที่อบรม',
    place: 'สถานที่',
    online: 'ออนไลน์',
    seats: 'ที่นั่ง',
    seatsLeft: 'เหลือ {n} จาก {max} ที่นั่ง',
    seatsFull: 'เต็มแล้ว ({max} ที่นั่ง) มีรายชื่อสำรอง {w} คน',
    closes: 'ปิดรับสมัคร',
    trainers: 'วิทยากร',
    rule: 'เกณฑ์การผ่าน',
    forWhom: 'ผู้ที่สมัครได้',
    topics: 'หัวข้อการอบรม',
    topicHours: '{n} ชม.',
    schedule: 'ตารางอบรม',
    dayHours: '{n} ชั่วโมง',
    curriculumHours: 'หลักสูตรกำหนด {n} ชั่วโมง',
  },
  en: {
    loading: 'Loading the details',
    sessionTitle: 'Training session',
    back: 'Back to my courses',
    code: 'Session code',
    yourStatus: 'Your application',
    applyTitle: 'Apply',
    apply: 'Apply',
    applyAgain: 'Apply again',
    applyNote: 'Your registry record is checked against the course’s conditions. If the seats are taken, you join the waitlist in the order of application.',
    closesOn: 'Applications close on {date}',
    notCitizen: 'Only a registered citizen’s own account can apply here',
    closed: 'Applications for this session have closed',
    notOpenYet: 'This session is not open for applications yet',
    cancelled: 'This session was cancelled',
    gotSeat: 'Done: you have a seat',
    gotSeatText: 'Come on the dates shown, and scan the QR code at the venue each day to record your attendance.',
    waitlisted: 'Done: you are number {n} on the waitlist',
    waitlistedText: 'The seats are taken. When someone withdraws, the first person on the waitlist gets the seat; see My courses for the latest.',
    refused: 'You cannot apply for this course yet',
    refusedNote: 'If your registry record is wrong, ask an officer to correct it.',
    enrolledText: 'You have a seat in this session',
    waitlistText: 'The seats are taken; when someone withdraws, the first on the waitlist gets the seat',
    attended: '{n} hours attended',
    manage: 'See or withdraw on My courses',
    certificate: 'See the certificate',
    about: 'About this session',
    provider: 'Provider',
    partner: 'with {p}',
    organiser: 'Run by',
    category: 'Category',
    mode: 'Mode',
    hours: 'Hours',
    hoursValue: '{n} hours',
    dates: 'Dates',
    place: 'Place',
    online: 'Online',
    seats: 'Seats',
    seatsLeft: '{n} of {max} seats left',
    seatsFull: 'Full ({max} seats); {w} on the waitlist',
    closes: 'Applications close',
    trainers: 'Trainers',
    rule: 'To pass',
    forWhom: 'Who may apply',
    topics: 'Topics',
    topicHours: '{n} h',
    schedule: 'Schedule',
    dayHours: '{n} hours',
    curriculumHours: 'the curriculum sets {n} hours',
  },
};

type Words = (typeof TEXT)['th'];

export function SessionApplyPage() {
  const t = useText(TEXT);
  const lang = useLanguage();
  const id = Number(useParams().id);
  const session = useQuery({ queryKey: ['session', id], queryFn: () => unwrap(api.GET('/api/training/sessions/{id}', { params: { path: { id } } })) });
  const names = useReferenceNames(lang);

  if (session.error) {
    return (
      <>
        <PageHeader title={t.sessionTitle} />
        <ProblemAlert error={session.error} />
        <Anchor component={Link} to="/my/courses">
          {t.back}
        </Anchor>
      </>
    );
  }
  const s = session.data;
  if (!s) {
    return (
      <Group gap="xs" role="status">
        <Loader size="sm" aria-hidden />
        <Text>{t.loading}</Text>
      </Group>
    );
  }
  const course = lang === 'th' ? s.curriculumNameTh : s.curriculumNameEn;
  return (
    <>
      <PageHeader title={course} intro={`${t.code} ${s.code}`}>
        <Anchor component={Link} to="/my/courses" w="fit-content">
          {t.back}
        </Anchor>
      </PageHeader>
      <Stack maw={900} gap="lg">
        <ApplyPanel s={s} t={t} lang={lang} />
        <SessionFacts s={s} t={t} lang={lang} names={names} />
      </Stack>
    </>
  );
}

/** The one thing a citizen came to do: apply, or see where her application stands. */
function ApplyPanel({ s, t, lang }: { s: Session; t: Words; lang: Language }) {
  const { data: me } = useMe();
  const client = useQueryClient();
  const outcome = useRef<HTMLDivElement>(null);
  const apply = useMutation({
    mutationFn: () => unwrap(api.POST('/api/training/sessions/{id}/applications', { params: { path: { id: s.id } }, body: {} })),
    onSuccess: (enrolment) => {
      client.setQueryData<Session>(['session', s.id], (old) => (old ? { ...old, myEnrolment: enrolment } : old));
      void client.invalidateQueries({ queryKey: ['session', s.id] });
      void client.invalidateQueries({ queryKey: ['my-enrolments'] });
      void client.invalidateQueries({ queryKey: ['open-sessions'] });
      requestAnimationFrame(() => outcome.current?.focus());
    },
  });
  const mine = s.myEnrolment;
  const applied = apply.data;
  const mayApply = s.openForApplications && Boolean(me?.personId) && (!mine || mine.status === 'withdrawn') && !applied;
  const refusal = apply.error instanceof ApiProblem && apply.error.status === 422 && apply.error.errors.length > 0 ? apply.error : null;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="apply-heading" style={{ borderColor: 'var(--mantine-color-indigo-8)', borderWidth: 2 }}>
      <Stack gap="sm">
        <Title order={2} size="h3" id="apply-heading">
          {mine && mine.status !== 'withdrawn' ? t.yourStatus : t.applyTitle}
        </Title>

        <div ref={outcome} tabIndex={-1} role="status" aria-live="polite">
          {applied && <Outcome enrolment={applied} t={t} />}
        </div>

        {mine && !applied && <CurrentStatus enrolment={mine} t={t} lang={lang} />}

        {mayApply && (
          <>
            <Text>{t.applyNote}</Text>
            <Text fw={600}>{fill(t.closesOn, { date: formatThaiDate(s.applicationsCloseOn, { style: 'long', locale: lang }) })}</Text>
            <Button size="lg" onClick={() => apply.mutate()} loading={apply.isPending} w={{ base: '100%', xs: 'fit-content' }} miw={200}>
              {mine?.status === 'withdrawn' ? t.applyAgain : t.apply}
            </Button>
          </>
        )}
        {!mine && !applied && !s.openForApplications && (
          <Text fw={600}>{s.status === 'cancelled' ? t.cancelled : s.status === 'planned' ? t.notOpenYet : t.closed}</Text>
        )}
        {s.openForApplications && !mine && me && me.personId === null && <Text>{t.notCitizen}</Text>}

        {refusal ? (
          <Alert color="red" variant="light" title={t.refused} role="alert" styles={{ title: { color: '#8b1a1a' }, message: { color: '#8b1a1a' } }}>
            <List spacing={4}>
              {refusal.errors.map((e) => (
                <List.Item key={`${e.code}-${e.message}`}>{lang === 'th' ? e.messageTh : e.message}</List.Item>
              ))}
            </List>
            <Text size="sm" mt="xs">
              {t.refusedNote}
            </Text>
          </Alert>
        ) : (
          <ProblemAlert error={apply.error} />
        )}
      </Stack>
    </Paper>
  );
}

function Outcome({ enrolment, t }: { enrolment: MyEnrolment; t: Words }) {
  const seat = enrolment.status === 'enrolled';
  return (
    <Alert
      color={seat ? 'green' : 'yellow'}
      variant="light"
      title={seat ? t.gotSeat : fill(t.waitlisted, { n: enrolment.waitlistPosition ?? '–' })}
      styles={{ title: { color: seat ? '#1b5e20' : '#4a2c00', fontSize: 'var(--mantine-font-size-lg)' }, message: { color: '#212529' } }}
    >
      <Text>{seat ? t.gotSeatText : t.waitlistedText}</Text>
      <Anchor component={Link} to="/my/courses" mt="xs" display="inline-block">
        {t.manage}
      </Anchor>
    </Alert>
  );
}

function CurrentStatus({ enrolment, t, lang }: { enrolment: MyEnrolment; t: Words; lang: Language }) {
  return (
    <Stack gap="xs">
      <EnrolmentStatusBadge enrolment={enrolment} lang={lang} />
      {enrolment.status === 'enrolled' && <Text>{t.enrolledText}</Text>}
      {enrolment.status === 'waitlisted' && <Text>{t.waitlistText}</Text>}
      {enrolment.attendedHours > 0 && <Text>{fill(t.attended, { n: enrolment.attendedHours })}</Text>}
      {enrolment.status === 'not-completed' && enrolment.outcomeReasons.length > 0 && (
        <List spacing={2}>
          {enrolment.outcomeReasons.map((r) => (
            <List.Item key={r.code}>{lang === 'th' ? r.th : r.en}</List.Item>
          ))}
        </List>
      )}
      <Group gap="sm" wrap="wrap">
        {enrolment.credentialCode && (
          <Button component={Link} to={`/my/certificates#certificate-${enrolment.credentialCode}`} color="#1b5e20" size="md">
            {t.certificate}
          </Button>
        )}
        {enrolment.status !== 'withdrawn' && (
          <Anchor component={Link} to="/my/courses">
            {t.manage}
          </Anchor>
        )}
      </Group>
    </Stack>
  );
}

function SessionFacts({ s, t, lang, names }: { s: Session; t: Words; lang: Language; names: ReturnType<typeof useReferenceNames> }) {
  const c = s.curriculum;
  const number = (n: number) => n.toLocaleString(lang === 'th' ? 'th-TH' : 'en');
  const left = Math.max(0, s.capacityMax - s.enrolledCount);
  const area =
    lang === 'th'
      ? [s.subdistrictNameTh && `ต.${s.subdistrictNameTh}`, s.districtNameTh && `อ.${s.districtNameTh}`, `จ.${s.provinceNameTh}`].filter(Boolean).join(' ')
      : [s.subdistrictNameEn, s.districtNameEn, s.provinceNameEn].filter(Boolean).join(', ');
  const place = s.online ? t.online : [s.venue, area].filter(Boolean).join(lang === 'th' ? ' ' : ', ');
  const dates =
    s.startsOn === s.endsOn
      ? formatThaiDate(s.startsOn, { style: 'long', locale: lang })
      : `${formatThaiDate(s.startsOn, { style: 'long', locale: lang })} – ${formatThaiDate(s.endsOn, { style: 'long', locale: lang })}`;
  const provider = `${names.agencyName(c.providerAgencyCode)}${c.providerPartner ? ` ${fill(t.partner, { p: c.providerPartner })}` : ''}`;

  return (
    <>
      <Paper withBorder p="md" component="section" aria-labelledby="about-heading">
        <Title order={2} size="h3" id="about-heading" mb="sm">
          {t.about}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Fact label={t.dates}>{dates}</Fact>
          <Fact label={t.place}>{place}</Fact>
          <Fact label={t.hours}>
            {fill(t.hoursValue, { n: number(s.scheduledHours) })}
            {s.scheduledHours !== c.hours && (
              <Text span c="dimmed">
                {' '}
                ({fill(t.curriculumHours, { n: number(c.hours) })})
              </Text>
            )}
          </Fact>
          <Fact label={t.seats}>
            {left > 0
              ? fill(t.seatsLeft, { n: number(left), max: number(s.capacityMax) })
              : fill(t.seatsFull, { max: number(s.capacityMax), w: number(s.waitlistedCount) })}
          </Fact>
          <Fact label={t.closes}>{formatThaiDate(s.applicationsCloseOn, { style: 'long', locale: lang })}</Fact>
          <Fact label={t.provider}>{provider}</Fact>
          <Fact label={t.organiser}>{lang === 'th' ? s.unitNameTh : s.unitNameEn}</Fact>
          <Fact label={t.category}>
            {categoryName(c.category, lang)}
            {' · '}
            {modeName(s.mode, lang)}
          </Fact>
          {s.trainers.length > 0 && <Fact label={t.trainers}>{s.trainers.join(', ')}</Fact>}
          <Fact label={t.rule}>{completionRule(c, lang)}</Fact>
        </SimpleGrid>
      </Paper>

      <Paper withBorder p="md" component="section" aria-labelledby="for-whom-heading">
        <Title order={2} size="h3" id="for-whom-heading" mb="sm">
          {t.forWhom}
        </Title>
        <WhoMayApply c={c} groupName={names.groupName} lang={lang} />
      </Paper>

      <Paper withBorder p="md" component="section" aria-labelledby="topics-heading">
        <Title order={2} size="h3" id="topics-heading" mb="sm">
          {t.topics}
        </Title>
        <List spacing={4}>
          {c.topics.map((topic) => (
            <List.Item key={topic.en}>
              {lang === 'th' ? topic.th : topic.en}{' '}
              <Text span c="dimmed">
                ({fill(t.topicHours, { n: topic.hours })})
              </Text>
            </List.Item>
          ))}
        </List>
      </Paper>

      <Paper withBorder p="md" component="section" aria-labelledby="schedule-heading">
        <Title order={2} size="h3" id="schedule-heading" mb="sm">
          {t.schedule}
        </Title>
        <Stack gap="xs" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {s.days.map((d) => (
            <li key={d.day}>
              <Group gap="xs" wrap="wrap">
                <Text fw={600}>{formatThaiDate(d.day, { style: 'long', locale: lang })}</Text>
                <Badge variant="light" color="gray" c="dark" tt="none">
                  {fill(t.dayHours, { n: d.hours })}
                </Badge>
              </Group>
              {(lang === 'th' ? d.topicTh : (d.topicEn ?? d.topicTh)) && <Text c="dimmed">{lang === 'th' ? d.topicTh : (d.topicEn ?? d.topicTh)}</Text>}
            </li>
          ))}
        </Stack>
      </Paper>
    </>
  );
}
