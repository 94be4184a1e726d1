import { Anchor, Badge, Button, Checkbox, Group, Paper, Stack, Switch, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useFormat } from '../../format';
import { useLanguage } from '../../i18n/language';
import { hasRole, useMe } from '../../session';
import { FollowUpRow } from './EmploymentPage';
import { useCard, useEmploymentRefresh, useMatches } from './queries';
import { baht, inLang, reasonText } from './words';

/** A person's employment card: opt-in profile, guidance, suitable vacancies, referrals, placements, follow-ups. `/my/employment` shows the citizen their own. */
export function PersonEmploymentPage() {
  const params = useParams();
  const { data: me } = useMe();
  const mine = !params.id;
  const personId = mine ? (me?.personId ?? 0) : Number(params.id);
  const { t } = useTranslation('employment', { keyPrefix: 'person' });
  const tk = useTranslation('employment').t;
  const lang = useLanguage();
  const { number, date } = useFormat();
  const card = useCard(mine ? 'me' : personId);
  const isOfficer = hasRole(me, 'officer');
  const matches = useMatches(personId, Boolean(card.data?.seeker) && personId > 0);
  const refresh = useEmploymentRefresh();
  const [desired, setDesired] = useState('');
  const [homeBased, setHomeBased] = useState(true);
  const [note, setNote] = useState('');
  const [step, setStep] = useState('');
  const [sensitive, setSensitive] = useState(false);
  const optIn = useMutation({
    mutationFn: () =>
      unwrap(
        api.PUT('/api/people/{personId}/job-seeker', {
          params: { path: { personId } },
          body: { desiredOccupations: desired.split(/[,\s]+/).filter(Boolean), acceptsHomeBased: homeBased },
        }),
      ),
    onSuccess: () => void refresh(),
  });
  const guide = useMutation({
    mutationFn: () =>
      unwrap(api.POST('/api/people/{personId}/guidance', { params: { path: { personId } }, body: { note, plan: step ? [{ step }] : [], sensitive } })),
    onSuccess: () => {
      setNote('');
      setStep('');
      void refresh();
    },
  });
  const c = card.data;
  return (
    <Stack>
      <PageHeader title={mine ? t('mine') : t('title')}>
        {!mine && (
          <Anchor component={Link} to={`/registry/people/${personId}`}>
            {personId}
          </Anchor>
        )}
      </PageHeader>
      <ProblemAlert error={card.error} />
      {c && (
        <>
          <Paper withBorder p="md">
            <Title order={2} size="h4" mb="xs">
              {t('seeker')}
            </Title>
            {c.seeker ? (
              <Text>
                {c.seeker.desiredOccupations.join(', ') || '–'} · {c.seeker.acceptsHomeBased ? t('homeBased') : ''}
              </Text>
            ) : (
              <Stack gap="xs">
                <Text>{t('notSeeker')}</Text>
                <TextInput label={t('desired')} value={desired} onChange={(e) => setDesired(e.currentTarget.value)} size="md" />
                <Switch label={t('homeBased')} checked={homeBased} onChange={(e) => setHomeBased(e.currentTarget.checked)} size="md" />
                <Group>
                  <Button onClick={() => optIn.mutate()} loading={optIn.isPending} size="md">
                    {t('optIn')}
                  </Button>
                </Group>
                <ProblemAlert error={optIn.error} />
              </Stack>
            )}
          </Paper>
          {matches.data && matches.data.length > 0 && (
            <Paper withBorder p="md">
              <Title order={2} size="h4" mb="xs">
                {t('matches')}
              </Title>
              <Stack gap="xs">
                {matches.data.slice(0, 10).map((m) => (
                  <div key={m.vacancy.id}>
                    <Text fw={600}>
                      {isOfficer ? (
                        <Anchor component={Link} to={`/employment/vacancies/${m.vacancy.id}`}>
                          {inLang(m.vacancy.titleTh, m.vacancy.titleEn, lang)}
                        </Anchor>
                      ) : (
                        inLang(m.vacancy.titleTh, m.vacancy.titleEn, lang)
                      )}{' '}
                      · {inLang(m.vacancy.employerNameTh, m.vacancy.employerNameEn, lang)}
                    </Text>
                    <Group gap={4}>
                      {m.reasons.map((r) => (
                        <Badge key={r.code} variant={r.points > 0 ? 'filled' : 'outline'} tt="none" color={r.points > 0 ? 'teal.9' : 'gray.8'}>
                          {reasonText(r, lang)}
                        </Badge>
                      ))}
                    </Group>
                  </div>
                ))}
              </Stack>
            </Paper>
          )}
          <Paper withBorder p="md">
            <Title order={2} size="h4" mb="xs">
              {t('placements')}
            </Title>
            {c.placements.length === 0 && <Text>{t('none')}</Text>}
            {c.placements.map((p) => (
              <Text key={p.id} data-testid="placement">
                {inLang(p.titleTh, p.titleEn, lang)} · {p.employerNameTh} · {t('started', { date: date(p.startedOn) })} · {baht(p.wageSatang, number)}{' '}
                {tk(`units.${p.wageUnit as 'day'}`)}
              </Text>
            ))}
          </Paper>
          <Paper withBorder p="md">
            <Title order={2} size="h4" mb="xs">
              {t('followUps')}
            </Title>
            {c.followUps.length === 0 && <Text>{t('none')}</Text>}
            <Stack gap="xs">
              {c.followUps.map((f) => (
                <FollowUpRow key={f.id} f={f} onDone={() => void refresh()} />
              ))}
            </Stack>
          </Paper>
          <Paper withBorder p="md">
            <Title order={2} size="h4" mb="xs">
              {t('referrals')}
            </Title>
            {c.referrals.length === 0 && <Text>{t('none')}</Text>}
            {c.referrals.map((r) => (
              <Text key={r.id}>
                {r.vacancyTitleTh} ({r.vacancyCode}) · {tk(`statuses.${r.status as 'referred'}`)}
              </Text>
            ))}
          </Paper>
          {!mine && (
            <Paper withBorder p="md">
              <Title order={2} size="h4" mb="xs">
                {t('guidance')}
              </Title>
              <Stack gap="xs">
                {c.guidance.map((g) => (
                  <Paper key={g.id} withBorder p="xs">
                    <Text size="sm" c="dimmed">
                      {g.recordedBy} · {date(g.createdAt.slice(0, 10))}
                    </Text>
                    <Text>{g.note ?? t('withheldNote')}</Text>
                    {g.plan.map((s, i) => (
                      <Text key={i} size="sm">
                        → {s.step}
                      </Text>
                    ))}
                  </Paper>
                ))}
                {isOfficer && (
                  <>
                    <Textarea label={t('note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} size="md" />
                    <TextInput label={t('step')} value={step} onChange={(e) => setStep(e.currentTarget.value)} size="md" />
                    <Checkbox label={t('sensitive')} checked={sensitive} onChange={(e) => setSensitive(e.currentTarget.checked)} />
                    <Group>
                      <Button onClick={() => guide.mutate()} loading={guide.isPending} size="md">
                        {t('addNote')}
                      </Button>
                    </Group>
                    <ProblemAlert error={guide.error} />
                  </>
                )}
              </Stack>
            </Paper>
          )}
        </>
      )}
    </Stack>
  );
}
