import { Alert, Anchor, Badge, Box, Button, Group, List, Modal, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { Link } from 'react-router';
import { labelOf, TITLES } from '../../../shared/person-fields';
import { formatThaiDate, formatThaiDateTime } from '../../../shared/thai-date';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { fill, useLanguage, useText } from './text';

type Pair = components['schemas']['DuplicatePair'];
type Brief = Pair['a'];
interface Choice {
  keep: Brief;
  merge: Brief;
  keepLetter: string;
  mergeLetter: string;
}

const LIMIT = 50;
const QUERY_KEY = ['registry-duplicates', LIMIT] as const;

const TEXT = {
  th: {
    title: 'ตรวจระเบียนซ้ำ',
    intro: 'บุคคลในอำเภอเดียวกันที่เกิดวันเดียวกันและชื่อคล้ายกัน อาจเป็นคนเดียวกันที่ลงทะเบียนสองครั้ง ตรวจดูแล้วเลือกระเบียนที่จะเก็บไว้',
    none: 'ไม่พบระเบียนที่น่าจะซ้ำกันในพื้นที่ของคุณ', count: 'พบ {n} คู่ที่น่าจะซ้ำกัน', capped: 'แสดง {n} คู่แรก เมื่อรวมระเบียนแล้วคู่ถัดไปจะแสดงขึ้นมา',
    pair: 'คู่ที่ {n}', a: 'ก', b: 'ข', record: 'ระเบียน {letter}', recordId: 'รหัสระเบียน {id}',
    sameName: 'ชื่อ–นามสกุลตรงกัน', likeness: 'ชื่อคล้ายกัน {score}%',
    idNumber: 'เลขประจำตัว', born: 'วันเกิด', district: 'อำเภอ', source: 'ที่มา', registered: 'ลงทะเบียนเมื่อ',
    src_officer: 'เจ้าหน้าที่ลงทะเบียน', src_self: 'ลงทะเบียนด้วยตนเอง', src_import: 'นำเข้าจากไฟล์',
    keepA: 'เก็บ ก และรวม ข เข้าไป', keepB: 'เก็บ ข และรวม ก เข้าไป', keepNamed: 'เก็บระเบียน {keep} ({keepName}) และรวมระเบียน {merge} ({mergeName}) เข้าไป',
    confirmTitle: 'ยืนยันการรวมระเบียน', keepLabel: 'ระเบียนที่เก็บไว้', mergeLabel: 'ระเบียนที่จะรวมเข้าไป',
    explain: 'เมื่อรวมแล้ว:', moves: 'ทุกอย่างที่ผูกกับระเบียน {merge} ย้ายไปอยู่ที่ระเบียน {keep} ได้แก่ การเป็นสมาชิกกลุ่มอาชีพ ความยินยอม และประวัติ',
    points: 'ระเบียน {merge} จะมีสถานะ "รวมระเบียนแล้ว" และชี้ไปยังระเบียน {keep} ผู้ที่ค้นด้วยเลขเดิมจะพบระเบียนที่เก็บไว้',
    audited: 'การรวมถูกบันทึกในประวัติการใช้งาน และย้อนกลับไม่ได้',
    merge: 'รวมระเบียน', cancel: 'ยกเลิก', dismiss: 'ปิดข้อความนี้', merged: 'รวมระเบียนแล้ว', mergedText: 'รวมระเบียน {merge} เข้ากับระเบียน {keep} เรียบร้อย', openKept: 'เปิดระเบียนของ {name}',
  },
  en: {
    title: 'Review duplicates',
    intro: 'People of the same district and birth date with alike names may be one person registered twice. Check each pair and choose the record to keep.',
    none: 'No likely duplicates in your area', count: '{n} likely duplicate pairs', capped: 'The first {n} pairs are shown; more appear as pairs are merged',
    pair: 'Pair {n}', a: 'A', b: 'B', record: 'Record {letter}', recordId: 'Record number {id}',
    sameName: 'Same name', likeness: 'Names {score}% alike',
    idNumber: 'ID', born: 'Born', district: 'District', source: 'Source', registered: 'Registered',
    src_officer: 'Registered by an officer', src_self: 'Self-registered', src_import: 'Imported from a file',
    keepA: 'Keep A, merge B into it', keepB: 'Keep B, merge A into it', keepNamed: 'Keep record {keep} ({keepName}) and merge record {merge} ({mergeName}) into it',
    confirmTitle: 'Confirm the merge', keepLabel: 'Record kept', mergeLabel: 'Record merged into it',
    explain: 'Once merged:', moves: 'Everything linked to record {merge} moves to record {keep}: group memberships, consents and the timeline.',
    points: 'Record {merge} is marked as merged and points to record {keep}; anyone who looks it up finds the kept record.',
    audited: 'The merge is written to the audit log and cannot be undone.',
    merge: 'Merge the records', cancel: 'Cancel', dismiss: 'Dismiss this message', merged: 'Records merged', mergedText: 'Record {merge} was merged into record {keep}.', openKept: 'Open the record of {name}',
  },
};
type Words = typeof TEXT.th;

/** Thai writes the title against the name (นางมะลิ); English puts a space (Mrs มะลิ). */
const fullName = (p: Brief, lang: 'th' | 'en') => `${labelOf(TITLES, p.title, lang)}${lang === 'th' ? '' : ' '}${p.firstNameTh} ${p.lastNameTh}`.trim();
const sourceOf = (t: Words, source: string) => (t as Record<string, string>)[`src_${source}`] ?? source;
/** A B.E. date, or the raw text should the server ever send something that is not YYYY-MM-DD. */
const dateOf = (iso: string, lang: 'th' | 'en') => {
  try {
    return formatThaiDate(iso.slice(0, 10), { locale: lang });
  } catch {
    return iso;
  }
};

function PersonCard({ person, letter }: { person: Brief; letter: string }) {
  const t = useText(TEXT);
  const lang = useLanguage();
  const facts: [string, string][] = [
    [t.idNumber, person.docNumberMasked],
    [t.born, dateOf(person.birthDate, lang)],
    [t.district, lang === 'th' ? person.districtNameTh : person.districtNameEn],
    [t.source, sourceOf(t, person.source)],
    [t.registered, formatThaiDateTime(new Date(person.createdAt), lang)],
  ];
  return (
    <Paper withBorder p="sm">
      <Text size="sm" fw={600} c="gray.8">{fill(t.record, { letter })} · {fill(t.recordId, { id: person.id })}</Text>
      <Anchor component={Link} to={`/registry/people/${person.id}`} fw={600} size="lg" style={{ overflowWrap: 'anywhere' }}>
        {fullName(person, lang)}
      </Anchor>
      <Box component="dl" m={0} mt={6} style={{ display: 'grid', gridTemplateColumns: 'max-content minmax(0, 1fr)', columnGap: 'var(--mantine-spacing-sm)', rowGap: 2 }}>
        {facts.map(([label, value]) => (
          <Box key={label} style={{ display: 'contents' }}>
            <Text component="dt" size="sm" c="gray.8">{label}</Text>
            <Text component="dd" size="sm" m={0} style={{ overflowWrap: 'anywhere' }}>{value}</Text>
          </Box>
        ))}
      </Box>
    </Paper>
  );
}

export function DuplicatesPage() {
  const t = useText(TEXT);
  const lang = useLanguage();
  const client = useQueryClient();
  const phone = useMediaQuery('(max-width: 36em)');
  const pairs = useQuery({ queryKey: QUERY_KEY, queryFn: () => unwrap(api.GET('/api/people/duplicates', { params: { query: { limit: LIMIT } } })) });
  const [choice, setChoice] = useState<Choice | null>(null);
  const [done, setDone] = useState<{ kept: Brief; merged: Brief } | null>(null);
  const doneRef = useRef<HTMLDivElement>(null);

  const merge = useMutation({
    mutationFn: (c: Choice) => unwrap(api.POST('/api/people/{id}/merge', { params: { path: { id: c.keep.id } }, body: { duplicateId: c.merge.id } })),
    onSuccess: (_person, c) => {
      setDone({ kept: c.keep, merged: c.merge });
      setChoice(null);
      void client.invalidateQueries({ queryKey: ['registry-duplicates'] });
      // Other lists and the two people's pages show the merge too.
      void client.invalidateQueries({ queryKey: ['people'] });
      void client.invalidateQueries({ queryKey: ['person'] });
      void client.invalidateQueries({ queryKey: ['person-timeline'] });
      requestAnimationFrame(() => doneRef.current?.focus());
    },
  });

  const ask = (c: Choice) => {
    merge.reset();
    setChoice(c);
  };
  const close = () => {
    if (!merge.isPending) setChoice(null);
  };

  return (
    <>
      <PageHeader title={t.title} intro={t.intro} />
      <Stack maw={980}>
        {done && (
          <Alert ref={doneRef} tabIndex={-1} color="green" variant="light" title={t.merged} role="status" withCloseButton onClose={() => setDone(null)} closeButtonLabel={t.dismiss} styles={{ title: { color: '#1b5e20' } }}>
            <Text size="sm">{fill(t.mergedText, { keep: done.kept.id, merge: done.merged.id })}</Text>
            <Anchor component={Link} to={`/registry/people/${done.kept.id}`}>{fill(t.openKept, { name: fullName(done.kept, lang) })}</Anchor>
          </Alert>
        )}
        <ProblemAlert error={pairs.error} />
        {pairs.data && pairs.data.length === 0 && <Text fw={600}>{t.none}</Text>}
        {pairs.data && pairs.data.length > 0 && (
          <Text>
            {fill(t.count, { n: pairs.data.length })}
            {pairs.data.length >= LIMIT ? ` — ${fill(t.capped, { n: LIMIT })}` : ''}
          </Text>
        )}
        {(pairs.data ?? []).map((pair, i) => {
          const headingId = `duplicate-pair-${pair.a.id}-${pair.b.id}`;
          return (
            <Paper key={headingId} withBorder p="md" component="section" aria-labelledby={headingId}>
              <Group gap="xs" mb="sm" wrap="wrap">
                <Title order={2} size="h4" id={headingId}>{fill(t.pair, { n: i + 1 })}</Title>
                {pair.sameName && <Badge color="red.9" variant="filled" tt="none">{t.sameName}</Badge>}
                <Badge color="gray.8" variant="outline" tt="none">{fill(t.likeness, { score: Math.round(pair.score * 100) })}</Badge>
              </Group>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <PersonCard person={pair.a} letter={t.a} />
                <PersonCard person={pair.b} letter={t.b} />
              </SimpleGrid>
              <Group mt="sm" gap="sm" wrap="wrap">
                <Button
                  variant="default"
                  onClick={() => ask({ keep: pair.a, merge: pair.b, keepLetter: t.a, mergeLetter: t.b })}
                  aria-label={`${t.keepA}: ${fill(t.keepNamed, { keep: pair.a.id, keepName: fullName(pair.a, lang), merge: pair.b.id, mergeName: fullName(pair.b, lang) })}`}
                  styles={{ label: { whiteSpace: 'normal' } }}
                  h="auto"
                  mih={36}
                  py={6}
                >
                  {t.keepA}
                </Button>
                <Button
                  variant="default"
                  onClick={() => ask({ keep: pair.b, merge: pair.a, keepLetter: t.b, mergeLetter: t.a })}
                  aria-label={`${t.keepB}: ${fill(t.keepNamed, { keep: pair.b.id, keepName: fullName(pair.b, lang), merge: pair.a.id, mergeName: fullName(pair.a, lang) })}`}
                  styles={{ label: { whiteSpace: 'normal' } }}
                  h="auto"
                  mih={36}
                  py={6}
                >
                  {t.keepB}
                </Button>
              </Group>
            </Paper>
          );
        })}
      </Stack>

      <Modal opened={choice !== null} onClose={close} title={t.confirmTitle} size="lg" fullScreen={Boolean(phone)}>
        {choice && (
          <Stack>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <div>
                <Text fw={600} mb={4}>{t.keepLabel}</Text>
                <PersonCard person={choice.keep} letter={choice.keepLetter} />
              </div>
              <div>
                <Text fw={600} mb={4}>{t.mergeLabel}</Text>
                <PersonCard person={choice.merge} letter={choice.mergeLetter} />
              </div>
            </SimpleGrid>
            <div>
              <Text fw={600}>{t.explain}</Text>
              <List size="sm" spacing={4}>
                <List.Item>{fill(t.moves, { keep: choice.keep.id, merge: choice.merge.id })}</List.Item>
                <List.Item>{fill(t.points, { keep: choice.keep.id, merge: choice.merge.id })}</List.Item>
                <List.Item>{t.audited}</List.Item>
              </List>
            </div>
            <ProblemAlert error={merge.error} />
            <Group gap="sm" wrap="wrap">
              <Button color="red.9" loading={merge.isPending} onClick={() => merge.mutate(choice)}>{t.merge}</Button>
              <Button variant="default" onClick={close} disabled={merge.isPending}>{t.cancel}</Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </>
  );
}
