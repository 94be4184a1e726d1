import { Anchor, Badge, Button, Group, Paper, Select, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useFormat } from '../../format';
import { useLanguage } from '../../i18n/language';
import { useMyData, useMyGrievances, useMySummary, useSelfRefresh } from './queries';

const FIELDS = ['phone', 'firstNameTh', 'lastNameTh', 'firstNameEn', 'lastNameEn', 'houseNo'] as const;
type Field = (typeof FIELDS)[number];

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb="xs">
        {title}
      </Title>
      <Stack gap="xs">{children}</Stack>
    </Paper>
  );
}

/** My Archeep: on a phone, everything about the signed-in citizen, with one timeline. */
export function MyArcheepPage() {
  const { t } = useTranslation('selfservice', { keyPrefix: 'summary' });
  const lang = useLanguage();
  const { date, dateTime } = useFormat();
  const summary = useMySummary();
  const s = summary.data;
  return (
    <>
      <PageHeader title={t('title')} intro={t('intro')}>
        <Group gap="md">
          <Anchor component={Link} to="/my/data">
            {t('myData')}
          </Anchor>
          <Anchor component={Link} to="/my/grievances">
            {t('grievances')}
          </Anchor>
        </Group>
      </PageHeader>
      <Stack maw={720}>
        <ProblemAlert error={summary.error} />
        {s && (
          <>
            <Section id="courses" title={t('courses')}>
              {s.enrolments.length === 0 && <Text>{t('none')}</Text>}
              {s.enrolments.map((e) => (
                <Text key={e.id}>
                  {lang === 'en' ? e.curriculumNameEn : e.curriculumNameTh} · {date(e.startsOn)} · <Badge variant="light">{e.status}</Badge>
                </Text>
              ))}
            </Section>
            <Section id="certificates" title={t('certificates')}>
              {s.certificates.length === 0 && <Text>{t('none')}</Text>}
              {s.certificates.map((c) => (
                <Stack key={c.code} gap={2}>
                  <Text fw={600}>{lang === 'en' ? c.titleEn : c.titleTh}</Text>
                  <Group gap="md">
                    <Anchor href={c.pdfUrl}>{t('download')}</Anchor>
                    <Anchor href={c.verifyUrl}>{t('verify')}</Anchor>
                  </Group>
                </Stack>
              ))}
              {s.assessments.map((a) => (
                <Text key={a.id}>
                  {lang === 'en' ? a.qualificationEn : a.qualificationTh} · {a.assessedOn ? date(a.assessedOn) : ''} · {a.status}
                </Text>
              ))}
            </Section>
            <Section id="jobs" title={t('jobs')}>
              {s.employment.referrals.length + s.employment.placements.length === 0 && <Text>{t('none')}</Text>}
              {s.employment.referrals.map((r) => (
                <Text key={r.id}>{t('referral', { title: r.vacancyTitleTh, status: r.status })}</Text>
              ))}
              {s.employment.placements.map((p) => (
                <Text key={p.id}>{t('placement', { title: p.titleTh, employer: p.employerNameTh })}</Text>
              ))}
              <Text fw={600}>{t('followUps', { n: s.followUpsToAnswer })}</Text>
              {s.followUpsToAnswer > 0 && (
                <Anchor component={Link} to="/my/employment">
                  {t('answerFollowUps')}
                </Anchor>
              )}
            </Section>
            <Section id="groups" title={t('groups')}>
              {s.groups.length === 0 && <Text>{t('none')}</Text>}
              {s.groups.map((g) => (
                <Stack key={g.groupId} gap={2}>
                  <Text fw={600}>
                    {g.groupName} ({g.role})
                  </Text>
                  {g.participations.map((p) => (
                    <Text key={p.id}>
                      {t('stage', {
                        programme: lang === 'en' ? p.programmeNameEn : p.programmeNameTh,
                        stage: (() => {
                          const st = p.stages.find((x) => x.code === p.stageCode);
                          return st ? (lang === 'en' ? st.nameEn : st.nameTh) : p.stageCode;
                        })(),
                      })}
                    </Text>
                  ))}
                </Stack>
              ))}
            </Section>
            <Section id="loans" title={t('loans')}>
              {s.loans.length === 0 && <Text>{t('none')}</Text>}
              {s.loans.map((l) => (
                <Text key={l.id}>
                  {l.groupName} · {l.nextDueOn ? t('nextDue', { date: date(l.nextDueOn, 'long') }) : t('noNextDue')}
                </Text>
              ))}
            </Section>
            <Section id="timeline" title={t('timeline')}>
              {s.timeline.map((e) => (
                <Text key={`${e.id}-${e.kind}`} size="sm">
                  {dateTime(e.occurredAt)} · {lang === 'en' ? e.summaryEn : e.summaryTh}
                </Text>
              ))}
            </Section>
          </>
        )}
      </Stack>
    </>
  );
}

/** My data: what is held, who saw it unmasked, downloads, consents, correction and erasure requests. */
export function MyDataPage() {
  const { t } = useTranslation('selfservice', { keyPrefix: 'data' });
  const lang = useLanguage();
  const { date, dateTime } = useFormat();
  const data = useMyData();
  const refresh = useSelfRefresh();
  const [field, setField] = useState<Field>('phone');
  const [value, setValue] = useState('');
  const [reason, setReason] = useState('');
  const [erasureReason, setErasureReason] = useState('');
  const consent = useMutation({
    mutationFn: ({ purpose, give }: { purpose: 'sensitive-data' | 'share-lazada' | 'share-gsb' | 'share-partners' | 'contact'; give: boolean }) =>
      give ? unwrap(api.POST('/api/me/consents', { body: { purpose } })) : unwrap(api.DELETE('/api/me/consents/{purpose}', { params: { path: { purpose } } })),
    onSuccess: () => void refresh(),
  });
  const correction = useMutation({
    mutationFn: () => unwrap(api.POST('/api/me/requests', { body: { kind: 'correction', field, requestedValue: value, reason } })),
    onSuccess: () => {
      setValue('');
      setReason('');
      void refresh();
    },
  });
  const erasure = useMutation({
    mutationFn: () => unwrap(api.POST('/api/me/requests', { body: { kind: 'erasure', reason: erasureReason } })),
    onSuccess: () => {
      setErasureReason('');
      void refresh();
    },
  });
  const d = data.data;
  const standing = new Set((d?.consents ?? []).filter((c) => !c.withdrawnAt).map((c) => c.purpose));
  // The house number is part of the address; the other fields are on the record itself.
  const current = !d ? null : field === 'houseNo' ? d.record.address.houseNo : d.record[field];
  return (
    <>
      <PageHeader title={t('title')} intro={t('intro')} />
      <Stack maw={720}>
        <ProblemAlert error={data.error} />
        {d && (
          <>
            <Section id="download" title={t('download')}>
              <Group gap="md">
                <Button component="a" href="/api/me/data/export.json" download variant="light" size="md">
                  {t('json')}
                </Button>
                <Button component="a" href="/api/me/data/export.pdf" download variant="light" size="md">
                  {t('pdf')}
                </Button>
              </Group>
            </Section>
            <Section id="held" title={t('held')}>
              {d.held.map((h) => (
                <Text key={`${h.module}-${h.what.en}`}>
                  {lang === 'en' ? h.what.en : h.what.th}: {t('items', { n: h.count })}
                </Text>
              ))}
            </Section>
            <Section id="who-saw" title={t('whoSaw')}>
              {d.whoSaw.length === 0 && <Text>{t('nobody')}</Text>}
              {d.whoSaw.map((v, i) => (
                <Text key={i} size="sm">
                  {dateTime(v.at)} · {lang === 'en' ? v.what.en : v.what.th} · {v.officerName ?? '-'} (
                  {v.roles.map((r) => `${r.role} ${(lang === 'en' ? r.unitNameEn : r.unitNameTh) ?? ''}`.trim()).join(', ')})
                  {v.reason ? ` · ${t('reason', { reason: v.reason })}` : ''}
                </Text>
              ))}
            </Section>
            <Section id="consents" title={t('consents')}>
              <ProblemAlert error={consent.error} />
              {d.purposes.map((p) => (
                <Group key={p} justify="space-between" wrap="wrap">
                  <Text>
                    {t(`purposes.${p}`)} · <Badge variant="light">{standing.has(p) ? t('given') : t('notGiven')}</Badge>
                  </Text>
                  <Button
                    size="sm"
                    variant={standing.has(p) ? 'outline' : 'light'}
                    color={standing.has(p) ? 'red.9' : undefined}
                    loading={consent.isPending && consent.variables?.purpose === p}
                    onClick={() => consent.mutate({ purpose: p, give: !standing.has(p) })}
                    aria-label={`${standing.has(p) ? t('withdraw') : t('give')}: ${t(`purposes.${p}`)}`}
                  >
                    {standing.has(p) ? t('withdraw') : t('give')}
                  </Button>
                </Group>
              ))}
            </Section>
            <Section id="correction" title={t('correction')}>
              <Select
                label={t('field')}
                data={FIELDS.map((f) => ({ value: f, label: t(`fields.${f}`) }))}
                value={field}
                onChange={(v) => v && setField(v as Field)}
                allowDeselect={false}
              />
              <Text size="sm" c="dimmed">
                {t('current', { value: current ?? '-' })}
              </Text>
              <TextInput label={t('requestedValue')} value={value} onChange={(e) => setValue(e.currentTarget.value)} />
              <Textarea label={t('reasonLabel')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
              <ProblemAlert error={correction.error} />
              {correction.data && <Text role="status">{t('sent', { date: date(correction.data.dueOn, 'long') })}</Text>}
              <Button onClick={() => correction.mutate()} loading={correction.isPending} size="md">
                {t('send')}
              </Button>
            </Section>
            <Section id="erasure" title={t('erasure')}>
              <Text size="sm">{t('erasureIntro')}</Text>
              <Textarea label={t('reasonLabel')} value={erasureReason} onChange={(e) => setErasureReason(e.currentTarget.value)} />
              <ProblemAlert error={erasure.error} />
              <Button onClick={() => erasure.mutate()} loading={erasure.isPending} size="md" variant="outline" color="red.9">
                {t('askErasure')}
              </Button>
            </Section>
            <Section id="requests" title={t('requests')}>
              {d.requests.map((r) => (
                <Stack key={r.id} gap={2}>
                  <Text fw={600}>
                    {t(`kind.${r.kind}`)}
                    {r.field ? ` · ${t(`fields.${r.field}`)}` : ''} · <Badge variant="light">{t(`status.${r.status}`)}</Badge>
                  </Text>
                  <Text size="sm">{r.overdue ? t('overdue', { n: r.daysOverdue }) : t('due', { date: date(r.dueOn) })}</Text>
                  {r.legalHold && <Text size="sm">{t('hold', { reason: lang === 'en' ? r.legalHold.en : r.legalHold.th })}</Text>}
                  {r.outcome && <Text size="sm">{t('outcome', { outcome: r.outcome })}</Text>}
                </Stack>
              ))}
            </Section>
          </>
        )}
      </Stack>
    </>
  );
}

/** A citizen's complaints and appeals: file one (for herself or a group she leads) and follow them. */
export function MyGrievancesPage() {
  const { t } = useTranslation('selfservice', { keyPrefix: 'grievances' });
  const lang = useLanguage();
  const { date } = useFormat();
  const list = useMyGrievances();
  const summary = useMySummary();
  const refresh = useSelfRefresh();
  const [kind, setKind] = useState<'complaint' | 'appeal'>('complaint');
  const [about, setAbout] = useState<'refusal' | 'decision' | 'data-error' | 'service' | 'other'>('service');
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [reference, setReference] = useState('');
  const [group, setGroup] = useState<string>('');
  const leads = (summary.data?.groups ?? []).filter((g) => g.role === 'leader');
  const file = useMutation({
    mutationFn: () =>
      unwrap(api.POST('/api/me/grievances', { body: { kind, about, subject, body, reference: reference || null, groupId: group ? Number(group) : null } })),
    onSuccess: () => {
      setSubject('');
      setBody('');
      setReference('');
      void refresh();
    },
  });
  return (
    <>
      <PageHeader title={t('title')} intro={t('intro')} />
      <Stack maw={720}>
        <Section id="file" title={t('file')}>
          <Select
            label={t('kindLabel')}
            data={(['complaint', 'appeal'] as const).map((k) => ({ value: k, label: t(`kind.${k}`) }))}
            value={kind}
            onChange={(v) => v && setKind(v as typeof kind)}
            allowDeselect={false}
          />
          <Select
            label={t('aboutLabel')}
            data={(['refusal', 'decision', 'data-error', 'service', 'other'] as const).map((k) => ({ value: k, label: t(`about.${k}`) }))}
            value={about}
            onChange={(v) => v && setAbout(v as typeof about)}
            allowDeselect={false}
          />
          {leads.length > 0 && (
            <Select
              label={t('group')}
              data={[{ value: '', label: t('myself') }, ...leads.map((g) => ({ value: String(g.groupId), label: g.groupName }))]}
              value={group}
              onChange={(v) => setGroup(v ?? '')}
            />
          )}
          <TextInput label={t('subject')} value={subject} onChange={(e) => setSubject(e.currentTarget.value)} />
          <Textarea label={t('body')} value={body} onChange={(e) => setBody(e.currentTarget.value)} autosize minRows={3} />
          <TextInput label={t('reference')} value={reference} onChange={(e) => setReference(e.currentTarget.value)} />
          <ProblemAlert error={file.error} />
          {file.isSuccess && <Text role="status">{t('sent')}</Text>}
          <Button onClick={() => file.mutate()} loading={file.isPending} size="md">
            {t('send')}
          </Button>
        </Section>
        <Section id="list" title={t('list')}>
          <ProblemAlert error={list.error} />
          {list.data?.length === 0 && <Text>{t('none')}</Text>}
          {list.data?.map((g) => (
            <Stack key={g.id} gap={2}>
              <Text fw={600}>
                {t(`kind.${g.kind}`)}: {g.subject} · <Badge variant="light">{t(`status.${g.status}`)}</Badge>
              </Text>
              <Text size="sm">
                {g.escalated ? t('escalated') : t('due', { date: date(g.dueOn) })}
                {g.unitNameTh ? ` · ${t('office', { office: lang === 'en' ? g.unitNameEn : g.unitNameTh })}` : ''}
              </Text>
              {g.answer && <Text size="sm">{t('answer', { answer: g.answer })}</Text>}
            </Stack>
          ))}
        </Section>
      </Stack>
    </>
  );
}
