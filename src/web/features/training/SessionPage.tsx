import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  FileInput,
  Group,
  Modal,
  Paper,
  Progress,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Tabs,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, ApiProblem, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { QrCode } from '../../components/QrCode';
import { ScrollTable } from '../../components/ScrollTable';
import { bangkokDate } from '../../../shared/fiscal-year';
import { formatThaiDate } from '../../../shared/thai-date';
import { PersonPicker } from '../registry/fields';
import { fill, useLanguage, useText } from '../registry/text';
import { ENROLMENT_COLOURS, ENROLMENT_NAMES, MODE_NAMES, STATUS_COLOURS, STATUS_NAMES } from './words';

type Session = components['schemas']['TrainingSession'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const TEXT = {
  th: {
    seats: 'ที่นั่ง',
    fill: 'รับแล้ว {n} จาก {max} ที่นั่ง (ขั้นต่ำ {min})',
    waitlist: 'รายชื่อสำรอง {n} คน',
    below: 'ปิดรับสมัครแล้วแต่มีผู้สมัครต่ำกว่าขั้นต่ำ {min} คน พิจารณาขยายเวลาหรือยกเลิก',
    dates: 'วันที่อบรม',
    close: 'ปิดรับสมัคร',
    venue: 'สถานที่',
    online: 'ออนไลน์',
    unit: 'หน่วยงานผู้จัด',
    trainers: 'วิทยากร',
    budget: 'งบประมาณ',
    hours: 'ชั่วโมง',
    mode: 'รูปแบบ',
    rule: 'เกณฑ์ผ่าน',
    ruleText: 'เข้าอบรมไม่น้อยกว่าร้อยละ {p}',
    ruleScore: ' และคะแนนทดสอบหลังอบรมไม่น้อยกว่า {s}',
    schedule: 'กำหนดการ',
    open: 'เปิดรับสมัคร',
    reopen: 'กลับไปวางแผน',
    start: 'เริ่มอบรม',
    complete: 'ปิดรุ่นและประเมินผล',
    cancel: 'ยกเลิกรุ่น',
    cancelTitle: 'ยกเลิกรุ่นการอบรม',
    reason: 'เหตุผล (ผู้สมัครจะได้รับแจ้ง)',
    confirm: 'ยืนยัน',
    back: 'กลับ',
    roster: 'รายชื่อ',
    attendance: 'การเข้าอบรม',
    results: 'ผลการเรียนออนไลน์',
    completion: 'ผลการอบรมและเกียรติบัตร',
    enrolPerson: 'ลงทะเบียนบุคคล',
    enrol: 'ลงทะเบียน',
    enrolGroup: 'ลงทะเบียนทั้งกลุ่มอาชีพ',
    group: 'กลุ่มอาชีพ',
    groupHint: 'พิมพ์ชื่อกลุ่ม',
    groupResult: 'ได้ที่นั่ง {e} คน สำรอง {w} คน มีชื่ออยู่แล้ว {a} คน',
    notEligible: 'ไม่มีคุณสมบัติ',
    name: 'ชื่อ–นามสกุล',
    id: 'เลขประจำตัว',
    status: 'สถานะ',
    attended: 'ชั่วโมงที่เข้าอบรม',
    score: 'คะแนน',
    outcome: 'ผล/เหตุผล',
    certificate: 'เกียรติบัตร',
    actions: 'ดำเนินการ',
    position: 'ลำดับที่ {n}',
    withdraw: 'ถอนชื่อ',
    withdrawTitle: 'ถอนชื่อออกจากรุ่น',
    promoted: 'ที่นั่งว่างถูกให้ผู้สำรองลำดับที่ 1 แล้ว',
    issue: 'ออกเกียรติบัตร',
    view: 'เปิด PDF',
    revoke: 'เพิกถอน',
    revokeTitle: 'เพิกถอนเกียรติบัตร',
    revokeReason: 'เหตุผลในการเพิกถอน (บันทึกในประวัติและการตรวจสอบ)',
    revoked: 'ถูกเพิกถอน',
    nobody: 'ยังไม่มีผู้สมัคร',
    day: 'วันที่',
    qr: 'QR code เช็กอินของวันนี้ (แสดงที่สถานที่อบรม ใช้ได้เฉพาะวันนี้)',
    qrLabel: 'QR code สำหรับเช็กอินวันที่ {d}',
    present: 'มา',
    allPresent: 'มาครบทุกคน',
    save: 'บันทึกการเข้าอบรม',
    saved: 'บันทึกแล้ว',
    futureDay: 'ยังไม่ถึงวันนี้ บันทึกได้ตั้งแต่วันอบรม',
    via: 'ผ่าน {m}',
    file: 'ไฟล์ผลการเรียน (CSV หรือ Excel)',
    fileHint: 'คอลัมน์: เลขประจำตัวประชาชน/เลขเอกสาร, วันที่เรียนจบ, คะแนน',
    upload: 'นำเข้า',
    applied: 'นำเข้าแล้ว {n} รายการ',
    rejected: 'ไฟล์มีข้อผิดพลาด {n} รายการ ยังไม่มีการบันทึกใด ๆ แก้ไขแล้วส่งใหม่',
    line: 'บรรทัด',
    column: 'คอลัมน์',
    value: 'ค่าที่พบ',
    problem: 'ปัญหา',
    evaluate: 'ประเมินผลตามเกณฑ์',
    evaluated: 'ผ่าน {c} คน ไม่ผ่าน {n} คน',
    issueAll: 'ออกเกียรติบัตรให้ผู้ผ่านทุกคน',
    progress: 'ออกเกียรติบัตรแล้ว {d} จาก {t}',
    done: 'เสร็จแล้ว',
  },
  en: {
    seats: 'Seats',
    fill: '{n} of {max} seats taken (minimum {min})',
    waitlist: '{n} on the waitlist',
    below: 'Applications have closed below the minimum of {min}; extend or cancel',
    dates: 'Dates',
    close: 'Applications close',
    venue: 'Venue',
    online: 'Online',
    unit: 'Organising unit',
    trainers: 'Trainers',
    budget: 'Budget',
    hours: 'Hours',
    mode: 'Mode',
    rule: 'To complete',
    ruleText: 'attend at least {p}%',
    ruleScore: ' and score at least {s} in the post-test',
    schedule: 'Schedule',
    open: 'Open applications',
    reopen: 'Back to planning',
    start: 'Start training',
    complete: 'Close and evaluate',
    cancel: 'Cancel session',
    cancelTitle: 'Cancel the session',
    reason: 'Reason (applicants are told)',
    confirm: 'Confirm',
    back: 'Back',
    roster: 'Roster',
    attendance: 'Attendance',
    results: 'Online results',
    completion: 'Completion and certificates',
    enrolPerson: 'Enrol a person',
    enrol: 'Enrol',
    enrolGroup: 'Enrol a whole occupation group',
    group: 'Occupation group',
    groupHint: 'Type the group’s name',
    groupResult: '{e} enrolled, {w} waitlisted, {a} already in',
    notEligible: 'Not eligible',
    name: 'Name',
    id: 'ID',
    status: 'Status',
    attended: 'Hours attended',
    score: 'Score',
    outcome: 'Outcome / reasons',
    certificate: 'Certificate',
    actions: 'Actions',
    position: 'position {n}',
    withdraw: 'Withdraw',
    withdrawTitle: 'Withdraw from the session',
    promoted: 'The freed seat went to waitlist position 1',
    issue: 'Issue certificate',
    view: 'Open PDF',
    revoke: 'Revoke',
    revokeTitle: 'Revoke the certificate',
    revokeReason: 'Why (kept in the timeline and the audit trail)',
    revoked: 'revoked',
    nobody: 'Nobody has applied yet',
    day: 'Day',
    qr: 'Today’s check-in QR code (show it at the venue; valid today only)',
    qrLabel: 'Check-in QR code for {d}',
    present: 'Present',
    allPresent: 'Everyone present',
    save: 'Save attendance',
    saved: 'Saved',
    futureDay: 'This day has not come yet',
    via: 'by {m}',
    file: 'Results file (CSV or Excel)',
    fileHint: 'Columns: national ID or document number, completion date, score',
    upload: 'Import',
    applied: '{n} results imported',
    rejected: '{n} problems in the file; nothing was saved. Fix them and send it again.',
    line: 'Line',
    column: 'Column',
    value: 'Value',
    problem: 'Problem',
    evaluate: 'Evaluate completion',
    evaluated: '{c} completed, {n} did not',
    issueAll: 'Issue certificates to everyone who completed',
    progress: '{d} of {t} certificates issued',
    done: 'Done',
  },
};

export function SessionPage() {
  const t = useText(TEXT);
  const lang = useLanguage();
  const id = Number(useParams().id);
  const client = useQueryClient();
  const session = useQuery({ queryKey: ['session', id], queryFn: () => unwrap(api.GET('/api/training/sessions/{id}', { params: { path: { id } } })) });
  const refresh = () => {
    void client.invalidateQueries({ queryKey: ['session', id] });
    void client.invalidateQueries({ queryKey: ['roster', id] });
  };
  const [cancelling, setCancelling] = useState(false);
  const [reason, setReason] = useState('');
  const move = useMutation({
    mutationFn: (status: Session['status']) =>
      unwrap(api.POST('/api/training/sessions/{id}/status', { params: { path: { id } }, body: { status, reason: status === 'cancelled' ? reason : null } })),
    onSuccess: () => {
      setCancelling(false);
      refresh();
    },
  });
  if (session.error) return <ProblemAlert error={session.error} />;
  const s = session.data;
  if (!s) return null;
  const number = (n: number) => n.toLocaleString(lang === 'th' ? 'th-TH' : 'en');
  const fact = (label: string, value: string | null | undefined) => (
    <div>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text>{value || '—'}</Text>
    </div>
  );
  const next: Record<string, { status: Session['status']; label: string }[]> = {
    planned: [{ status: 'open', label: t.open }],
    open: [
      { status: 'running', label: t.start },
      { status: 'planned', label: t.reopen },
    ],
    running: [{ status: 'completed', label: t.complete }],
  };
  const curriculum = s.curriculum;

  return (
    <>
      <PageHeader title={lang === 'th' ? s.curriculumNameTh : s.curriculumNameEn} intro={`${s.code} · ${lang === 'th' ? s.provinceNameTh : s.provinceNameEn}`}>
        <Group gap="sm" wrap="wrap">
          <Badge size="lg" color={STATUS_COLOURS[s.status]} variant="light" c="dark" data-testid="session-status">
            {STATUS_NAMES[s.status]![lang]}
          </Badge>
          {s.canManage &&
            (next[s.status] ?? []).map((n) => (
              <Button key={n.status} onClick={() => move.mutate(n.status)} loading={move.isPending} variant={n.status === 'planned' ? 'default' : 'filled'}>
                {n.label}
              </Button>
            ))}
          {s.canManage && s.status !== 'completed' && s.status !== 'cancelled' && (
            <Button color="red.9" variant="outline" onClick={() => setCancelling(true)}>
              {t.cancel}
            </Button>
          )}
        </Group>
      </PageHeader>
      <ProblemAlert error={move.error} />
      {s.belowMinimum && <Alert color="red" mb="md" title={fill(t.below, { min: s.capacityMin })} styles={{ title: { color: '#8b1a1a' } }} />}
      {s.statusReason && (
        <Alert color="gray" mb="md">
          {s.statusReason}
        </Alert>
      )}
      <Paper withBorder p="md" mb="md">
        <Text fw={600}>{t.seats}</Text>
        <Progress
          value={s.fillPercent}
          size="xl"
          mt={4}
          color={s.belowMinimum ? 'red' : 'indigo'}
          aria-label={fill(t.fill, { n: number(s.enrolledCount), max: number(s.capacityMax), min: number(s.capacityMin) })}
        />
        <Text size="sm" mt={4}>
          {fill(t.fill, { n: number(s.enrolledCount), max: number(s.capacityMax), min: number(s.capacityMin) })}
          {s.waitlistedCount > 0 && ` · ${fill(t.waitlist, { n: number(s.waitlistedCount) })}`}
        </Text>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} mt="md">
          {fact(t.dates, `${formatThaiDate(s.startsOn, { locale: lang })} – ${formatThaiDate(s.endsOn, { locale: lang })}`)}
          {fact(t.close, formatThaiDate(s.applicationsCloseOn, { locale: lang }))}
          {fact(
            t.venue,
            s.online
              ? t.online
              : [s.venue, lang === 'th' ? `${s.subdistrictNameTh ?? ''} ${s.districtNameTh ?? ''}` : `${s.subdistrictNameEn ?? ''}, ${s.districtNameEn ?? ''}`]
                  .filter(Boolean)
                  .join(' · '),
          )}
          {fact(t.unit, lang === 'th' ? s.unitNameTh : s.unitNameEn)}
          {fact(t.mode, MODE_NAMES[s.mode]?.[lang] ?? s.mode)}
          {fact(t.hours, String(s.scheduledHours))}
          {fact(
            t.rule,
            fill(t.ruleText, { p: curriculum.minAttendancePercent }) +
              (curriculum.minPostTestScore !== null ? fill(t.ruleScore, { s: curriculum.minPostTestScore }) : ''),
          )}
          {fact(t.trainers, s.trainers.join(', '))}
        </SimpleGrid>
      </Paper>
      {s.canSeeRoster && (
        <Tabs defaultValue="roster" keepMounted={false}>
          <Tabs.List mb="md">
            <Tabs.Tab value="roster">{t.roster}</Tabs.Tab>
            <Tabs.Tab value="attendance">{t.attendance}</Tabs.Tab>
            <Tabs.Tab value="results">{t.results}</Tabs.Tab>
            <Tabs.Tab value="completion">{t.completion}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="roster">
            <Roster session={s} onChange={refresh} />
          </Tabs.Panel>
          <Tabs.Panel value="attendance">
            <Attendance session={s} onChange={refresh} />
          </Tabs.Panel>
          <Tabs.Panel value="results">
            <Results session={s} onChange={refresh} />
          </Tabs.Panel>
          <Tabs.Panel value="completion">
            <Completion session={s} onChange={refresh} />
          </Tabs.Panel>
        </Tabs>
      )}
      <Modal opened={cancelling} onClose={() => setCancelling(false)} title={t.cancelTitle}>
        <Stack>
          <Textarea label={t.reason} required value={reason} onChange={(e) => setReason(e.currentTarget.value)} autosize minRows={2} />
          <ProblemAlert error={move.error} />
          <Group justify="end">
            <Button variant="default" onClick={() => setCancelling(false)}>
              {t.back}
            </Button>
            <Button color="red.9" onClick={() => move.mutate('cancelled')} loading={move.isPending}>
              {t.confirm}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

function useRoster(id: number) {
  return useQuery({
    queryKey: ['roster', id],
    queryFn: () => unwrap(api.GET('/api/training/sessions/{id}/roster', { params: { path: { id }, query: { limit: 1000 } } })),
  });
}

function Roster({ session: s, onChange }: { session: Session; onChange: () => void }) {
  const t = useText(TEXT);
  const lang = useLanguage();
  const roster = useRoster(s.id);
  const [person, setPerson] = useState<string | null>(null);
  const enrol = useMutation({
    mutationFn: () => unwrap(api.POST('/api/training/sessions/{id}/applications', { params: { path: { id: s.id } }, body: { personId: Number(person) } })),
    onSuccess: () => {
      setPerson(null);
      onChange();
    },
  });
  const [groupId, setGroupId] = useState<string | null>(null);
  const [groupSearch, setGroupSearch] = useState('');
  const groups = useQuery({
    queryKey: ['groups-picker', groupSearch],
    enabled: groupSearch.trim().length >= 2,
    queryFn: () => unwrap(api.GET('/api/groups', { params: { query: { q: groupSearch.trim(), limit: 10 } } })),
  });
  const enrolGroup = useMutation({
    mutationFn: () => unwrap(api.POST('/api/training/sessions/{id}/group-enrolments', { params: { path: { id: s.id } }, body: { groupId: Number(groupId) } })),
    onSuccess: () => onChange(),
  });
  const [withdrawing, setWithdrawing] = useState<number | null>(null);
  const [reason, setReason] = useState('');
  const withdraw = useMutation({
    mutationFn: () => unwrap(api.POST('/api/training/enrolments/{id}/withdraw', { params: { path: { id: withdrawing! } }, body: { reason: reason || null } })),
    onSuccess: () => {
      setWithdrawing(null);
      setReason('');
      onChange();
    },
  });
  const issue = useMutation({
    mutationFn: (enrolmentId: number) => unwrap(api.POST('/api/training/enrolments/{id}/certificate', { params: { path: { id: enrolmentId } } })),
    onSuccess: () => onChange(),
  });
  const [revoking, setRevoking] = useState<string | null>(null);
  const [revokeReason, setRevokeReason] = useState('');
  const revoke = useMutation({
    mutationFn: () => unwrap(api.POST('/api/credentials/{code}/revoke', { params: { path: { code: revoking! } }, body: { reason: revokeReason } })),
    onSuccess: () => {
      setRevoking(null);
      setRevokeReason('');
      onChange();
    },
  });
  const closed = s.status === 'completed' || s.status === 'cancelled';
  return (
    <Stack>
      {s.canEnrol && !closed && (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Paper withBorder p="sm">
            <Group align="end" wrap="wrap">
              <PersonPicker label={t.enrolPerson} value={person} onChange={setPerson} />
              <Button onClick={() => enrol.mutate()} disabled={!person} loading={enrol.isPending}>
                {t.enrol}
              </Button>
            </Group>
            <ProblemAlert error={enrol.error} />
            {enrol.error instanceof ApiProblem && enrol.error.errors.length > 0 && (
              <Stack gap={2} mt={4}>
                {enrol.error.errors.map((e) => (
                  <Text key={e.code} size="sm" c="red.9">
                    • {lang === 'th' ? e.messageTh : e.message}
                  </Text>
                ))}
              </Stack>
            )}
          </Paper>
          <Paper withBorder p="sm">
            <Group align="end" wrap="wrap">
              <Select
                label={t.enrolGroup}
                description={t.groupHint}
                searchable
                clearable
                filter={({ options }) => options}
                searchValue={groupSearch}
                onSearchChange={setGroupSearch}
                data={(groups.data?.items ?? []).map((g) => ({
                  value: String(g.id),
                  label: `${g.name} · ${lang === 'th' ? g.provinceNameTh : g.provinceNameEn}`,
                }))}
                value={groupId}
                onChange={setGroupId}
                miw={240}
              />
              <Button onClick={() => enrolGroup.mutate()} disabled={!groupId} loading={enrolGroup.isPending}>
                {t.enrol}
              </Button>
            </Group>
            <ProblemAlert error={enrolGroup.error} />
            {enrolGroup.data && (
              <Alert
                mt="xs"
                color="teal"
                role="status"
                title={fill(t.groupResult, { e: enrolGroup.data.enrolled.length, w: enrolGroup.data.waitlisted.length, a: enrolGroup.data.already.length })}
              >
                {enrolGroup.data.notEligible.map((n) => (
                  <Text key={n.personId} size="sm">
                    {t.notEligible}: {n.name} — {n.reasons.map((r) => r[lang]).join('; ')}
                  </Text>
                ))}
              </Alert>
            )}
          </Paper>
        </SimpleGrid>
      )}
      {withdraw.data?.promoted && (
        <Alert color="teal" role="status">
          {t.promoted}
        </Alert>
      )}
      <ProblemAlert error={roster.error ?? issue.error} />
      {roster.data && roster.data.items.length === 0 && <Text>{t.nobody}</Text>}
      {roster.data && roster.data.items.length > 0 && (
        <ScrollTable label={t.roster} minWidth={860} striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t.name}</Table.Th>
              <Table.Th>{t.status}</Table.Th>
              <Table.Th>{t.attended}</Table.Th>
              <Table.Th>{t.score}</Table.Th>
              <Table.Th>{t.outcome}</Table.Th>
              <Table.Th>{t.certificate}</Table.Th>
              <Table.Th>{t.actions}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {roster.data.items.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/registry/people/${r.personId}`}>
                    {r.name}
                  </Anchor>
                  <Text size="xs" c="dimmed" style={{ fontVariantNumeric: 'tabular-nums' }}>
                    {r.docNumberMasked}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Badge color={ENROLMENT_COLOURS[r.status]} variant="light" c="dark">
                    {ENROLMENT_NAMES[r.status]![lang]}
                  </Badge>
                  {r.waitlistPosition !== null && <Text size="xs">{fill(t.position, { n: r.waitlistPosition })}</Text>}
                </Table.Td>
                <Table.Td>{r.attendedHours}</Table.Td>
                <Table.Td>{r.postTestScore ?? '—'}</Table.Td>
                <Table.Td>
                  {r.outcomeReasons.map((x) => (
                    <Text key={x.code} size="xs">
                      {x[lang]}
                    </Text>
                  ))}
                </Table.Td>
                <Table.Td>
                  {r.credentialCode ? (
                    <Stack gap={2} align="start">
                      <Anchor href={`/api/credentials/${r.credentialCode}/pdf`} target="_blank" size="sm">
                        {t.view}
                        {r.credentialStatus === 'revoked' ? ` (${t.revoked})` : ''}
                      </Anchor>
                      {s.canManage && r.credentialStatus === 'valid' && (
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          color="red.9"
                          onClick={() => setRevoking(r.credentialCode)}
                          aria-label={`${t.revoke} ${r.name}`}
                        >
                          {t.revoke}
                        </Button>
                      )}
                    </Stack>
                  ) : (
                    r.status === 'completed' &&
                    s.canManage && (
                      <Button size="compact-sm" variant="light" onClick={() => issue.mutate(r.id)} loading={issue.isPending && issue.variables === r.id}>
                        {t.issue}
                      </Button>
                    )
                  )}
                </Table.Td>
                <Table.Td>
                  {s.canEnrol && (r.status === 'enrolled' || r.status === 'waitlisted') && (
                    <Button size="compact-sm" variant="subtle" color="red.9" onClick={() => setWithdrawing(r.id)} aria-label={`${t.withdraw} ${r.name}`}>
                      {t.withdraw}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
      )}
      <Modal opened={revoking !== null} onClose={() => setRevoking(null)} title={t.revokeTitle}>
        <Stack>
          <Textarea label={t.revokeReason} required value={revokeReason} onChange={(e) => setRevokeReason(e.currentTarget.value)} autosize minRows={2} />
          <ProblemAlert error={revoke.error} />
          <Group justify="end">
            <Button variant="default" onClick={() => setRevoking(null)}>
              {t.back}
            </Button>
            <Button color="red.9" onClick={() => revoke.mutate()} loading={revoke.isPending} disabled={revokeReason.trim().length < 3}>
              {t.confirm}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <Modal opened={withdrawing !== null} onClose={() => setWithdrawing(null)} title={t.withdrawTitle}>
        <Stack>
          <Textarea label={t.reason} value={reason} onChange={(e) => setReason(e.currentTarget.value)} autosize minRows={2} />
          <ProblemAlert error={withdraw.error} />
          <Group justify="end">
            <Button variant="default" onClick={() => setWithdrawing(null)}>
              {t.back}
            </Button>
            <Button color="red.9" onClick={() => withdraw.mutate()} loading={withdraw.isPending}>
              {t.confirm}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

function Attendance({ session: s, onChange }: { session: Session; onChange: () => void }) {
  const t = useText(TEXT);
  const lang = useLanguage();
  const today = bangkokDate(new Date());
  const [day, setDay] = useState<string>(s.days.find((d) => d.day === today)?.day ?? s.days.filter((d) => d.day <= today).at(-1)?.day ?? s.days[0]!.day);
  const sheet = useQuery({
    queryKey: ['attendance', s.id, day],
    queryFn: () => unwrap(api.GET('/api/training/sessions/{id}/attendance/{day}', { params: { path: { id: s.id, day } } })),
  });
  const [present, setPresent] = useState<Record<number, boolean>>({});
  useEffect(() => {
    if (sheet.data) setPresent(Object.fromEntries(sheet.data.entries.map((e) => [e.enrolmentId, e.present])));
  }, [sheet.data]);
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.PUT('/api/training/sessions/{id}/attendance/{day}', {
          params: { path: { id: s.id, day } },
          body: { entries: Object.entries(present).map(([enrolmentId, p]) => ({ enrolmentId: Number(enrolmentId), present: p })) },
        }),
      ),
    onSuccess: () => {
      void sheet.refetch();
      onChange();
    },
  });
  const code = s.days.find((d) => d.day === day)?.checkinCode;
  const future = day > today;
  return (
    <Stack>
      <Select
        label={t.day}
        value={day}
        onChange={(v) => v && setDay(v)}
        allowDeselect={false}
        maw={320}
        data={s.days.map((d) => ({ value: d.day, label: `${formatThaiDate(d.day, { locale: lang })} · ${d.hours} ${t.hours}` }))}
      />
      {code && day === today && s.canManage && (
        <Paper withBorder p="md" maw={360}>
          <Text size="sm" mb="xs">
            {t.qr}
          </Text>
          <QrCode value={`${window.location.origin}/check-in/${code}`} label={fill(t.qrLabel, { d: formatThaiDate(day, { locale: lang }) })} size={240} />
        </Paper>
      )}
      {future && <Alert color="yellow">{t.futureDay}</Alert>}
      <ProblemAlert error={sheet.error ?? save.error} />
      {sheet.data && sheet.data.entries.length > 0 && (
        <>
          {s.canManage && !future && (
            <Button variant="default" w="fit-content" onClick={() => setPresent(Object.fromEntries(sheet.data!.entries.map((e) => [e.enrolmentId, true])))}>
              {t.allPresent}
            </Button>
          )}
          <Stack gap={4}>
            {sheet.data.entries.map((e) => (
              <Paper key={e.enrolmentId} withBorder px="sm" py={8}>
                <Group justify="space-between" wrap="nowrap">
                  <Checkbox
                    size="md"
                    label={e.name}
                    checked={present[e.enrolmentId] ?? false}
                    disabled={!s.canManage || future}
                    onChange={(ev) => setPresent({ ...present, [e.enrolmentId]: ev.currentTarget.checked })}
                  />
                  {e.method && (
                    <Text size="xs" c="dimmed">
                      {fill(t.via, { m: e.method === 'qr' ? 'QR' : e.method })} · {e.hours} {t.hours}
                    </Text>
                  )}
                </Group>
              </Paper>
            ))}
          </Stack>
          {s.canManage && !future && (
            <Button onClick={() => save.mutate()} loading={save.isPending} w="fit-content">
              {t.save}
            </Button>
          )}
          {save.isSuccess && (
            <Text role="status" c="teal.9">
              {t.saved}
            </Text>
          )}
        </>
      )}
      {sheet.data && sheet.data.entries.length === 0 && <Text>{t.nobody}</Text>}
    </Stack>
  );
}

function Results({ session: s, onChange }: { session: Session; onChange: () => void }) {
  const t = useText(TEXT);
  const lang = useLanguage();
  const [file, setFile] = useState<File | null>(null);
  const upload = useMutation({
    mutationFn: async () => {
      const response = await fetch(`/api/training/sessions/${s.id}/results?fileName=${encodeURIComponent(file!.name)}`, {
        method: 'POST',
        body: file,
        credentials: 'same-origin',
        headers: { 'content-type': file!.name.toLowerCase().endsWith('.xlsx') ? XLSX : 'text/csv' },
      });
      const body = await response.json().catch(() => ({}));
      if (!response.ok)
        throw new ApiProblem(
          response.status,
          body.title ?? response.statusText,
          body.titleTh ?? '',
          body.detail ?? '',
          body.detailTh ?? '',
          body.errors ?? [],
          body.requestId,
        );
      return body as components['schemas']['ResultsImport'];
    },
    onSuccess: () => onChange(),
  });
  const result = upload.data;
  return (
    <Stack maw={900}>
      {s.canManage && (
        <Group align="end" wrap="wrap">
          <FileInput label={t.file} description={t.fileHint} accept=".csv,.xlsx,text/csv" value={file} onChange={setFile} clearable miw={280} />
          <Button onClick={() => upload.mutate()} disabled={!file} loading={upload.isPending}>
            {t.upload}
          </Button>
        </Group>
      )}
      <ProblemAlert error={upload.error} />
      {result?.status === 'applied' && (
        <Alert color="teal" role="status">
          {fill(t.applied, { n: result.applied })}
        </Alert>
      )}
      {result?.status === 'rejected' && (
        <>
          <Alert color="red" role="alert" styles={{ message: { color: '#8b1a1a' } }}>
            {fill(t.rejected, { n: result.errors.length })}
          </Alert>
          <ScrollTable label={t.results} minWidth={640} striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t.line}</Table.Th>
                <Table.Th>{t.column}</Table.Th>
                <Table.Th>{t.value}</Table.Th>
                <Table.Th>{t.problem}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {result.errors.map((e, i) => (
                <Table.Tr key={i}>
                  <Table.Td>{e.line}</Table.Td>
                  <Table.Td>{e.column}</Table.Td>
                  <Table.Td>{e.value}</Table.Td>
                  <Table.Td>{lang === 'th' ? e.th : e.en}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ScrollTable>
        </>
      )}
    </Stack>
  );
}

function Completion({ session: s, onChange }: { session: Session; onChange: () => void }) {
  const t = useText(TEXT);
  const evaluate = useMutation({
    mutationFn: () => unwrap(api.POST('/api/training/sessions/{id}/evaluate', { params: { path: { id: s.id } } })),
    onSuccess: () => onChange(),
  });
  const [jobId, setJobId] = useState<string | null>(null);
  const start = useMutation({
    mutationFn: () => unwrap(api.POST('/api/training/sessions/{id}/certificates', { params: { path: { id: s.id } } })),
    onSuccess: (job) => setJobId(job.id),
  });
  const job = useQuery({
    queryKey: ['certificate-job', s.id, jobId],
    enabled: Boolean(jobId),
    queryFn: () => unwrap(api.GET('/api/training/sessions/{id}/certificates/{jobId}', { params: { path: { id: s.id, jobId: jobId! } } })),
    refetchInterval: (q) => (q.state.data && ['queued', 'running'].includes(q.state.data.status) ? 700 : false),
  });
  useEffect(() => {
    if (job.data?.status === 'succeeded') onChange();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [job.data?.status]);
  const j = job.data;
  return (
    <Stack maw={700}>
      {s.canManage && (s.status === 'running' || s.status === 'completed') && (
        <Group wrap="wrap">
          <Button onClick={() => evaluate.mutate()} loading={evaluate.isPending} variant="default">
            {t.evaluate}
          </Button>
          <Button onClick={() => start.mutate()} loading={start.isPending || (j !== undefined && ['queued', 'running'].includes(j.status))}>
            {t.issueAll}
          </Button>
        </Group>
      )}
      <ProblemAlert error={evaluate.error ?? start.error ?? job.error} />
      {evaluate.data && (
        <Alert color="indigo" role="status">
          {fill(t.evaluated, { c: evaluate.data.completed, n: evaluate.data.notCompleted })}
        </Alert>
      )}
      {j && (
        <Paper withBorder p="md">
          <Title order={3} size="h5" mb="xs">
            {j.status === 'succeeded' ? t.done : t.issueAll}
          </Title>
          <Progress
            value={j.total ? (j.done * 100) / j.total : 0}
            size="xl"
            aria-label={fill(t.progress, { d: j.done, t: j.total ?? 0 })}
            animated={j.status === 'running'}
          />
          <Text size="sm" mt={4} role="status">
            {fill(t.progress, { d: j.done, t: j.total ?? 0 })}
          </Text>
          {j.error && (
            <Text c="red.9" size="sm">
              {j.error}
            </Text>
          )}
        </Paper>
      )}
    </Stack>
  );
}
