import { Anchor, Badge, Button, Group, Pagination, Progress, Select, Table, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ScrollTable } from '../../components/ScrollTable';
import { nameOf, useProvinces } from '../../reference';
import { hasRole, useMe } from '../../session';
import { formatThaiDate } from '../../../shared/thai-date';
import { fill, useLanguage, useText } from '../registry/text';
import { CATEGORY_NAMES, STATUS_COLOURS, STATUS_NAMES } from './words';

const PAGE = 20;
const TEXT = {
  th: {
    title: 'การฝึกอบรม',
    intro: 'รุ่นการอบรม (100–500 คนต่อพื้นที่) ที่นั่ง รายชื่อสำรอง การเข้าอบรม และเกียรติบัตร',
    create: 'เปิดรุ่นใหม่',
    curricula: 'หลักสูตร',
    planning: 'วางแผนตามความต้องการแรงงาน',
    province: 'จังหวัด',
    status: 'สถานะ',
    category: 'ประเภทหลักสูตร',
    all: 'ทั้งหมด',
    session: 'รุ่น',
    dates: 'วันที่อบรม',
    seats: 'ที่นั่ง',
    place: 'พื้นที่',
    fill: 'รับแล้ว {n} จาก {max} ที่นั่ง',
    waitlist: 'สำรอง {n}',
    below: 'ต่ำกว่าขั้นต่ำ',
    belowNote: 'ปิดรับสมัครแล้วแต่ยังไม่ถึงจำนวนขั้นต่ำ {min} คน',
    total: '{n} รุ่น',
    none: 'ยังไม่มีรุ่นการอบรมตามเงื่อนไขนี้',
    results: 'รุ่นการอบรม',
    online: 'ออนไลน์',
  },
  en: {
    title: 'Training',
    intro: 'Sessions (100–500 people per training area), seats, waitlists, attendance and certificates',
    create: 'Plan a session',
    curricula: 'Curricula',
    planning: 'Planning against labour demand',
    province: 'Province',
    status: 'Status',
    category: 'Category',
    all: 'All',
    session: 'Session',
    dates: 'Dates',
    seats: 'Seats',
    place: 'Area',
    fill: '{n} of {max} seats taken',
    waitlist: '{n} waitlisted',
    below: 'Below minimum',
    belowNote: 'Applications closed below the minimum of {min}',
    total: '{n} sessions',
    none: 'No session matches',
    results: 'Training sessions',
    online: 'Online',
  },
};

export function SessionsPage() {
  const t = useText(TEXT);
  const lang = useLanguage();
  const { data: me } = useMe();
  const provinces = useProvinces();
  const [province, setProvince] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [category, setCategory] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const query = { province: province ?? undefined, status: (status ?? undefined) as never, category: (category ?? undefined) as never };
  const sessions = useQuery({
    queryKey: ['sessions', query, page],
    placeholderData: keepPreviousData,
    queryFn: () => unwrap(api.GET('/api/training/sessions', { params: { query: { ...query, limit: PAGE, offset: (page - 1) * PAGE } } })),
  });
  const manager = hasRole(me, 'officer', 'course_provider');
  const option = (names: Record<string, { th: string; en: string }>) => Object.entries(names).map(([value, n]) => ({ value, label: n[lang] }));
  const number = (n: number) => n.toLocaleString(lang === 'th' ? 'th-TH' : 'en');

  return (
    <>
      <PageHeader title={t.title} intro={t.intro}>
        <Group gap="sm" wrap="wrap">
          {manager && (
            <Button component={Link} to="/training/sessions/new">
              {t.create}
            </Button>
          )}
          <Button component={Link} to="/training/curricula" variant="default">
            {t.curricula}
          </Button>
          {hasRole(me, 'officer', 'executive', 'course_provider') && (
            <Button component={Link} to="/training/planning" variant="default">
              {t.planning}
            </Button>
          )}
        </Group>
      </PageHeader>
      <Group mb="sm" align="end" wrap="wrap">
        <Select
          label={t.province}
          data={(provinces.data ?? []).map((p) => ({ value: p.code, label: nameOf(p, lang) }))}
          value={province}
          onChange={(v) => {
            setProvince(v);
            setPage(1);
          }}
          clearable
          searchable
          placeholder={t.all}
        />
        <Select
          label={t.status}
          data={option(STATUS_NAMES)}
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage(1);
          }}
          clearable
          placeholder={t.all}
        />
        <Select
          label={t.category}
          data={option(CATEGORY_NAMES)}
          value={category}
          onChange={(v) => {
            setCategory(v);
            setPage(1);
          }}
          clearable
          placeholder={t.all}
        />
      </Group>
      <ProblemAlert error={sessions.error} />
      {sessions.data && (
        <>
          <Text size="sm" role="status" mb="xs">
            {sessions.data.total === 0 ? t.none : fill(t.total, { n: number(sessions.data.total) })}
          </Text>
          {sessions.data.items.length > 0 && (
            <ScrollTable label={t.results} minWidth={720} striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t.session}</Table.Th>
                  <Table.Th>{t.place}</Table.Th>
                  <Table.Th>{t.dates}</Table.Th>
                  <Table.Th>{t.status}</Table.Th>
                  <Table.Th style={{ minWidth: 180 }}>{t.seats}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {sessions.data.items.map((s) => (
                  <Table.Tr key={s.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/training/sessions/${s.id}`}>
                        {lang === 'th' ? s.curriculumNameTh : s.curriculumNameEn}
                      </Anchor>
                      <Text size="sm" c="dimmed">
                        {s.code}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {lang === 'th' ? s.provinceNameTh : s.provinceNameEn}
                      {s.online && (
                        <Badge ml={6} variant="light" color="grape" c="dark">
                          {t.online}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {formatThaiDate(s.startsOn, { locale: lang })} – {formatThaiDate(s.endsOn, { locale: lang })}
                    </Table.Td>
                    <Table.Td>
                      <Badge color={STATUS_COLOURS[s.status]} variant="light" c="dark">
                        {STATUS_NAMES[s.status]![lang]}
                      </Badge>
                      {s.belowMinimum && (
                        <Badge ml={6} color="red.9" variant="filled" title={fill(t.belowNote, { min: s.capacityMin })}>
                          {t.below}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Progress
                        value={s.fillPercent}
                        color={s.fillPercent >= 100 ? 'teal' : s.belowMinimum ? 'red' : 'indigo'}
                        size="lg"
                        aria-label={fill(t.fill, { n: number(s.enrolledCount), max: number(s.capacityMax) })}
                      />
                      <Text size="xs" mt={2}>
                        {fill(t.fill, { n: number(s.enrolledCount), max: number(s.capacityMax) })}
                        {s.waitlistedCount > 0 && ` · ${fill(t.waitlist, { n: number(s.waitlistedCount) })}`}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </ScrollTable>
          )}
          {sessions.data.total > PAGE && (
            <Pagination mt="sm" total={Math.ceil(sessions.data.total / PAGE)} value={page} onChange={setPage} getControlProps={(c) => ({ 'aria-label': c })} />
          )}
        </>
      )}
    </>
  );
}
