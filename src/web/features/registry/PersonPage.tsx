import { Alert, Anchor, Badge, Button, Code, Group, Modal, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Timeline, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { Fact } from '../../components/Fact';
import { usePerson, usePersonTimeline, useRegistryRefresh } from './queries';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ScrollTable } from '../../components/ScrollTable';
import { nameOf, useTargetGroups } from '../../reference';
import { formatBaht } from '../../../shared/money';
import { DISABILITY_TYPES, EDUCATION_LEVELS, GROUP_TYPES, labelOf, MEMBER_ROLES, SEXES, TITLES, WORK_STATUSES } from '../../../shared/person-fields';
import { formatThaiDate, formatThaiDateTime } from '../../../shared/thai-date';
import { useLanguage } from '../../i18n/language';
import { CitizenAccount } from './CitizenAccount';
import { PriorExperienceCard } from '../credentials/PriorExperienceCard';

const PURPOSES = ['sensitive-data', 'share-lazada', 'share-gsb', 'share-partners', 'contact'] as const;
type Purpose = (typeof PURPOSES)[number];

export function PersonPage() {
  const { t } = useTranslation('registry', { keyPrefix: 'person' });
  const lang = useLanguage();
  const id = Number(useParams().id);
  const person = usePerson(id);
  const timeline = usePersonTimeline(id);
  const registry = useRegistryRefresh();
  const targetGroups = useTargetGroups();
  const reveal = useMutation({
    mutationFn: () => unwrap(api.GET('/api/people/{id}/identity', { params: { path: { id }, query: { reason: 'ตรวจสอบตัวตน (verifying identity)' } } })),
  });
  const refresh = () => {
    void registry.person(id);
  };
  const [purpose, setPurpose] = useState<Purpose | null>(null);
  const [evidence, setEvidence] = useState('');
  const give = useMutation({
    mutationFn: () => unwrap(api.POST('/api/people/{id}/consents', { params: { path: { id } }, body: { purpose: purpose!, evidence: evidence || null } })),
    onSuccess: () => {
      setPurpose(null);
      setEvidence('');
      refresh();
    },
  });
  const withdraw = useMutation({
    mutationFn: (p: Purpose) => unwrap(api.DELETE('/api/people/{id}/consents/{purpose}', { params: { path: { id, purpose: p } } })),
    onSuccess: refresh,
  });
  const [erasing, eraseModal] = useDisclosure(false);
  const [reason, setReason] = useState('');
  const erase = useMutation({
    mutationFn: () => unwrap(api.POST('/api/people/{id}/erase', { params: { path: { id } }, body: { reason } })),
    onSuccess: () => {
      eraseModal.close();
      refresh();
    },
  });

  if (person.error) return <ProblemAlert error={person.error} />;
  const p = person.data;
  if (!p) return null;
  const full = `${labelOf(TITLES, p.title, lang)}${lang === 'th' ? '' : ' '}${p.firstNameTh} ${p.lastNameTh}`;
  const sources = t('sources').split('|');
  const standing = new Set(p.consents.filter((c) => !c.withdrawnAt).map((c) => c.purpose));
  // A purpose or lawful basis the texts do not know yet is shown as its code.
  const purposeText = (code: string) => t(`purposes.${code}` as 'purposes.consent', { defaultValue: code });

  return (
    <>
      <PageHeader title={full} intro={p.firstNameEn ? `${p.firstNameEn} ${p.lastNameEn ?? ''}` : undefined}>
        <Group gap="sm" wrap="wrap">
          {p.canEdit && (
            <Button component={Link} to={`/registry/people/${id}/edit`}>
              {t('edit')}
            </Button>
          )}
          {p.canReveal && (
            <>
              <Anchor href={`/api/people/${id}/export`} download>
                {t('exportJson')}
              </Anchor>
              <Anchor href={`/api/people/${id}/export?format=html`} target="_blank">
                {t('exportHtml')}
              </Anchor>
            </>
          )}
          {p.canEdit && (
            <Button variant="outline" color="red.9" onClick={eraseModal.open}>
              {t('erase')}
            </Button>
          )}
        </Group>
      </PageHeader>
      {p.status === 'merged' && (
        <Alert color="yellow" mb="md" title={t('merged', { id: p.mergedInto ?? '' })}>
          <Anchor component={Link} to={`/registry/people/${p.mergedInto}`}>
            {t('openSurvivor')}
          </Anchor>
        </Alert>
      )}
      {p.status === 'erased' && <Alert color="gray" mb="md" title={t('erased')} />}
      <Stack>
        <CitizenAccount personId={id} account={p.citizenAccount} canOpen={p.canEdit} onOpened={refresh} />
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">
            {t('details')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
            <div>
              <Text size="sm" c="dimmed">
                {t('id')}
              </Text>
              <Group gap="xs">
                <Code fz="md">{reveal.data ? reveal.data.identities.map((i) => i.docNumber).join(', ') : p.docNumberMasked}</Code>
                {p.canReveal && !reveal.data && (
                  <Button size="compact-sm" variant="light" onClick={() => reveal.mutate()} title={t('revealNote')}>
                    {t('reveal')}
                  </Button>
                )}
              </Group>
              {p.identities.length > 1 && (
                <Text size="sm">
                  {t('identities')}: {p.identities.map((i) => i.docNumberMasked).join(', ')}
                </Text>
              )}
            </div>
            <Fact label={t('sex')}>{labelOf(SEXES, p.sex, lang)}</Fact>
            <Fact label={t('birth')}>{formatThaiDate(p.birthDate, { style: 'long', locale: lang })}</Fact>
            <Fact label={t('phone')}>{p.phone}</Fact>
            <Fact label={t('address')}>
              {lang === 'th'
                ? `${p.address.houseNo ?? ''} ${p.address.villageNo ? `หมู่ ${p.address.villageNo}` : ''} ต.${p.address.subdistrictNameTh} อ.${p.address.districtNameTh} จ.${p.address.provinceNameTh} ${p.address.postcode ?? ''}`
                : `${p.address.houseNo ?? ''} ${p.address.villageNo ? `Moo ${p.address.villageNo}` : ''} ${p.address.subdistrictNameEn}, ${p.address.districtNameEn}, ${p.address.provinceNameEn} ${p.address.postcode ?? ''}`}
            </Fact>
            <Fact label={t('targetGroups')}>
              {p.targetGroups
                .map(
                  (g) =>
                    nameOf(
                      targetGroups.data?.find((x) => x.code === g),
                      lang,
                    ) || g,
                )
                .join(', ')}
            </Fact>
            {p.disability && (
              <Fact
                label={t('disability')}
              >{`${labelOf(DISABILITY_TYPES, p.disability.type, lang)} ${reveal.data?.disabilityCardNo ?? p.disability.cardNo ?? ''}`}</Fact>
            )}
            <Fact label={t('education')}>{labelOf(EDUCATION_LEVELS, p.education, lang)}</Fact>
            <Fact label={t('work')}>{labelOf(WORK_STATUSES, p.workStatus, lang)}</Fact>
            <Fact label={t('income')}>{p.monthlyIncomeSatang === null ? null : formatBaht(p.monthlyIncomeSatang, lang)}</Fact>
            <Fact label={t('household')}>{p.householdSize}</Fact>
            <Fact label={t('source')}>{sources[['officer', 'self', 'import'].indexOf(p.source)] ?? p.source}</Fact>
          </SimpleGrid>
          {p.sensitiveWithheld && (
            <Text size="sm" mt="sm" c="dimmed">
              {t('withheld')}
            </Text>
          )}
          <ProblemAlert error={reveal.error} />
        </Paper>

        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">
            {t('memberships')}
          </Title>
          {p.memberships.length === 0 ? (
            <Text>{t('noGroups')}</Text>
          ) : (
            <ScrollTable label={t('memberships')} minWidth={520}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('groupCol')}</Table.Th>
                  <Table.Th>{t('roleCol')}</Table.Th>
                  <Table.Th>{t('sinceCol')}</Table.Th>
                  <Table.Th>{t('untilCol')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {p.memberships.map((m) => (
                  <Table.Tr key={m.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/registry/groups/${m.groupId}`}>
                        {m.groupName}
                      </Anchor>
                      <Text size="sm" c="dimmed">
                        {labelOf(GROUP_TYPES, m.groupType, lang)}
                      </Text>
                    </Table.Td>
                    <Table.Td>{labelOf(MEMBER_ROLES, m.role, lang)}</Table.Td>
                    <Table.Td>{formatThaiDate(m.joinedOn, { locale: lang })}</Table.Td>
                    <Table.Td>{m.leftOn ? formatThaiDate(m.leftOn, { locale: lang }) : t('current')}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </ScrollTable>
          )}
        </Paper>

        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="xs">
            {t('consents')}
          </Title>
          <Text size="sm" mb="sm">
            {t('lawful')}
          </Text>
          {p.consents.length === 0 ? (
            <Text mb="sm">{t('noConsents')}</Text>
          ) : (
            <ScrollTable label={t('consents')} minWidth={560}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('purposeCol')}</Table.Th>
                  <Table.Th>{t('basisCol')}</Table.Th>
                  <Table.Th>{t('givenCol')}</Table.Th>
                  <Table.Th>{t('statusCol')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {p.consents.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td>
                      {purposeText(c.purpose)}
                      {c.evidence && (
                        <Text size="sm" c="dimmed">
                          {c.evidence}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{purposeText(c.lawfulBasis)}</Table.Td>
                    <Table.Td>{formatThaiDateTime(new Date(c.givenAt), lang)}</Table.Td>
                    <Table.Td>
                      {c.withdrawnAt ? (
                        t('withdrawnOn', { date: formatThaiDateTime(new Date(c.withdrawnAt), lang) })
                      ) : (
                        <Badge color="#1b5e20" variant="filled" tt="none">
                          {t('standing')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {!c.withdrawnAt && p.canEdit && (
                        <Button size="compact-sm" variant="default" onClick={() => withdraw.mutate(c.purpose as Purpose)}>
                          {t('withdraw')}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </ScrollTable>
          )}
          {p.canEdit && (
            <Group align="end" mt="sm" wrap="wrap">
              <Select
                label={t('purpose')}
                data={PURPOSES.filter((x) => !standing.has(x)).map((x) => ({ value: x, label: purposeText(x) }))}
                value={purpose}
                onChange={(v) => setPurpose(v as Purpose | null)}
                miw={240}
              />
              <TextInput label={t('evidence')} value={evidence} onChange={(e) => setEvidence(e.currentTarget.value)} />
              <Button onClick={() => give.mutate()} disabled={!purpose} loading={give.isPending}>
                {t('give')}
              </Button>
            </Group>
          )}
          <ProblemAlert error={give.error ?? withdraw.error} />
        </Paper>

        <PriorExperienceCard personId={id} canRecord={p.canEdit} />

        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">
            {t('timeline')}
          </Title>
          <ProblemAlert error={timeline.error} />
          <Timeline bulletSize={14} lineWidth={2}>
            {(timeline.data ?? []).map((e) => (
              <Timeline.Item key={`${e.id}-${e.kind}`} title={lang === 'th' ? e.summaryTh : e.summaryEn}>
                <Text size="sm" c="dimmed">
                  {formatThaiDateTime(new Date(e.occurredAt), lang)}
                  {e.actorName ? ` · ${e.actorName}` : ''}
                </Text>
              </Timeline.Item>
            ))}
          </Timeline>
        </Paper>
      </Stack>

      <Modal opened={erasing} onClose={eraseModal.close} title={t('eraseTitle')}>
        <Stack>
          <Text>{t('eraseText')}</Text>
          <TextInput label={t('reason')} required value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
          <ProblemAlert error={erase.error} />
          <Group>
            <Button color="red.9" disabled={!reason.trim()} loading={erase.isPending} onClick={() => erase.mutate()}>
              {t('confirmErase')}
            </Button>
            <Button variant="default" onClick={eraseModal.close}>
              {t('cancel')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
