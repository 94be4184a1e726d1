import type { TFunction } from 'i18next';
import { Accordion, Alert, Anchor, Badge, Button, Code, Group, Loader, Modal, Paper, Radio, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { Fact } from '../../components/Fact';
import { useAssessment, useCredentialsRefresh, usePersonCredentials } from './queries';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { hasRole, useMe } from '../../session';
import { formatThaiDate, formatThaiDateTime } from '../../../shared/thai-date';
import { useLanguage } from '../../i18n/language';
import { RevokeCredential } from './RevokeCredential';
import { UnitCriteria } from './StandardPage';
import { StatusBadge } from './StatusBadge';
import { CANDIDATE_STATUS, EVENT_STATUS, RESULT, named, type Language } from './words';

type AssessmentEvent = components['schemas']['AssessmentEvent'];
type Candidate = components['schemas']['AssessmentCandidate'];
type Result = Candidate['results'][number]['result'];
type Draft = Record<string, { result: Result | null; note: string }>;

type Words = TFunction<'credentials', 'assessment'>;

/** An assessment event: its facts, the organiser's actions, and one sheet per candidate for the assessors. */
export function AssessmentPage() {
  const { t: words } = useTranslation('credentials');
  const { t } = useTranslation('credentials', { keyPrefix: 'assessment' });
  const lang = useLanguage();
  const id = Number(useParams().id);
  const event = useAssessment(id);
  const credentials = useCredentialsRefresh();
  const setEvent = (e: AssessmentEvent) => void credentials.assessment(e);
  const [cancelling, setCancelling] = useState(false);
  const [reason, setReason] = useState('');
  const move = useMutation({
    mutationFn: (status: 'completed' | 'cancelled') =>
      unwrap(api.POST('/api/assessments/{id}/status', { params: { path: { id } }, body: { status, reason: status === 'cancelled' ? reason : null } })),
    onSuccess: (e) => {
      setCancelling(false);
      setEvent(e);
    },
  });

  if (event.error) return <ProblemAlert error={event.error} />;
  const e = event.data;
  if (!e)
    return (
      <Group gap="xs" role="status">
        <Loader size="sm" aria-hidden />
        <Text>{t('loading')}</Text>
      </Group>
    );
  const active = e.candidates.filter((c) => c.status !== 'withdrawn');

  return (
    <>
      <PageHeader title={lang === 'th' ? e.qualificationTh : e.qualificationEn} intro={`${e.code} · ${lang === 'th' ? e.standardNameTh : e.standardNameEn}`}>
        <Group gap="sm" wrap="wrap">
          <StatusBadge look={EVENT_STATUS[e.status]} label={words(`eventStatus.${e.status}`)} data-testid="event-status" />
          {e.canOrganise && (
            <Button size="md" onClick={() => move.mutate('completed')} loading={move.isPending && move.variables === 'completed'}>
              {t('complete')}
            </Button>
          )}
          {e.canOrganise && (
            <Button size="md" color="red.9" variant="outline" onClick={() => setCancelling(true)}>
              {t('cancel')}
            </Button>
          )}
        </Group>
        <Group gap="md">
          <Anchor component={Link} to="/credentials">
            {t('back')}
          </Anchor>
          <Anchor component={Link} to={`/credentials/standards/${e.standardCode}`}>
            {t('standardPage')}
          </Anchor>
        </Group>
      </PageHeader>
      <ProblemAlert error={move.error} />
      {e.statusReason && (
        <Alert color="gray" mb="md" styles={{ message: { color: '#212529' } }}>
          {e.statusReason}
        </Alert>
      )}
      <Paper withBorder p="md" mb="md">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
          <Fact label={t('date')}>{formatThaiDate(e.assessedOn, { style: 'long', locale: lang })}</Fact>
          <Fact label={t('centre')}>{lang === 'th' ? e.centreNameTh : e.centreNameEn}</Fact>
          <Fact label={t('place')}>{e.online ? t('online') : `${e.venue ?? '—'} · ${lang === 'th' ? e.provinceNameTh : e.provinceNameEn}`}</Fact>
          <Fact label={t('seats')}>{t('seatsValue', { n: active.length, max: e.capacity, c: e.competentCount })}</Fact>
          <Fact label={t('assessors')}>{e.assessors.map((a) => a.displayName).join(', ')}</Fact>
        </SimpleGrid>
      </Paper>

      <Title order={2} size="h3" mb="xs">
        {t('candidates')}
      </Title>
      {e.status === 'open' && !e.canAssess && !e.canOrganise && <Text mb="sm">{t('notYet')}</Text>}
      {e.candidates.length === 0 && <Text>{t('nobody')}</Text>}
      <Stack gap="lg" maw={1000}>
        {e.candidates.map((c) => (
          <CandidateSheet key={c.id} event={e} candidate={c} onEvent={setEvent} />
        ))}
      </Stack>

      <Modal opened={cancelling} onClose={() => setCancelling(false)} title={t('cancelTitle')}>
        <Stack>
          <Textarea label={t('reason')} required value={reason} onChange={(ev) => setReason(ev.currentTarget.value)} autosize minRows={2} maxLength={500} />
          <ProblemAlert error={move.error} />
          <Group justify="end">
            <Button variant="default" onClick={() => setCancelling(false)}>
              {t('backButton')}
            </Button>
            <Button color="red.9" onClick={() => move.mutate('cancelled')} loading={move.isPending} disabled={!reason.trim()}>
              {t('confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

const draftOf = (c: Candidate): Draft =>
  Object.fromEntries(
    c.units.map((u) => {
      const saved = c.results.find((r) => r.unitCode === u);
      return [u, { result: saved?.result ?? null, note: saved?.evidenceNote ?? '' }];
    }),
  );

/** One candidate: the assessor's sheet while undecided, the results and the qualification after. */
function CandidateSheet({ event: e, candidate: c, onEvent }: { event: AssessmentEvent; candidate: Candidate; onEvent: (e: AssessmentEvent) => void }) {
  const { t: words } = useTranslation('credentials');
  const { t } = useTranslation('credentials', { keyPrefix: 'assessment' });
  const lang = useLanguage();
  const name = lang === 'th' ? c.nameTh : (c.nameEn ?? c.nameTh);
  const headingId = `candidate-${c.id}`;
  const [draft, setDraft] = useState<Draft>(() => draftOf(c));
  const [tried, setTried] = useState(false);
  const [confirming, setConfirming] = useState<'decide' | 'absent' | 'withdraw' | null>(null);
  const units = c.units.map((code) => e.units.find((u) => u.code === code)).filter((u): u is AssessmentEvent['units'][number] => Boolean(u));
  const saved = new Map(c.results.map((r) => [r.unitCode, r]));
  const dirty = c.units.some(
    (u) => (draft[u]?.result ?? null) !== (saved.get(u)?.result ?? null) || (draft[u]?.note ?? '').trim() !== (saved.get(u)?.evidenceNote ?? ''),
  );
  const problemOf = (u: string) => {
    const d = draft[u];
    if (!d || (!d.result && !d.note.trim())) return null;
    if (!d.result) return 'result' as const;
    if (d.note.trim().length < 3) return 'evidence' as const;
    return null;
  };
  const ready = c.units.filter((u) => draft[u]?.result && (draft[u]?.note.trim().length ?? 0) >= 3);

  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.PUT('/api/assessments/candidates/{id}/results', {
          params: { path: { id: c.id } },
          body: { results: ready.map((u) => ({ unitCode: u, result: draft[u]!.result!, evidenceNote: draft[u]!.note.trim() })) },
        }),
      ),
    onSuccess: (event) => {
      setTried(false);
      onEvent(event);
    },
  });
  const decide = useMutation({
    mutationFn: (absent: boolean) =>
      unwrap(api.POST('/api/assessments/candidates/{id}/decide', { params: { path: { id: c.id } }, body: absent ? { absent: true } : {} })),
    onSuccess: (decision) => {
      setConfirming(null);
      onEvent(decision.event);
    },
  });
  const withdraw = useMutation({
    mutationFn: () => unwrap(api.POST('/api/assessments/candidates/{id}/withdraw', { params: { path: { id: c.id } } })),
    onSuccess: (event) => {
      setConfirming(null);
      onEvent(event);
    },
  });
  const onSave = () => {
    setTried(true);
    if (c.units.some((u) => problemOf(u)) || ready.length === 0) return;
    save.mutate();
  };

  const sheet = e.canAssess && c.status === 'referred';
  const allSaved = c.units.every((u) => saved.has(u)) && !dirty;
  const notYetCompetent = c.units.filter((u) => saved.get(u)?.result === 'not-yet-competent').length;
  const decided = decide.data;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId} data-testid={`candidate-${c.personId}`}>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
        <div style={{ flex: '1 1 16rem', minWidth: 0 }}>
          <Title order={3} size="h3" id={headingId}>
            {name}
          </Title>
          <Text size="sm" c="dimmed">
            {c.docNumberMasked} · {t('basis')}: {words(`basis.${c.basis}`)}
            {c.basisNote ? ` (${c.basisNote})` : ''}
          </Text>
        </div>
        <Group gap="xs">
          <StatusBadge look={CANDIDATE_STATUS[c.status]} label={words(`candidateStatus.${c.status}`)} />
          {c.overall && <StatusBadge look={RESULT[c.overall]} label={words(`result.${c.overall}`)} />}
        </Group>
      </Group>

      {decided && (
        <Alert
          mt="sm"
          variant="light"
          role="status"
          color={decided.overall === 'competent' ? 'green' : 'gray'}
          styles={{ message: { color: decided.overall === 'competent' ? '#1b5e20' : '#212529' } }}
        >
          {decided.absent ? t('absentDone') : decided.credentialCode ? t('awarded', { code: decided.credentialCode }) : t('notAwarded')}
        </Alert>
      )}

      {sheet ? (
        <Stack gap="md" mt="md">
          {units.map((u) => {
            const problem = tried ? problemOf(u.code) : null;
            const d = draft[u.code] ?? { result: null, note: '' };
            const criteriaCount = u.elements.reduce((n, el) => n + el.criteria.length, 0);
            return (
              <Paper key={u.code} withBorder p="sm" bg="gray.0">
                <Text size="sm" c="dimmed">
                  {t('unit', { n: u.position })} · {u.code}
                </Text>
                <Title order={4} size="h4" lh={1.4}>
                  {named(u, lang)}
                </Title>
                <Accordion variant="contained" mt="xs" chevronPosition="right" bg="white">
                  <Accordion.Item value="criteria">
                    <Accordion.Control>{t('criteria', { n: criteriaCount })}</Accordion.Control>
                    <Accordion.Panel>
                      <UnitCriteria unit={u} lang={lang} />
                    </Accordion.Panel>
                  </Accordion.Item>
                </Accordion>
                <Radio.Group
                  mt="sm"
                  label={t('resultOf', { n: u.position })}
                  required
                  value={d.result ?? ''}
                  error={problem === 'result' ? t('needResult') : undefined}
                  onChange={(v) => setDraft((old) => ({ ...old, [u.code]: { ...d, result: v as Result } }))}
                >
                  <SimpleGrid cols={{ base: 1, xs: 2 }} mt={6} spacing="sm">
                    {(Object.keys(RESULT) as Result[]).map((r) => (
                      <Radio.Card
                        key={r}
                        value={r}
                        p="md"
                        radius="md"
                        bg="white"
                        style={{
                          borderWidth: 2,
                          borderColor: d.result === r ? (r === 'competent' ? '#1b5e20' : '#a51d1d') : undefined,
                          background: d.result === r ? (r === 'competent' ? '#e8f5e9' : '#fdecea') : undefined,
                        }}
                      >
                        <Group wrap="nowrap" gap="sm">
                          <Radio.Indicator size="md" />
                          <Text fw={600} size="lg">
                            {words(`result.${r}`)}
                          </Text>
                          <Text span aria-hidden fw={700} size="xl" c={r === 'competent' ? '#1b5e20' : '#a51d1d'} ml="auto">
                            {RESULT[r].mark}
                          </Text>
                        </Group>
                      </Radio.Card>
                    ))}
                  </SimpleGrid>
                </Radio.Group>
                <Textarea
                  mt="sm"
                  label={t('evidence')}
                  description={t('evidenceHint')}
                  required
                  autosize
                  minRows={2}
                  maxLength={2000}
                  size="md"
                  value={d.note}
                  error={problem === 'evidence' ? t('needEvidence') : undefined}
                  onChange={(ev) => {
                    const note = ev.currentTarget.value;
                    setDraft((old) => ({ ...old, [u.code]: { ...d, note } }));
                  }}
                />
              </Paper>
            );
          })}
          {tried && ready.length === 0 && (
            <Text c="red.9" role="alert">
              {t('nothingToSave')}
            </Text>
          )}
          <ProblemAlert error={save.error ?? decide.error ?? withdraw.error} />
          <Group gap="sm" wrap="wrap">
            <Button size="lg" onClick={onSave} loading={save.isPending}>
              {t('save')}
            </Button>
            <Button size="lg" color="#1b5e20" onClick={() => setConfirming('decide')} disabled={!allSaved}>
              {t('decide')}
            </Button>
            <Button size="lg" variant="default" onClick={() => setConfirming('absent')}>
              {t('absent')}
            </Button>
            {e.canOrganise && (
              <Button size="lg" variant="outline" color="red.9" onClick={() => setConfirming('withdraw')}>
                {t('withdraw')}
              </Button>
            )}
          </Group>
          <Text size="sm" role="status">
            {dirty ? t('unsaved') : allSaved ? t('saved') : t('decideHint')}
          </Text>
        </Stack>
      ) : (
        <>
          <Results candidate={c} event={e} t={t} lang={lang} />
          {e.canOrganise && c.status === 'referred' && (
            <Group mt="sm">
              <ProblemAlert error={withdraw.error} />
              <Button size="md" variant="outline" color="red.9" onClick={() => setConfirming('withdraw')}>
                {t('withdraw')}
              </Button>
            </Group>
          )}
        </>
      )}

      {c.overall === 'competent' && <Qualification event={e} candidate={c} known={decided?.credentialCode ?? null} t={t} />}

      <Modal
        opened={confirming !== null}
        onClose={() => setConfirming(null)}
        title={t(confirming === 'absent' ? 'absentTitle' : confirming === 'withdraw' ? 'withdrawTitle' : 'decideTitle', { name })}
      >
        <Stack>
          {confirming === 'decide' && <Text>{notYetCompetent === 0 ? t('decideCompetent') : t('decideNyc', { n: notYetCompetent })}</Text>}
          {confirming !== 'withdraw' && <Text fw={600}>{t('decideFinal')}</Text>}
          <ProblemAlert error={decide.error ?? withdraw.error} />
          <Group justify="end">
            <Button variant="default" onClick={() => setConfirming(null)}>
              {t('backButton')}
            </Button>
            <Button
              color={confirming === 'withdraw' ? 'red.9' : undefined}
              loading={decide.isPending || withdraw.isPending}
              onClick={() => (confirming === 'withdraw' ? withdraw.mutate() : decide.mutate(confirming === 'absent'))}
            >
              {t('confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}

/** Results as recorded: one line per unit, with what the assessor saw. */
function Results({ candidate: c, event: e, t, lang }: { candidate: Candidate; event: AssessmentEvent; t: Words; lang: Language }) {
  const { t: words } = useTranslation('credentials');
  if (c.results.length === 0) return null;
  return (
    <Stack gap="xs" mt="md">
      {c.units.map((code) => {
        const r = c.results.find((x) => x.unitCode === code);
        const u = e.units.find((x) => x.code === code);
        return (
          <Paper key={code} withBorder p="sm">
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Text fw={600} style={{ flex: '1 1 14rem', minWidth: 0 }}>
                {u ? `${t('unit', { n: u.position })}: ${named(u, lang)}` : code}
              </Text>
              {r && <StatusBadge look={RESULT[r.result]} label={words(`result.${r.result}`)} size="md" />}
            </Group>
            {r && (
              <Text size="sm" mt={4}>
                {r.evidenceNote}
              </Text>
            )}
            {r && (
              <Text size="xs" c="dimmed" mt={2}>
                {t('by', { name: r.assessorName, when: formatThaiDateTime(new Date(r.recordedAt), lang) })}
              </Text>
            )}
          </Paper>
        );
      })}
    </Stack>
  );
}

/**
 * The qualification a competent decision issued: its code comes with the sheet; staff who read
 * credentials also see whether it was revoked, from the person's credentials.
 */
function Qualification({ event: e, candidate: c, known, t }: { event: AssessmentEvent; candidate: Candidate; known: string | null; t: Words }) {
  const { data: me } = useMe();
  const reads = hasRole(me, 'officer', 'executive');
  const credentials = usePersonCredentials(c.personId, { enabled: reads });
  const refresh = useCredentialsRefresh();
  const mine = (credentials.data ?? []).filter((x) => x.kind === 'qualification' && x.standardCode === e.standardCode && x.assessedOn === e.assessedOn);
  const found = mine.find((x) => x.code === (c.credentialCode ?? known)) ?? mine.find((x) => x.status !== 'revoked') ?? mine[0];
  const code = c.credentialCode ?? found?.code ?? known;
  if (!code) return null;
  return (
    <Paper withBorder p="sm" mt="md" bg="gray.0">
      <Text size="sm" c="dimmed">
        {t('credential')}
      </Text>
      <Group gap="sm" wrap="wrap" mt={4}>
        <Code fz="md" data-testid="credential-code">
          {code}
        </Code>
        {found?.status === 'revoked' && (
          <Badge color="red.9" variant="filled" tt="none" size="lg">
            ✕ {t('revoked')}
          </Badge>
        )}
        <Anchor href={`/verify/${code}`}>{t('publicPage')}</Anchor>
        {hasRole(me, 'officer') && found && found.status !== 'revoked' && (
          <RevokeCredential
            code={code}
            onRevoked={() => {
              void refresh.person(c.personId);
            }}
          />
        )}
      </Group>
    </Paper>
  );
}
