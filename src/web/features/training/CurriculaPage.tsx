import { Accordion, Alert, Badge, Group, List, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { CURRICULUM_CATEGORIES, DELIVERY_MODES } from '../../../shared/training-categories';
import { fill, useLanguage, useText } from '../registry/text';

type Curriculum = components['schemas']['Curriculum'];
type Language = 'th' | 'en';

const TEXT = {
  th: {
    title: 'หลักสูตรการฝึกอบรม',
    intro: 'หลักสูตรทั้งหมดในแผนงาน: ผู้จัด จำนวนชั่วโมง หัวข้อ ผู้ที่สมัครได้ และเกณฑ์การผ่าน',
    loading: 'กำลังโหลดหลักสูตร',
    none: 'ยังไม่มีหลักสูตร',
    count: 'ทั้งหมด {n} หลักสูตร',
    provider: 'ผู้จัด',
    partner: 'ร่วมกับ {p}',
    category: 'หมวดหลักสูตร',
    mode: 'รูปแบบการอบรม',
    hours: 'จำนวนชั่วโมง',
    hoursValue: '{n} ชั่วโมง',
    topics: 'หัวข้อการอบรม',
    topicHours: '{n} ชม.',
    forWhom: 'ผู้ที่สมัครได้',
    rule: 'เกณฑ์การผ่าน',
    units: 'หน่วยสมรรถนะ',
    noUnits: 'ไม่มี',
    prerequisites: 'ต้องผ่านหลักสูตรนี้ก่อน',
    code: 'รหัสหลักสูตร',
    retired: 'เลิกใช้แล้ว',
    assumed: 'ข้อมูลสมมติ (assumed)',
    assumedIntro: 'ข้อมูลต่อไปนี้ยังไม่มีในเอกสารต้นทาง ทีมงานกำหนดขึ้นเพื่อใช้งานระบบ และรอหน่วยงานยืนยัน:',
    source: 'แหล่งข้อมูล',
  },
  en: {
    title: 'Training curricula',
    intro: 'Every course in the programme: provider, hours, topics, who may apply, and what it takes to pass',
    loading: 'Loading the curricula',
    none: 'No curriculum yet',
    count: '{n} curricula',
    provider: 'Provider',
    partner: 'with {p}',
    category: 'Category',
    mode: 'Mode',
    hours: 'Hours',
    hoursValue: '{n} hours',
    topics: 'Topics',
    topicHours: '{n} h',
    forWhom: 'Who may apply',
    rule: 'To pass',
    units: 'Competency units',
    noUnits: 'None',
    prerequisites: 'Complete first',
    code: 'Curriculum code',
    retired: 'Retired',
    assumed: 'Assumed data',
    assumedIntro: 'These are not in the source documents; the team set them so the system can run, to be confirmed by the agency:',
    source: 'Source',
  },
};

/** Words for a curriculum's rules, shared with the citizen's session page. */
const RULES = {
  th: {
    attendanceAndScore: 'เข้าอบรมไม่น้อยกว่า {p}% และคะแนนทดสอบหลังอบรม {s} ขึ้นไป',
    attendance: 'เข้าอบรมไม่น้อยกว่า {p}%',
    everyone: 'ทุกคน',
    groups: 'ผู้ที่อยู่ในกลุ่มใดกลุ่มหนึ่งต่อไปนี้',
    minAge: 'อายุ {n} ปีขึ้นไป ณ วันเริ่มอบรม',
  },
  en: {
    attendanceAndScore: 'Attend at least {p}% and score {s} or more in the post-test',
    attendance: 'Attend at least {p}%',
    everyone: 'Everyone',
    groups: 'People in any of these groups:',
    minAge: 'Aged {n} or over on the first day',
  },
};

/** The seed data's names for assumed fields (`assumedFields`). */
const ASSUMED_FIELDS: Record<string, { th: string; en: string }> = {
  provider: { th: 'ผู้จัด', en: 'Provider' },
  mode: { th: 'รูปแบบการอบรม', en: 'Mode' },
  topics: { th: 'หัวข้อการอบรม', en: 'Topics' },
  hours: { th: 'จำนวนชั่วโมง', en: 'Hours' },
  targetGroups: { th: 'กลุ่มเป้าหมาย', en: 'Target groups' },
  minAge: { th: 'อายุขั้นต่ำ', en: 'Minimum age' },
  completionRule: { th: 'เกณฑ์การผ่าน', en: 'Completion rule' },
  competencyUnits: { th: 'หน่วยสมรรถนะ', en: 'Competency units' },
};

/** Yellow's own dark shades fall below 4.5:1 on the light yellow background; brown-black passes. */
export const ASSUMED_STYLES = { title: { color: '#4a2c00' }, message: { color: '#212529' } };

const byCode = (list: readonly { code: string; th: string; en: string }[]) => new Map(list.map((x) => [x.code, x]));
const CATEGORIES = byCode(CURRICULUM_CATEGORIES);
const MODES = byCode(DELIVERY_MODES);

export const categoryName = (code: string, lang: Language) => CATEGORIES.get(code)?.[lang] ?? code;
export const modeName = (code: string, lang: Language) => MODES.get(code)?.[lang] ?? code;

/** "เข้าอบรมไม่น้อยกว่า 80% และคะแนนทดสอบหลังอบรม 60 ขึ้นไป" */
export function completionRule(c: Pick<Curriculum, 'minAttendancePercent' | 'minPostTestScore'>, lang: Language): string {
  const words = RULES[lang];
  return c.minPostTestScore === null
    ? fill(words.attendance, { p: c.minAttendancePercent })
    : fill(words.attendanceAndScore, { p: c.minAttendancePercent, s: c.minPostTestScore });
}

/** Who may apply: everyone, or the target groups by name; and the minimum age. */
export function WhoMayApply({ c, groupName, lang }: { c: Pick<Curriculum, 'targetGroups' | 'minAge'>; groupName: (code: string) => string; lang: Language }) {
  const words = RULES[lang];
  return (
    <>
      {c.targetGroups.length === 0 ? (
        <Text>{words.everyone}</Text>
      ) : (
        <>
          <Text>{words.groups}</Text>
          <List spacing={2}>
            {c.targetGroups.map((code) => (
              <List.Item key={code}>{groupName(code)}</List.Item>
            ))}
          </List>
        </>
      )}
      {c.minAge !== null && <Text mt={4}>{fill(words.minAge, { n: c.minAge })}</Text>}
    </>
  );
}

/** Target groups' and agencies' names (public reference data, fetched once). */
export function useReferenceNames(lang: Language) {
  const groups = useQuery({ queryKey: ['target-groups'], staleTime: Infinity, queryFn: () => unwrap(api.GET('/api/target-groups')) });
  const agencies = useQuery({ queryKey: ['agencies'], staleTime: Infinity, queryFn: () => unwrap(api.GET('/api/agencies')) });
  const name = (item: { nameTh: string; nameEn: string } | undefined) => (item ? (lang === 'th' ? item.nameTh : item.nameEn) : undefined);
  return {
    groupName: (code: string) => name(groups.data?.find((g) => g.code === code)) ?? code,
    agencyName: (code: string) => name(agencies.data?.find((a) => a.code === code)) ?? code,
  };
}

export function CurriculaPage() {
  const t = useText(TEXT);
  const lang = useLanguage();
  const curricula = useQuery({
    queryKey: ['curricula'],
    staleTime: 5 * 60_000,
    queryFn: () => unwrap(api.GET('/api/training/curricula', { params: { query: {} } })),
  });
  const names = useReferenceNames(lang);
  const nameOfCode = new Map((curricula.data ?? []).map((c) => [c.code, lang === 'th' ? c.nameTh : c.nameEn]));

  return (
    <>
      <PageHeader title={t.title} intro={t.intro} />
      <ProblemAlert error={curricula.error} />
      {curricula.isPending && (
        <Group gap="xs" role="status">
          <Loader size="sm" aria-hidden />
          <Text>{t.loading}</Text>
        </Group>
      )}
      {curricula.data && (
        <Stack maw={960}>
          <Text role="status">{curricula.data.length === 0 ? t.none : fill(t.count, { n: curricula.data.length })}</Text>
          <Accordion multiple variant="separated" order={2} chevronPosition="right">
            {curricula.data.map((c) => (
              <Accordion.Item key={c.code} value={c.code}>
                <Accordion.Control>
                  <Text fw={600} size="lg" lh={1.4}>
                    {lang === 'th' ? c.nameTh : c.nameEn}
                  </Text>
                  <Group gap={6} mt={4}>
                    <Badge variant="light" color="indigo" c="indigo.9" tt="none" size="lg">
                      {categoryName(c.category, lang)}
                    </Badge>
                    <Badge variant="light" color="gray" c="dark" tt="none" size="lg">
                      {fill(t.hoursValue, { n: c.hours })}
                    </Badge>
                    {c.assumedFields.length > 0 && (
                      <Badge variant="filled" color="yellow" c="dark" tt="none" size="lg">
                        {t.assumed}
                      </Badge>
                    )}
                    {c.status === 'retired' && (
                      <Badge variant="filled" color="gray.7" tt="none" size="lg">
                        {t.retired}
                      </Badge>
                    )}
                  </Group>
                </Accordion.Control>
                <Accordion.Panel>
                  <CurriculumDetails c={c} t={t} lang={lang} names={names} nameOfCode={nameOfCode} />
                </Accordion.Panel>
              </Accordion.Item>
            ))}
          </Accordion>
        </Stack>
      )}
    </>
  );
}

type Words = (typeof TEXT)['th'];

function CurriculumDetails({
  c,
  t,
  lang,
  names,
  nameOfCode,
}: {
  c: Curriculum;
  t: Words;
  lang: Language;
  names: ReturnType<typeof useReferenceNames>;
  nameOfCode: Map<string, string>;
}) {
  const fact = (label: string, value: React.ReactNode) => (
    <div>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text>{value}</Text>
    </div>
  );
  const provider = `${names.agencyName(c.providerAgencyCode)}${c.providerPartner ? ` ${fill(t.partner, { p: c.providerPartner })}` : ''}`;
  return (
    <Stack gap="md">
      {lang === 'en' || c.nameEn === c.nameTh ? null : (
        <Text lang="en" c="dimmed">
          {c.nameEn}
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        {fact(t.provider, provider)}
        {fact(t.category, categoryName(c.category, lang))}
        {fact(t.mode, modeName(c.mode, lang))}
        {fact(t.hours, fill(t.hoursValue, { n: c.hours }))}
        {fact(t.rule, completionRule(c, lang))}
        {fact(t.code, c.code)}
      </SimpleGrid>

      <div>
        <Title order={3} size="h5" mb={4}>
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
      </div>

      <div>
        <Title order={3} size="h5" mb={4}>
          {t.forWhom}
        </Title>
        <WhoMayApply c={c} groupName={names.groupName} lang={lang} />
        {c.prerequisites.length > 0 && (
          <Text>
            {t.prerequisites}: {c.prerequisites.map((code) => nameOfCode.get(code) ?? code).join(', ')}
          </Text>
        )}
      </div>

      <div>
        <Title order={3} size="h5" mb={4}>
          {t.units}
        </Title>
        {c.competencyUnits.length === 0 ? (
          <Text>{t.noUnits}</Text>
        ) : (
          <List spacing={4}>
            {c.competencyUnits.map((unit) => (
              <List.Item key={unit}>{unit}</List.Item>
            ))}
          </List>
        )}
      </div>

      {c.assumedFields.length > 0 && (
        <Alert color="yellow" variant="light" title={t.assumed} styles={ASSUMED_STYLES}>
          <Text size="sm">{t.assumedIntro}</Text>
          <List size="sm" spacing={2} mt={4}>
            {c.assumedFields.map((field) => (
              <List.Item key={field}>{ASSUMED_FIELDS[field]?.[lang] ?? field}</List.Item>
            ))}
          </List>
          {c.sourceNote && (
            <Text size="sm" mt="xs">
              {t.source}: <span lang="en">{c.sourceNote}</span>
            </Text>
          )}
        </Alert>
      )}
    </Stack>
  );
}
