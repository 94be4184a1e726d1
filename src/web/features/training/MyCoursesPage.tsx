import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import {
  Alert,
  Badge,
  Button,
  Group,
  List,
  Loader,
  Modal,
  Paper,
  Progress,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { Fact } from '../../components/Fact';
import { useFormat } from '../../format';
import { useMyEnrolments, useSessions, useTrainingRefresh } from './queries';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { nameOf, useProvinces } from '../../reference';
import { useMe } from '../../session';
import { CURRICULUM_CATEGORIES } from '../../../shared/training-categories';
import { formatThaiDate } from '../../../shared/thai-date';
import { useLanguage } from '../../i18n/language';

type MyEnrolment = components['schemas']['MyEnrolment'];
type OpenSession = components['schemas']['TrainingSessionListItem'];
type Category = (typeof CURRICULUM_CATEGORIES)[number]['code'];
type Language = 'th' | 'en';

const PAGE = 20;

/** Filled colours that keep white (or, on yellow, dark) text above 4.5:1. */
const STATUS_COLOURS: Record<MyEnrolment['status'], { color: string; c?: string }> = {
  enrolled: { color: 'indigo.9' },
  waitlisted: { color: 'yellow.4', c: 'dark.9' },
  completed: { color: '#1b5e20' },
  'not-completed': { color: 'red.9' },
  withdrawn: { color: 'gray.7' },
};

/** An enrolment's status in words: a seat, the waitlist place, passed, not passed or withdrawn. */
export function EnrolmentStatusBadge({ enrolment }: { enrolment: Pick<MyEnrolment, 'status' | 'waitlistPosition'> }) {
  const { t } = useTranslation('training', { keyPrefix: 'enrolmentStatus' });
  const { color, c } = STATUS_COLOURS[enrolment.status];
  const label = enrolment.status === 'waitlisted' ? t('waitlisted', { n: enrolment.waitlistPosition ?? '–' }) : t(enrolment.status);
  return (
    <Badge color={color} c={c} variant="filled" size="xl" tt="none" h="auto" py={4} styles={{ label: { whiteSpace: 'normal', overflow: 'visible' } }}>
      {label}
    </Badge>
  );
}

/** Venue and province as each language writes an address: "ห้องประชุม… จ.ขอนแก่น" / "Meeting room…, Khon Kaen". */
const placeOf = (venue: string | null, province: string, lang: Language) =>
  (lang === 'th' ? [venue, `จ.${province}`] : [venue, province]).filter(Boolean).join(lang === 'th' ? ' ' : ', ');

const datesOf = (s: { startsOn: string; endsOn: string }, lang: Language) =>
  s.startsOn === s.endsOn
    ? formatThaiDate(s.startsOn, { locale: lang })
    : `${formatThaiDate(s.startsOn, { locale: lang })} – ${formatThaiDate(s.endsOn, { locale: lang })}`;

export function MyCoursesPage() {
  const { t } = useTranslation('training', { keyPrefix: 'myCourses' });
  const lang = useLanguage();
  const { data: me } = useMe();
  const enrolments = useMyEnrolments();
  const [withdrawing, setWithdrawing] = useState<MyEnrolment | null>(null);
  const [withdrawnCourse, setWithdrawnCourse] = useState<string | null>(null);
  const notice = useRef<HTMLDivElement>(null);
  const focusNotice = useRef(false);

  return (
    <>
      <PageHeader title={t('title')} intro={t('intro')} />
      <Stack maw={1100} gap="xl">
        <section aria-labelledby="my-enrolments">
          <Title order={2} size="h3" id="my-enrolments" mb="sm">
            {t('mine')}
          </Title>
          <div ref={notice} tabIndex={-1} role="status" aria-live="polite">
            {withdrawnCourse && (
              <Alert color="green" variant="light" mb="sm" styles={{ message: { color: '#1b5e20' } }}>
                {t('withdrawn', { course: withdrawnCourse })}
              </Alert>
            )}
          </div>
          <ProblemAlert error={enrolments.error} />
          {enrolments.isPending && <Loading text={t('loading')} />}
          {enrolments.data?.length === 0 && <Text>{me && me.personId === null ? t('notCitizen') : t('noEnrolments')}</Text>}
          <Stack>
            {enrolments.data?.map((e) => (
              <EnrolmentCard key={e.id} e={e} t={t} lang={lang} onWithdraw={() => setWithdrawing(e)} />
            ))}
          </Stack>
        </section>

        <OpenSessions t={t} lang={lang} mine={enrolments.data ?? []} />
      </Stack>

      <WithdrawModal
        enrolment={withdrawing}
        t={t}
        lang={lang}
        onClose={() => setWithdrawing(null)}
        onDone={(course) => {
          focusNotice.current = true;
          setWithdrawing(null);
          setWithdrawnCourse(course);
        }}
        onClosed={() => {
          // The withdraw button went with the status, so focus cannot return to it: the message
          // is where it belongs now (after the dialog's own focus return, hence on the exit).
          if (focusNotice.current) notice.current?.focus();
          focusNotice.current = false;
        }}
      />
    </>
  );
}

type Words = TFunction<'training', 'myCourses'>;

function Loading({ text }: { text: string }) {
  return (
    <Group gap="xs" role="status">
      <Loader size="sm" aria-hidden />
      <Text>{text}</Text>
    </Group>
  );
}

/** A label above its value, the way every fact on these pages reads on a phone. */

function EnrolmentCard({ e, t, lang, onWithdraw }: { e: MyEnrolment; t: Words; lang: Language; onWithdraw: () => void }) {
  const { number } = useFormat();
  const course = lang === 'th' ? e.curriculumNameTh : e.curriculumNameEn;
  const province = lang === 'th' ? e.provinceNameTh : e.provinceNameEn;
  const headingId = `enrolment-${e.id}`;
  const canWithdraw = e.status === 'enrolled' || e.status === 'waitlisted';
  const showHours = e.status !== 'withdrawn' && (e.attendedHours > 0 || e.sessionStatus === 'running' || e.sessionStatus === 'completed');
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={headingId}>
      <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
        <Title order={3} size="h4" id={headingId} style={{ flex: '1 1 14rem', minWidth: 0, overflowWrap: 'anywhere' }}>
          {course}
        </Title>
        <EnrolmentStatusBadge enrolment={e} />
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs" mt="sm">
        <Fact label={t('dates')}>{datesOf(e, lang)}</Fact>
        <Fact label={t('place')}>{e.online ? t('online') : placeOf(e.venue, province, lang)}</Fact>
        {showHours && <Fact label={t('attended')}>{t('hours', { n: number(e.attendedHours) })}</Fact>}
        {e.postTestScore !== null && <Fact label={t('score')}>{e.postTestScore}</Fact>}
      </SimpleGrid>
      <Text size="sm" c="dimmed" mt={4}>
        {t('code')}: {e.sessionCode}
      </Text>
      {e.status === 'waitlisted' && <Text mt="xs">{t('waitlistNote')}</Text>}
      {e.status === 'not-completed' && e.outcomeReasons.length > 0 && (
        <Alert color="red" variant="light" mt="sm" title={t('reasons')} styles={{ message: { color: '#8b1a1a' } }}>
          <List spacing={2}>
            {e.outcomeReasons.map((r) => (
              <List.Item key={r.code}>{lang === 'th' ? r.th : r.en}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      <Group gap="sm" mt="md" wrap="wrap">
        <Button component={Link} to={`/my/courses/sessions/${e.sessionId}`} variant="default" size="md">
          {t('details')}
          <VisuallyHidden>: {course}</VisuallyHidden>
        </Button>
        {e.credentialCode && (
          <Button component={Link} to={`/my/certificates#certificate-${e.credentialCode}`} color="#1b5e20" size="md">
            {t('certificate')}
            <VisuallyHidden>: {course}</VisuallyHidden>
          </Button>
        )}
        {canWithdraw && (
          <Button variant="outline" color="red.9" size="md" onClick={onWithdraw}>
            {t('withdraw')}
            <VisuallyHidden>: {course}</VisuallyHidden>
          </Button>
        )}
      </Group>
    </Paper>
  );
}

function WithdrawModal({
  enrolment,
  t,
  lang,
  onClose,
  onDone,
  onClosed,
}: {
  enrolment: MyEnrolment | null;
  t: Words;
  lang: Language;
  onClose: () => void;
  onDone: (course: string) => void;
  onClosed: () => void;
}) {
  const refresh = useTrainingRefresh();
  const [reason, setReason] = useState('');
  const withdraw = useMutation({
    mutationFn: (e: MyEnrolment) =>
      unwrap(api.POST('/api/training/enrolments/{id}/withdraw', { params: { path: { id: e.id } }, body: { reason: reason.trim() || null } })),
    onSuccess: (_result, e) => {
      void refresh.myEnrolment(e.sessionId);
      setReason('');
      onDone(lang === 'th' ? e.curriculumNameTh : e.curriculumNameEn);
    },
  });
  const close = () => {
    withdraw.reset();
    setReason('');
    onClose();
  };
  const course = enrolment ? (lang === 'th' ? enrolment.curriculumNameTh : enrolment.curriculumNameEn) : '';
  return (
    <Modal opened={enrolment !== null} onClose={close} onExitTransitionEnd={onClosed} title={t('withdrawTitle')} size="lg">
      {enrolment && (
        <Stack>
          <div>
            <Text fw={600}>{course}</Text>
            <Text size="sm" c="dimmed">
              {datesOf(enrolment, lang)}
            </Text>
          </div>
          <Text>{enrolment.status === 'enrolled' ? t('withdrawSeat') : t('withdrawWaitlist')}</Text>
          <Textarea
            label={t('reason')}
            description={t('reasonHint')}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            maxLength={500}
            autosize
            minRows={2}
            size="md"
          />
          <ProblemAlert error={withdraw.error} />
          <Group wrap="wrap">
            <Button color="red.9" size="md" loading={withdraw.isPending} onClick={() => withdraw.mutate(enrolment)}>
              {t('confirmWithdraw')}
            </Button>
            <Button variant="default" size="md" onClick={close}>
              {t('keep')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

function OpenSessions({ t, lang, mine }: { t: Words; lang: Language; mine: MyEnrolment[] }) {
  const provinces = useProvinces();
  const [province, setProvince] = useState<string | null>(null);
  const [category, setCategory] = useState<Category | null>(null);
  const [limit, setLimit] = useState(PAGE);
  const sessions = useSessions({ open: 'true', province: province ?? undefined, category: category ?? undefined, limit, offset: 0 });
  const applied = new Set(mine.filter((e) => e.status !== 'withdrawn').map((e) => e.sessionId));
  const { number } = useFormat();
  const data = sessions.data;

  return (
    <section aria-labelledby="open-sessions">
      <Title order={2} size="h3" id="open-sessions" mb="sm">
        {t('open')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }} mb="md" maw={640}>
        <Select
          label={t('province')}
          placeholder={t('all')}
          data={(provinces.data ?? []).map((p) => ({ value: p.code, label: nameOf(p, lang) }))}
          value={province}
          onChange={(v) => {
            setProvince(v);
            setLimit(PAGE);
          }}
          clearable
          searchable
          size="md"
        />
        <Select
          label={t('category')}
          placeholder={t('all')}
          data={CURRICULUM_CATEGORIES.map((c) => ({ value: c.code, label: c[lang] }))}
          value={category}
          onChange={(v) => {
            setCategory(v as Category | null);
            setLimit(PAGE);
          }}
          clearable
          size="md"
        />
      </SimpleGrid>
      <ProblemAlert error={sessions.error} />
      {sessions.isPending && <Loading text={t('loading')} />}
      {data && (
        <>
          <Text role="status" mb="sm">
            {data.total === 0 ? t('noOpen') : t('openCount', { n: number(data.total) })}
          </Text>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            {data.items.map((s) => (
              <OpenSessionCard key={s.id} s={s} t={t} lang={lang} number={number} applied={applied.has(s.id)} />
            ))}
          </SimpleGrid>
          {data.items.length < data.total && (
            <Group mt="md" gap="sm">
              <Button variant="default" size="md" onClick={() => setLimit((n) => n + PAGE)} loading={sessions.isFetching}>
                {t('more')}
              </Button>
              <Text size="sm" c="dimmed">
                {t('shown', { shown: number(data.items.length), total: number(data.total) })}
              </Text>
            </Group>
          )}
        </>
      )}
    </section>
  );
}

function OpenSessionCard({ s, t, lang, number, applied }: { s: OpenSession; t: Words; lang: Language; number: (n: number) => string; applied: boolean }) {
  const course = lang === 'th' ? s.curriculumNameTh : s.curriculumNameEn;
  const headingId = `open-session-${s.id}`;
  const seatsLeft = Math.max(0, s.capacityMax - s.enrolledCount);
  const fillText = t('fill', { n: number(s.enrolledCount), max: number(s.capacityMax) });
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={headingId}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
          <Title order={3} size="h4" id={headingId} style={{ flex: '1 1 12rem', minWidth: 0, overflowWrap: 'anywhere' }}>
            {course}
          </Title>
          {applied && (
            <Badge color="indigo.9" variant="filled" size="lg" tt="none">
              {t('applied')}
            </Badge>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          {lang === 'th' ? s.unitNameTh : s.unitNameEn}
        </Text>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
          <Fact label={t('dates')}>{datesOf(s, lang)}</Fact>
          <Fact label={t('place')}>{s.online ? t('online') : placeOf(s.venue, lang === 'th' ? s.provinceNameTh : s.provinceNameEn, lang)}</Fact>
          <Fact label={t('closes')}>{formatThaiDate(s.applicationsCloseOn, { style: 'long', locale: lang })}</Fact>
        </SimpleGrid>
        <div>
          <Progress value={Math.min(100, s.fillPercent)} color={s.fillPercent >= 100 ? 'orange.9' : 'indigo.8'} size="lg" aria-label={fillText} />
          <Text size="sm" mt={4}>
            {fillText} · {seatsLeft > 0 ? t('left', { n: number(seatsLeft) }) : t('full', { n: number(s.waitlistedCount) })}
          </Text>
        </div>
        <Button component={Link} to={`/my/courses/sessions/${s.id}`} size="md" fullWidth>
          {t('apply')}
          <VisuallyHidden>: {course}</VisuallyHidden>
        </Button>
      </Stack>
    </Paper>
  );
}
