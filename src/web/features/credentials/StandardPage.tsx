import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import {
  Accordion,
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Code,
  Group,
  List,
  Loader,
  Pagination,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, ApiProblem, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { BarChart } from '../../components/BarChart';
import { Fact } from '../../components/Fact';
import { useAssessments, useCredentialsRefresh, useEligible, useEligibleSummary, useStandard } from './queries';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ScrollTable } from '../../components/ScrollTable';
import { nameOf, useProvinces } from '../../reference';
import { hasRole, useMe } from '../../session';
import { formatThaiDate } from '../../../shared/thai-date';
import { useLanguage } from '../../i18n/language';
import { ASSUMED_STYLES, useReferenceNames } from '../training/CurriculaPage';
import { RevokeCredential } from './RevokeCredential';
import { StatusBadge } from './StatusBadge';
import { STANDING, named, type Language } from './words';

type Standard = components['schemas']['CompetencyStandard'];
type Unit = components['schemas']['CompetencyUnit'];
type Eligible = components['schemas']['EligibleCandidate'];

const PAGE = 50;
type Words = TFunction<'credentials', 'standard'>;

/** A standard in full: units → elements → criteria, the courses that prepare for it, and who may be assessed. */
export function StandardPage() {
  const { t: words } = useTranslation('credentials');
  const { t } = useTranslation('credentials', { keyPrefix: 'standard' });
  const lang = useLanguage();
  const code = useParams().code ?? '';
  const { data: me } = useMe();
  const standard = useStandard(code);
  const names = useReferenceNames(lang);
  const s = standard.data;

  return (
    <>
      <PageHeader title={s ? named(s, lang) : code} intro={s ? `${s.code} · ${lang === 'th' ? s.qualificationTh : s.qualificationEn}` : undefined}>
        <Anchor component={Link} to="/credentials" w="fit-content">
          {t('back')}
        </Anchor>
      </PageHeader>
      <ProblemAlert error={standard.error} />
      {standard.isPending && (
        <Group gap="xs" role="status">
          <Loader size="sm" aria-hidden />
          <Text>{t('loading')}</Text>
        </Group>
      )}
      {s && (
        <Stack gap="lg" maw={1100}>
          <Paper withBorder p="md">
            <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
              <Fact label={t('sector')}>{lang === 'th' ? s.sectorTh : s.sectorEn}</Fact>
              <Fact label={t('qualification')}>{lang === 'th' ? s.qualificationTh : s.qualificationEn}</Fact>
              <Fact label={t('level')}>{s.level}</Fact>
              <Fact label={t('owner')}>{names.agencyName(s.ownerAgencyCode)}</Fact>
              <Fact label={t('validity')}>{s.validityYears === null ? t('noExpiry') : t('validityYears', { n: s.validityYears })}</Fact>
              <Fact label={t('code')}>{s.code}</Fact>
            </SimpleGrid>
            {s.assumedFields.length > 0 && (
              <Alert color="yellow" variant="light" title={t('assumed')} styles={ASSUMED_STYLES} mt="md">
                <Text size="sm">{t('assumedIntro')}</Text>
                <List size="sm" spacing={2} mt={4}>
                  {s.assumedFields.map((field) => (
                    <List.Item key={field}>{words(`standardFields.${field}` as 'standardFields.code', { defaultValue: field })}</List.Item>
                  ))}
                </List>
                <Text size="sm" mt="xs">
                  {t('source')}: {s.sourceNote[lang]}
                </Text>
              </Alert>
            )}
          </Paper>
          <Units units={s.units} t={t} lang={lang} assumed={s.assumedFields.includes('units.elements')} assumedLabel={t('assumed')} />
          <Curricula s={s} t={t} lang={lang} />
          {hasRole(me, 'officer', 'executive') && <EligibleChart code={s.code} t={t} lang={lang} />}
          {hasRole(me, 'officer', 'executive') && <EligibleList s={s} t={t} lang={lang} />}
        </Stack>
      )}
    </>
  );
}

// Okabe–Ito colours: apart for colour-blind readers, and each ≥ 3:1 against white.
const STANDING_COLOURS = { notAssessed: '#6b6b6b', referred: '#0072B2', notYetCompetent: '#B35900', revoked: '#CC3D8F', qualified: '#007A5A' };
const STANDING_KEYS = ['notAssessed', 'referred', 'notYetCompetent', 'revoked', 'qualified'] as const;
const STANDING_OF = {
  notAssessed: 'not-assessed',
  referred: 'referred',
  notYetCompetent: 'not-yet-competent',
  revoked: 'revoked',
  qualified: 'qualified',
} as const;

/** Where the eligible stand, province by province: the picture an officer or executive reads first. */
function EligibleChart({ code, t, lang }: { code: string; t: Words; lang: Language }) {
  const { t: words } = useTranslation('credentials');
  const summary = useEligibleSummary(code);
  if (summary.error) return <ProblemAlert error={summary.error} />;
  const rows = [...(summary.data ?? [])].sort((a, b) => STANDING_KEYS.reduce((sum, key) => sum + b[key] - a[key], 0)).slice(0, 15);
  if (!summary.data || rows.length === 0) return null;
  const series = STANDING_KEYS.map((key) => ({
    name: words(`standing.${STANDING_OF[key]}`),
    values: rows.map((r) => r[key]),
    color: STANDING_COLOURS[key],
  }));
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h3" mb="xs">
        {t('chart')}
      </Title>
      <BarChart
        label={t('chart')}
        categories={rows.map((r) => (lang === 'th' ? r.provinceNameTh : r.provinceNameEn))}
        categoryHeader={t('province')}
        series={series}
        horizontal
      />
    </Paper>
  );
}

/** A unit's elements and their criteria; shared with the assessors' sheet. */
export function UnitCriteria({ unit, lang }: { unit: Unit; lang: Language }) {
  return (
    <Stack gap="sm">
      {unit.elements.map((e) => (
        <div key={e.code}>
          <Text fw={600}>
            {e.code} {lang === 'th' ? e.nameTh : e.nameEn}
          </Text>
          <List spacing={4} mt={4}>
            {e.criteria.map((c) => (
              <List.Item key={c.code}>
                <Text span c="dimmed" size="sm">
                  {c.code}
                </Text>{' '}
                {c[lang]}
              </List.Item>
            ))}
          </List>
        </div>
      ))}
    </Stack>
  );
}

function Units({ units, t, lang, assumed, assumedLabel }: { units: Unit[]; t: Words; lang: Language; assumed: boolean; assumedLabel: string }) {
  return (
    <section aria-labelledby="units-heading">
      <Group gap="sm" mb="sm">
        <Title order={2} size="h3" id="units-heading">
          {t('units')}
        </Title>
        {assumed && (
          <Badge variant="filled" color="yellow" c="dark" tt="none" size="lg">
            {assumedLabel}
          </Badge>
        )}
      </Group>
      <Accordion multiple variant="separated" order={3} chevronPosition="right">
        {units.map((u) => (
          <Accordion.Item key={u.code} value={u.code}>
            <Accordion.Control>
              <Text size="sm" c="dimmed">
                {t('unit', { n: u.position })} · {u.code}
              </Text>
              <Text fw={600} size="lg" lh={1.4}>
                {named(u, lang)}
              </Text>
            </Accordion.Control>
            <Accordion.Panel>
              <Text mb="sm">{lang === 'th' ? u.descriptionTh : u.descriptionEn}</Text>
              <Title order={4} size="h5" mb="xs">
                {t('elements')}
              </Title>
              <UnitCriteria unit={u} lang={lang} />
            </Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
    </section>
  );
}

function Curricula({ s, t, lang }: { s: Standard; t: Words; lang: Language }) {
  return (
    <section aria-labelledby="curricula-heading">
      <Title order={2} size="h3" id="curricula-heading">
        {t('curricula')}
      </Title>
      <Text c="dimmed" mb="sm">
        {t('curriculaIntro')}
      </Text>
      {s.curricula.length === 0 ? (
        <Text>{t('noCurricula')}</Text>
      ) : (
        <List spacing="xs">
          {s.curricula.map((c) => (
            <List.Item key={c.code}>
              <Text fw={600}>{named(c, lang)}</Text>
              <Text size="sm">
                {t('covers')}: {c.unitCodes.join(', ')}
              </Text>
            </List.Item>
          ))}
        </List>
      )}
      <Anchor component={Link} to="/training/curricula" mt="xs" display="inline-block">
        {t('allCurricula')}
      </Anchor>
    </section>
  );
}

/** Who may be assessed, by province; an officer chooses people and refers them to an open event. */
function EligibleList({ s, t, lang }: { s: Standard; t: Words; lang: Language }) {
  const { t: words } = useTranslation('credentials');
  const { data: me } = useMe();
  const provinces = useProvinces();
  const scope = me?.scopeProvinceCodes ?? null;
  const [province, setProvince] = useState<string | null>(scope?.length === 1 ? scope[0]! : null);
  const [page, setPage] = useState(1);
  const [chosen, setChosen] = useState<Set<number>>(new Set());
  const [eventId, setEventId] = useState<string | null>(null);
  const officer = hasRole(me, 'officer');
  const eligible = useEligible(s.code, { province: province ?? undefined, limit: PAGE, offset: (page - 1) * PAGE });
  const events = useAssessments({ standard: s.code, status: 'open', limit: 200 }, { enabled: officer });
  const openEvents = (events.data ?? []).filter((e) => !province || e.provinceCode === province);
  const chosenEvent = eventId ?? (openEvents.length === 1 ? String(openEvents[0]!.id) : null);
  const credentials = useCredentialsRefresh();
  const refresh = () => void credentials.referred(s.code);
  const refer = useMutation({
    mutationFn: (ids: number[]) =>
      unwrap(api.POST('/api/assessments/{id}/candidates', { params: { path: { id: Number(chosenEvent) } }, body: { personIds: ids } })),
    onSuccess: () => {
      setChosen(new Set());
      refresh();
    },
  });
  const rows = eligible.data?.items ?? [];
  // Someone whose qualification was revoked is assessed again on every unit (unitsToAssess).
  const referable = (e: Eligible) => officer && (e.standing === 'not-assessed' || e.standing === 'not-yet-competent' || e.standing === 'revoked');
  const toggle = (id: number, on: boolean) =>
    setChosen((old) => {
      const next = new Set(old);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const provinceOptions = (provinces.data ?? []).filter((p) => !scope || scope.includes(p.code)).map((p) => ({ value: p.code, label: nameOf(p, lang) }));
  const chosenIds = [...chosen];
  const nameById = new Map(rows.map((r) => [r.personId, lang === 'th' ? r.nameTh : (r.nameEn ?? r.nameTh)]));
  const referError = refer.error instanceof ApiProblem ? refer.error : null;

  return (
    <section aria-labelledby="eligible-heading">
      <Title order={2} size="h3" id="eligible-heading">
        {t('eligible')}
      </Title>
      <Text c="dimmed" mb="sm">
        {t('eligibleIntro')}
      </Text>
      <Select
        label={t('province')}
        data={provinceOptions}
        value={province}
        onChange={(v) => {
          setProvince(v);
          setPage(1);
          setChosen(new Set());
        }}
        clearable={!scope || scope.length > 1}
        searchable
        placeholder={t('allProvinces')}
        maw={320}
        mb="sm"
      />
      <ProblemAlert error={eligible.error} />
      {eligible.data && (
        <Text role="status" size="sm" mb="xs">
          {eligible.data.total === 0 ? t('none') : t('total', { n: eligible.data.total })}
        </Text>
      )}
      {rows.length > 0 && (
        <ScrollTable label={t('eligible')} minWidth={820} striped>
          <Table.Thead>
            <Table.Tr>
              {officer && (
                <Table.Th w={56}>
                  <VisuallyHidden>{t('choose')}</VisuallyHidden>
                </Table.Th>
              )}
              <Table.Th>{t('name')}</Table.Th>
              <Table.Th>{t('province')}</Table.Th>
              <Table.Th>{t('basis')}</Table.Th>
              <Table.Th>{t('standing')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((e) => {
              const name = lang === 'th' ? e.nameTh : (e.nameEn ?? e.nameTh);
              return (
                <Table.Tr key={e.personId}>
                  {officer && (
                    <Table.Td>
                      {referable(e) && (
                        <Checkbox
                          size="lg"
                          aria-label={t('chooseNamed', { name })}
                          checked={chosen.has(e.personId)}
                          onChange={(ev) => toggle(e.personId, ev.currentTarget.checked)}
                        />
                      )}
                    </Table.Td>
                  )}
                  <Table.Td>
                    <Anchor component={Link} to={`/registry/people/${e.personId}`}>
                      {name}
                    </Anchor>
                    <Text size="sm" c="dimmed">
                      {e.docNumberMasked}
                    </Text>
                  </Table.Td>
                  <Table.Td>{lang === 'th' ? e.provinceNameTh : e.provinceNameEn}</Table.Td>
                  <Table.Td>
                    {e.training && (
                      <Text size="sm">
                        {t('trained', {
                          course: lang === 'th' ? e.training.courseNameTh : e.training.courseNameEn,
                          date: formatThaiDate(e.training.completedOn, { locale: lang }),
                        })}
                      </Text>
                    )}
                    {e.experience && <Text size="sm">{t('experience', { summary: e.experience.summary })}</Text>}
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge look={STANDING[e.standing]} label={words(`standing.${e.standing}`)} size="md" />
                    {e.lastEvent && (
                      <Text size="sm" mt={4}>
                        <Anchor component={Link} to={`/credentials/assessments/${e.lastEvent.id}`}>
                          {t('lastEvent', { code: e.lastEvent.code, date: formatThaiDate(e.lastEvent.assessedOn, { locale: lang }) })}
                        </Anchor>
                      </Text>
                    )}
                    {e.qualificationCode && (
                      <Group gap="xs" mt={4} wrap="wrap">
                        <Code>{e.qualificationCode}</Code>
                        <Anchor href={`/verify/${e.qualificationCode}`} size="sm">
                          {t('publicPage')}
                        </Anchor>
                        {officer && <RevokeCredential code={e.qualificationCode} onRevoked={refresh} />}
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </ScrollTable>
      )}
      {eligible.data && eligible.data.total > PAGE && (
        <Pagination mt="sm" total={Math.ceil(eligible.data.total / PAGE)} value={page} onChange={setPage} getControlProps={(c) => ({ 'aria-label': c })} />
      )}

      {officer && rows.length > 0 && (
        <Paper withBorder p="md" mt="md" component="section" aria-labelledby="refer-heading">
          <Title order={3} size="h4" id="refer-heading" mb="xs">
            {t('refer')}
          </Title>
          <Text size="sm" role="status" mb="xs">
            {t('selected', { n: chosenIds.length })}
          </Text>
          {events.data && openEvents.length === 0 ? (
            <Group gap="sm">
              <Text>{t('noEvent')}</Text>
              <Button component={Link} to={`/credentials/assessments/new?standard=${s.code}`} variant="default" size="md">
                {t('newEvent')}
              </Button>
            </Group>
          ) : (
            <Group align="end" wrap="wrap">
              <Select
                label={t('event')}
                description={t('eventHint')}
                value={chosenEvent}
                onChange={setEventId}
                miw={320}
                data={openEvents.map((e) => ({
                  value: String(e.id),
                  label: `${e.code} · ${formatThaiDate(e.assessedOn, { locale: lang })} · ${lang === 'th' ? e.centreNameTh : e.centreNameEn}`,
                }))}
              />
              <Button size="md" onClick={() => refer.mutate(chosenIds)} disabled={!chosenEvent || chosenIds.length === 0} loading={refer.isPending}>
                {t('referButton', { n: chosenIds.length })}
              </Button>
            </Group>
          )}
          {refer.data && (
            <Alert color="green" variant="light" mt="sm" styles={{ message: { color: '#1b5e20' } }}>
              {t('referred', { n: refer.variables?.length ?? 0, code: refer.data.code })}{' '}
              <Anchor component={Link} to={`/credentials/assessments/${refer.data.id}`}>
                {t('openEvent')}
              </Anchor>
            </Alert>
          )}
          <ProblemAlert error={refer.error} />
          {referError && referError.errors.length > 0 && (
            <List size="sm" mt={4} c="red.9">
              {referError.errors.map((e) => {
                const index = Number(/\[(\d+)\]/.exec(e.field)?.[1]);
                const who = Number.isFinite(index) ? nameById.get(refer.variables?.[index] ?? -1) : undefined;
                return (
                  <List.Item key={`${e.field}-${e.code}`}>
                    {who ? `${who}: ` : ''}
                    {lang === 'th' ? e.messageTh : e.message}
                  </List.Item>
                );
              })}
            </List>
          )}
        </Paper>
      )}
    </section>
  );
}
