import { Alert, Anchor, Badge, Button, Group, Modal, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatThaiDate } from '../../../shared/thai-date';
import { fill, useLanguage, useText } from './text';

const TEXT = {
  th: {
    title: 'ตรวจระเบียนซ้ำ',
    intro: 'บุคคลในอำเภอเดียวกัน วันเกิดเดียวกัน และชื่อคล้ายกัน อาจเป็นคนเดียวกันที่ลงทะเบียนสองครั้ง',
    none: 'ไม่พบระเบียนที่น่าจะซ้ำในพื้นที่ของคุณ',
    sameName: 'ชื่อตรงกัน',
    likeness: 'ความคล้าย {score}',
    keep: 'เก็บระเบียน {id} และรวมอีกระเบียนเข้ามา',
    born: 'เกิด',
    source: 'ที่มา',
    registered: 'ลงทะเบียน',
    confirmTitle: 'รวมระเบียน',
    confirm: 'ระเบียน {dup} จะถูกรวมเข้ากับระเบียน {keep}: กลุ่มอาชีพ ความยินยอม และประวัติทั้งหมดจะย้ายไปอยู่ที่ระเบียน {keep} และระเบียน {dup} จะชี้ไปยังระเบียนนี้ การรวมย้อนกลับไม่ได้',
    merge: 'รวมระเบียน',
    cancel: 'ยกเลิก',
    merged: 'รวมระเบียนแล้ว',
    openKept: 'เปิดระเบียนที่เก็บไว้',
    pair: 'คู่ที่ {n}',
  },
  en: {
    title: 'Review duplicates',
    intro: 'People of the same district and birth date with alike names may be one person registered twice',
    none: 'No likely duplicates in your area',
    sameName: 'Same name',
    likeness: 'Likeness {score}',
    keep: 'Keep record {id} and merge the other into it',
    born: 'Born',
    source: 'Source',
    registered: 'Registered',
    confirmTitle: 'Merge records',
    confirm:
      'Record {dup} will be merged into record {keep}: its groups, consents and timeline move to record {keep}, and record {dup} will point to it. A merge cannot be undone.',
    merge: 'Merge',
    cancel: 'Cancel',
    merged: 'Records merged',
    openKept: 'Open the kept record',
    pair: 'Pair {n}',
  },
};

export function RegistryDuplicatesPage() {
  const t = useText(TEXT);
  const lang = useLanguage();
  const client = useQueryClient();
  const pairs = useQuery({ queryKey: ['duplicates'], queryFn: () => unwrap(api.GET('/api/people/duplicates', { params: { query: { limit: 50 } } })) });
  const [choice, setChoice] = useState<{ keep: number; dup: number } | null>(null);
  const merge = useMutation({
    mutationFn: (c: { keep: number; dup: number }) =>
      unwrap(api.POST('/api/people/{id}/merge', { params: { path: { id: c.keep } }, body: { duplicateId: c.dup } })),
    onSuccess: () => {
      setChoice(null);
      void client.invalidateQueries({ queryKey: ['duplicates'] });
    },
  });
  type Brief = NonNullable<typeof pairs.data>[number]['a'];
  const card = (p: Brief) => (
    <Paper withBorder p="sm">
      <Anchor component={Link} to={`/registry/people/${p.id}`} fw={600}>
        {p.firstNameTh} {p.lastNameTh}
      </Anchor>
      <Text size="sm">{p.docNumberMasked}</Text>
      <Text size="sm">
        {t.born} {formatThaiDate(p.birthDate, { locale: lang })} · {lang === 'th' ? p.districtNameTh : p.districtNameEn}
      </Text>
      <Text size="sm" c="dimmed">
        {t.registered} {formatThaiDate(p.createdAt.slice(0, 10), { locale: lang })} · {p.source}
      </Text>
    </Paper>
  );
  return (
    <>
      <PageHeader title={t.title} intro={t.intro} />
      <ProblemAlert error={pairs.error} />
      {merge.data && (
        <Alert color="green" title={t.merged} mb="md" styles={{ title: { color: '#1b5e20' } }}>
          <Anchor component={Link} to={`/registry/people/${merge.data.id}`}>
            {t.openKept}
          </Anchor>
        </Alert>
      )}
      {pairs.data && pairs.data.length === 0 && <Text>{t.none}</Text>}
      <Stack maw={960}>
        {(pairs.data ?? []).map((pair, i) => (
          <Paper key={`${pair.a.id}-${pair.b.id}`} withBorder p="md" component="section" aria-label={fill(t.pair, { n: i + 1 })}>
            <Group gap="xs" mb="sm">
              {pair.sameName && (
                <Badge color="red.9" variant="filled" tt="none">
                  {t.sameName}
                </Badge>
              )}
              <Badge color="gray" variant="light" c="dark" tt="none">
                {fill(t.likeness, { score: pair.score.toFixed(2) })}
              </Badge>
            </Group>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {card(pair.a)}
              {card(pair.b)}
            </SimpleGrid>
            <Group mt="sm" wrap="wrap">
              <Button variant="default" onClick={() => setChoice({ keep: pair.a.id, dup: pair.b.id })}>
                {fill(t.keep, { id: pair.a.id })}
              </Button>
              <Button variant="default" onClick={() => setChoice({ keep: pair.b.id, dup: pair.a.id })}>
                {fill(t.keep, { id: pair.b.id })}
              </Button>
            </Group>
          </Paper>
        ))}
      </Stack>
      <Modal opened={choice !== null} onClose={() => setChoice(null)} title={t.confirmTitle}>
        {choice && (
          <Stack>
            <Text>{fill(t.confirm, { keep: choice.keep, dup: choice.dup })}</Text>
            <ProblemAlert error={merge.error} />
            <Group>
              <Button color="red.9" loading={merge.isPending} onClick={() => merge.mutate(choice)}>
                {t.merge}
              </Button>
              <Button variant="default" onClick={() => setChoice(null)}>
                {t.cancel}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </>
  );
}
