import { Alert, Anchor, Badge, Button, Code, Group, Modal, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Timeline, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ScrollTable } from '../../components/ScrollTable';
import { nameOf } from '../../reference';
import { formatBaht } from '../../../shared/money';
import { DISABILITY_TYPES, EDUCATION_LEVELS, GROUP_TYPES, labelOf, MEMBER_ROLES, SEXES, TITLES, WORK_STATUSES } from '../../../shared/person-fields';
import { formatThaiDate, formatThaiDateTime } from '../../../shared/thai-date';
import { fill, useLanguage, useText } from './text';
import { CitizenAccount } from './CitizenAccount';
import { PriorExperienceCard } from '../credentials/PriorExperienceCard';

const TEXT = {
  th: {
    details: 'ข้อมูลบุคคล',
    id: 'เลขประจำตัว',
    reveal: 'แสดงเลขเต็ม',
    revealNote: 'การดูเลขเต็มจะถูกบันทึกในประวัติการเข้าถึง',
    sex: 'เพศ',
    birth: 'วันเกิด',
    phone: 'โทรศัพท์',
    address: 'ที่อยู่',
    targetGroups: 'กลุ่มเป้าหมาย',
    disability: 'ความพิการ',
    withheld: 'มีข้อมูลอ่อนไหวที่บทบาทของคุณไม่สามารถดูได้',
    education: 'การศึกษา',
    work: 'สถานะการทำงาน',
    income: 'รายได้ต่อเดือน',
    household: 'สมาชิกในครัวเรือน',
    source: 'ที่มา',
    sources: 'เจ้าหน้าที่ลงทะเบียน|ลงทะเบียนด้วยตนเอง|นำเข้าจากไฟล์',
    edit: 'แก้ไขข้อมูล',
    exportJson: 'ส่งออกข้อมูลทั้งหมด (JSON)',
    exportHtml: 'ฉบับพิมพ์ (PDF/HTML)',
    erase: 'ลบข้อมูลตามคำขอ',
    memberships: 'กลุ่มอาชีพ',
    groupCol: 'กลุ่ม',
    roleCol: 'บทบาท',
    sinceCol: 'ตั้งแต่',
    untilCol: 'ถึง',
    noGroups: 'ยังไม่เป็นสมาชิกกลุ่มใด',
    current: 'ปัจจุบัน',
    consents: 'ความยินยอม (PDPA)',
    purposeCol: 'วัตถุประสงค์',
    basisCol: 'ฐานทางกฎหมาย',
    givenCol: 'ให้เมื่อ',
    statusCol: 'สถานะ',
    standing: 'มีผล',
    withdrawnOn: 'ถอนแล้ว {date}',
    withdraw: 'ถอนความยินยอม',
    give: 'บันทึกความยินยอม',
    purpose: 'วัตถุประสงค์',
    evidence: 'หลักฐาน',
    noConsents: 'ยังไม่มีความยินยอมที่บันทึกไว้',
    lawful: 'ฐานทางกฎหมายของทะเบียน: ภารกิจเพื่อประโยชน์สาธารณะ',
    timeline: 'ประวัติ',
    eraseTitle: 'ลบข้อมูลส่วนบุคคล',
    eraseText: 'ชื่อ เลขประจำตัว การติดต่อ และข้อมูลอ่อนไหวจะถูกลบถาวร เหลือไว้เพียงข้อมูลสถิติที่ระบุตัวบุคคลไม่ได้',
    reason: 'เหตุผล/เลขที่คำขอ',
    confirmErase: 'ลบข้อมูล',
    merged: 'ระเบียนนี้ถูกรวมเข้ากับระเบียนรหัส {id}',
    openSurvivor: 'เปิดระเบียนที่ใช้งาน',
    erased: 'ข้อมูลของบุคคลนี้ถูกลบตามคำขอแล้ว',
    cancel: 'ยกเลิก',
    save: 'บันทึก',
    'sensitive-data': 'เก็บข้อมูลอ่อนไหว (ความพิการ)',
    'share-lazada': 'ส่งต่อให้ Lazada',
    'share-gsb': 'ส่งต่อให้ธนาคารออมสิน',
    'share-partners': 'ส่งต่อให้หน่วยงานพันธมิตร',
    contact: 'ติดต่อแจ้งข่าว',
    consent: 'ความยินยอม',
    'explicit-consent': 'ความยินยอมโดยชัดแจ้ง',
    identities: 'เอกสารประจำตัวทั้งหมด',
  },
  en: {
    details: 'Details',
    id: 'ID',
    reveal: 'Show full number',
    revealNote: 'Seeing the full number is recorded in the access log',
    sex: 'Sex',
    birth: 'Birth date',
    phone: 'Phone',
    address: 'Address',
    targetGroups: 'Target groups',
    disability: 'Disability',
    withheld: 'There is sensitive data your role may not see',
    education: 'Education',
    work: 'Work status',
    income: 'Monthly income',
    household: 'Household size',
    source: 'Source',
    sources: 'Registered by an officer|Self-registered|Imported from a file',
    edit: 'Correct the record',
    exportJson: 'Export everything (JSON)',
    exportHtml: 'Printable copy (PDF/HTML)',
    erase: 'Erase on request',
    memberships: 'Occupation groups',
    groupCol: 'Group',
    roleCol: 'Role',
    sinceCol: 'From',
    untilCol: 'Until',
    noGroups: 'Not a member of any group yet',
    current: 'current',
    consents: 'Consents (PDPA)',
    purposeCol: 'Purpose',
    basisCol: 'Lawful basis',
    givenCol: 'Given',
    statusCol: 'Status',
    standing: 'Standing',
    withdrawnOn: 'Withdrawn {date}',
    withdraw: 'Withdraw',
    give: 'Record a consent',
    purpose: 'Purpose',
    evidence: 'Evidence',
    noConsents: 'No consent recorded yet',
    lawful: 'Lawful basis of the registry: public task',
    timeline: 'Timeline',
    eraseTitle: 'Erase personal data',
    eraseText: 'Name, ID numbers, contact and sensitive data are removed for good; only statistics that identify nobody remain.',
    reason: 'Reason / request number',
    confirmErase: 'Erase',
    merged: 'This record was merged into record {id}',
    openSurvivor: 'Open the active record',
    erased: 'This person’s data was erased on request',
    cancel: 'Cancel',
    save: 'Save',
    'sensitive-data': 'Keep sensitive data (disability)',
    'share-lazada': 'Share with Lazada',
    'share-gsb': 'Share with the Government Savings Bank',
    'share-partners': 'Share with partner agencies',
    contact: 'Contact about the programme',
    consent: 'Consent',
    'explicit-consent': 'Explicit consent',
    identities: 'All identity documents',
  },
};
const PURPOSES = ['sensitive-data', 'share-lazada', 'share-gsb', 'share-partners', 'contact'] as const;
type Purpose = (typeof PURPOSES)[number];

export function PersonPage() {
  const t = useText(TEXT);
  const lang = useLanguage();
  const id = Number(useParams().id);
  const client = useQueryClient();
  const person = useQuery({ queryKey: ['person', id], queryFn: () => unwrap(api.GET('/api/people/{id}', { params: { path: { id } } })) });
  const timeline = useQuery({ queryKey: ['person-timeline', id], queryFn: () => unwrap(api.GET('/api/people/{id}/timeline', { params: { path: { id } } })) });
  const targetGroups = useQuery({ queryKey: ['target-groups'], staleTime: Infinity, queryFn: () => unwrap(api.GET('/api/target-groups')) });
  const reveal = useMutation({ mutationFn: () => unwrap(api.GET('/api/people/{id}/identity', { params: { path: { id } } })) });
  const refresh = () => {
    void client.invalidateQueries({ queryKey: ['person', id] });
    void client.invalidateQueries({ queryKey: ['person-timeline', id] });
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
  const sources = t.sources.split('|');
  const standing = new Set(p.consents.filter((c) => !c.withdrawnAt).map((c) => c.purpose));
  const fact = (label: string, value: React.ReactNode) => (
    <div>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text>{value || '—'}</Text>
    </div>
  );
  const purposeText = (code: string) => (t as Record<string, string>)[code] ?? code;

  return (
    <>
      <PageHeader title={full} intro={p.firstNameEn ? `${p.firstNameEn} ${p.lastNameEn ?? ''}` : undefined}>
        <Group gap="sm" wrap="wrap">
          {p.canEdit && (
            <Button component={Link} to={`/registry/people/${id}/edit`}>
              {t.edit}
            </Button>
          )}
          {p.canReveal && (
            <>
              <Anchor href={`/api/people/${id}/export`} download>
                {t.exportJson}
              </Anchor>
              <Anchor href={`/api/people/${id}/export?format=html`} target="_blank">
                {t.exportHtml}
              </Anchor>
            </>
          )}
          {p.canEdit && (
            <Button variant="outline" color="red.9" onClick={eraseModal.open}>
              {t.erase}
            </Button>
          )}
        </Group>
      </PageHeader>
      {p.status === 'merged' && (
        <Alert color="yellow" mb="md" title={fill(t.merged, { id: p.mergedInto ?? '' })}>
          <Anchor component={Link} to={`/registry/people/${p.mergedInto}`}>
            {t.openSurvivor}
          </Anchor>
        </Alert>
      )}
      {p.status === 'erased' && <Alert color="gray" mb="md" title={t.erased} />}
      <Stack>
        <CitizenAccount personId={id} account={p.citizenAccount} canOpen={p.canEdit} onOpened={refresh} />
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">
            {t.details}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
            <div>
              <Text size="sm" c="dimmed">
                {t.id}
              </Text>
              <Group gap="xs">
                <Code fz="md">{reveal.data ? reveal.data.identities.map((i) => i.docNumber).join(', ') : p.docNumberMasked}</Code>
                {p.canReveal && !reveal.data && (
                  <Button size="compact-sm" variant="light" onClick={() => reveal.mutate()} title={t.revealNote}>
                    {t.reveal}
                  </Button>
                )}
              </Group>
              {p.identities.length > 1 && (
                <Text size="sm">
                  {t.identities}: {p.identities.map((i) => i.docNumberMasked).join(', ')}
                </Text>
              )}
            </div>
            {fact(t.sex, labelOf(SEXES, p.sex, lang))}
            {fact(t.birth, formatThaiDate(p.birthDate, { style: 'long', locale: lang }))}
            {fact(t.phone, p.phone)}
            {fact(
              t.address,
              lang === 'th'
                ? `${p.address.houseNo ?? ''} ${p.address.villageNo ? `หมู่ ${p.address.villageNo}` : ''} ต.${p.address.subdistrictNameTh} อ.${p.address.districtNameTh} จ.${p.address.provinceNameTh} ${p.address.postcode ?? ''}`
                : `${p.address.houseNo ?? ''} ${p.address.villageNo ? `Moo ${p.address.villageNo}` : ''} ${p.address.subdistrictNameEn}, ${p.address.districtNameEn}, ${p.address.provinceNameEn} ${p.address.postcode ?? ''}`,
            )}
            {fact(
              t.targetGroups,
              p.targetGroups
                .map(
                  (g) =>
                    nameOf(
                      targetGroups.data?.find((x) => x.code === g),
                      lang,
                    ) || g,
                )
                .join(', '),
            )}
            {p.disability && fact(t.disability, `${labelOf(DISABILITY_TYPES, p.disability.type, lang)} ${p.disability.cardNo ?? ''}`)}
            {fact(t.education, labelOf(EDUCATION_LEVELS, p.education, lang))}
            {fact(t.work, labelOf(WORK_STATUSES, p.workStatus, lang))}
            {fact(t.income, p.monthlyIncomeSatang === null ? null : formatBaht(p.monthlyIncomeSatang, lang))}
            {fact(t.household, p.householdSize)}
            {fact(t.source, sources[['officer', 'self', 'import'].indexOf(p.source)] ?? p.source)}
          </SimpleGrid>
          {p.sensitiveWithheld && (
            <Text size="sm" mt="sm" c="dimmed">
              {t.withheld}
            </Text>
          )}
          <ProblemAlert error={reveal.error} />
        </Paper>

        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">
            {t.memberships}
          </Title>
          {p.memberships.length === 0 ? (
            <Text>{t.noGroups}</Text>
          ) : (
            <ScrollTable label={t.memberships} minWidth={520}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t.groupCol}</Table.Th>
                  <Table.Th>{t.roleCol}</Table.Th>
                  <Table.Th>{t.sinceCol}</Table.Th>
                  <Table.Th>{t.untilCol}</Table.Th>
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
                    <Table.Td>{m.leftOn ? formatThaiDate(m.leftOn, { locale: lang }) : t.current}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </ScrollTable>
          )}
        </Paper>

        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="xs">
            {t.consents}
          </Title>
          <Text size="sm" mb="sm">
            {t.lawful}
          </Text>
          {p.consents.length === 0 ? (
            <Text mb="sm">{t.noConsents}</Text>
          ) : (
            <ScrollTable label={t.consents} minWidth={560}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t.purposeCol}</Table.Th>
                  <Table.Th>{t.basisCol}</Table.Th>
                  <Table.Th>{t.givenCol}</Table.Th>
                  <Table.Th>{t.statusCol}</Table.Th>
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
                        fill(t.withdrawnOn, { date: formatThaiDateTime(new Date(c.withdrawnAt), lang) })
                      ) : (
                        <Badge color="#1b5e20" variant="filled" tt="none">
                          {t.standing}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {!c.withdrawnAt && p.canEdit && (
                        <Button size="compact-sm" variant="default" onClick={() => withdraw.mutate(c.purpose as Purpose)}>
                          {t.withdraw}
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
                label={t.purpose}
                data={PURPOSES.filter((x) => !standing.has(x)).map((x) => ({ value: x, label: purposeText(x) }))}
                value={purpose}
                onChange={(v) => setPurpose(v as Purpose | null)}
                miw={240}
              />
              <TextInput label={t.evidence} value={evidence} onChange={(e) => setEvidence(e.currentTarget.value)} />
              <Button onClick={() => give.mutate()} disabled={!purpose} loading={give.isPending}>
                {t.give}
              </Button>
            </Group>
          )}
          <ProblemAlert error={give.error ?? withdraw.error} />
        </Paper>

        <PriorExperienceCard personId={id} canRecord={p.canEdit} />

        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">
            {t.timeline}
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

      <Modal opened={erasing} onClose={eraseModal.close} title={t.eraseTitle}>
        <Stack>
          <Text>{t.eraseText}</Text>
          <TextInput label={t.reason} required value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
          <ProblemAlert error={erase.error} />
          <Group>
            <Button color="red.9" disabled={!reason.trim()} loading={erase.isPending} onClick={() => erase.mutate()}>
              {t.confirmErase}
            </Button>
            <Button variant="default" onClick={eraseModal.close}>
              {t.cancel}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
