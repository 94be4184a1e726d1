import { Anchor, Badge, Button, Group, Image, NumberInput, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Timeline, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ScrollTable } from '../../components/ScrollTable';
import { useFormat } from '../../format';
import { useLanguage } from '../../i18n/language';
import { useMe } from '../../session';
import { useEnterpriseRefresh, useGroupEnterprise, useProgrammes } from './queries';

type Participation = components['schemas']['Participation'];
type Product = components['schemas']['Product'];
const KINDS = ['fda', 'tcps', 'tis', 'otop', 'halal', 'gap', 'other'] as const;
const STATUSES = ['preparing', 'submitted', 'inspected', 'certified', 'rejected'] as const;
const CATEGORIES = ['food', 'drink', 'cloth', 'crafts', 'herbal', 'service', 'other'] as const;

/** A group's programme paths, products with their marks, visits and development. */
export function GroupEnterprisePage() {
  const id = Number(useParams().id);
  const { t } = useTranslation('enterprise', { keyPrefix: 'group' });

  const { date } = useFormat();
  const page = useGroupEnterprise(id);
  const data = page.data;
  return (
    <>
      <PageHeader title={t('title', { name: data?.groupName ?? '' })} intro={t('intro')}>
        <Anchor component={Link} to={`/registry/groups/${id}`}>
          {t('registry')}
        </Anchor>
      </PageHeader>
      <Stack maw={1000}>
        <ProblemAlert error={page.error} />
        {data && (
          <>
            <Paper withBorder p="md" component="section" aria-labelledby="path">
              <Title order={2} size="h4" id="path">
                {t('path')}
              </Title>
              {data.participations.length === 0 && <Text>{t('noPath')}</Text>}
              {data.participations.map((p) => (
                <PathView key={p.id} p={p} groupId={id} canEdit={data.canEdit} />
              ))}
              {data.canEdit && <Nominate groupId={id} taken={data.participations.map((p) => p.programmeCode)} />}
            </Paper>
            <Paper withBorder p="md" component="section" aria-labelledby="products">
              <Title order={2} size="h4" id="products">
                {t('products')}
              </Title>
              {data.products.length === 0 && <Text>{t('noProducts')}</Text>}
              {data.products.map((p) => (
                <ProductView key={p.id} product={p} groupId={id} canEdit={data.canEdit} />
              ))}
              {data.canEdit && <AddProduct groupId={id} />}
            </Paper>
            <Paper withBorder p="md" component="section" aria-labelledby="visits">
              <Group justify="space-between">
                <Title order={2} size="h4" id="visits">
                  {t('visits')}
                </Title>
                {data.canEdit && (
                  <Button component={Link} to={`/enterprise/groups/${id}/visit`} size="sm">
                    {t('recordVisit')}
                  </Button>
                )}
              </Group>
              {data.visits.length === 0 && <Text>{t('noVisits')}</Text>}
              {data.visits.map((v) => (
                <Stack key={v.id} gap={4} mt="sm" data-testid="visit">
                  <Text fw={600}>
                    {date(v.visitedOn)} · {t('officers')}: {v.officers.join(', ')}
                  </Text>
                  {v.obstacles.length > 0 && (
                    <Text size="sm">
                      {t('obstacles')}: {v.obstacles.map((o) => o.text).join('; ')}
                    </Text>
                  )}
                  {v.notes.map((n) => (
                    <Text key={n.id} size="sm">
                      {n.author}: {n.text}
                    </Text>
                  ))}
                  <Group>
                    {v.photos.map((f, i) => (
                      <Image key={f.id} src={f.url} alt={t('photo', { n: i + 1 })} w={120} h={90} fit="cover" radius="sm" />
                    ))}
                  </Group>
                </Stack>
              ))}
            </Paper>
            <Paper withBorder p="md" component="section" aria-labelledby="development">
              <Title order={2} size="h4" id="development">
                {t('development')}
              </Title>
              <Text>
                {t('ceNumber')}: {data.development?.ceRegistrationNo ?? '—'} · {t('ceDate')}:{' '}
                {data.development?.ceRegisteredOn ? date(data.development.ceRegisteredOn) : '—'}
              </Text>
            </Paper>
          </>
        )}
      </Stack>
    </>
  );
}

function PathView({ p, groupId, canEdit }: { p: Participation; groupId: number; canEdit: boolean }) {
  const { t } = useTranslation('enterprise', { keyPrefix: 'group' });
  const lang = useLanguage();
  const { date } = useFormat();
  const { data: me } = useMe();
  const refresh = useEnterpriseRefresh();
  const [text, setText] = useState('');
  const next = p.stages.find((s) => s.position === p.stagePosition + 1);
  const isHq = Boolean(me?.roles.some((r) => r.role === 'officer' && r.unitCode?.endsWith('-HQ')));
  const act = useMutation({
    mutationFn: () =>
      next?.evidence.kind === 'selection'
        ? unwrap(api.POST('/api/enterprise/participations/{id}/select', { params: { path: { id: p.id } }, body: { reason: text } }))
        : unwrap(
            api.POST('/api/enterprise/participations/{id}/advance', {
              params: { path: { id: p.id } },
              body: { stageCode: next!.code, documentRef: text || undefined },
            }),
          ),
    onSuccess: () => {
      setText('');
      void refresh.group(groupId);
    },
  });
  const name = (s: { nameTh: string; nameEn: string }) => (lang === 'en' ? s.nameEn : s.nameTh);
  const showAction = p.status === 'active' && next && !next.automatic && (next.evidence.kind === 'selection' ? isHq : canEdit);
  return (
    <Stack gap="xs" mt="sm" data-testid={`path-${p.programmeCode}`}>
      <Text fw={600}>{lang === 'en' ? p.programmeNameEn : p.programmeNameTh}</Text>
      <Timeline active={p.steps.length - 1} bulletSize={14} lineWidth={2}>
        {p.steps.map((s, i) => {
          const stage = p.stages.find((x) => x.code === s.stageCode);
          return (
            <Timeline.Item key={i} title={stage ? name(stage) : s.stageCode}>
              <Text size="sm">
                {date(s.reachedOn)}
                {s.automatic && (
                  <Badge ml="xs" size="sm" variant="light">
                    {t('automatic')}
                  </Badge>
                )}
                {s.reason ? ` · ${s.reason}` : ''}
              </Text>
            </Timeline.Item>
          );
        })}
      </Timeline>
      {p.status === 'exited' && <Badge color="gray">{t('exited')}</Badge>}
      {next && p.status === 'active' && (
        <Text size="sm" c="dimmed">
          {t('nextStage', { stage: name(next) })} · {t('evidence', { text: lang === 'en' ? next.evidence.en : next.evidence.th })}
        </Text>
      )}
      {showAction && (
        <Group align="end">
          <TextInput
            label={next.evidence.kind === 'selection' ? t('reason') : t('evidenceRef')}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
          />
          <Button onClick={() => act.mutate()} loading={act.isPending}>
            {next.evidence.kind === 'selection' ? t('select') : t('advance')}
          </Button>
        </Group>
      )}
      <ProblemAlert error={act.error} />
    </Stack>
  );
}

function Nominate({ groupId, taken }: { groupId: number; taken: string[] }) {
  const { t } = useTranslation('enterprise', { keyPrefix: 'group' });
  const lang = useLanguage();

  const { data: me } = useMe();
  const programmes = useProgrammes();
  const refresh = useEnterpriseRefresh();
  const units = [...new Set((me?.roles ?? []).filter((r) => r.role === 'officer' && r.unitCode).map((r) => r.unitCode!))];
  const options = (programmes.data ?? []).filter((p) => !taken.includes(p.code)).map((p) => ({ value: p.code, label: lang === 'en' ? p.nameEn : p.nameTh }));
  const [programme, setProgramme] = useState<string | null>(null);
  const [unit, setUnit] = useState<string | null>(null);
  const nominate = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/enterprise/programmes/{code}/participants', {
          params: { path: { code: programme! } },
          body: { groupId, unitCode: unit ?? units[0] ?? '' },
        }),
      ),
    onSuccess: () => void refresh.group(groupId),
  });
  if (!units.length || !options.length) return null;
  return (
    <Stack gap="xs" mt="md">
      <Title order={3} size="h5">
        {t('nominate')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Select label={t('programme')} data={options} value={programme} onChange={setProgramme} />
        <Select label={t('unit')} data={units} value={unit ?? units[0] ?? null} onChange={setUnit} allowDeselect={false} />
        <Button mt={{ sm: 24 }} disabled={!programme} onClick={() => nominate.mutate()} loading={nominate.isPending}>
          {t('nominate')}
        </Button>
      </SimpleGrid>
      <ProblemAlert error={nominate.error} />
    </Stack>
  );
}

function ProductView({ product, groupId, canEdit }: { product: Product; groupId: number; canEdit: boolean }) {
  const { t } = useTranslation('enterprise', { keyPrefix: 'group' });

  const { date, number } = useFormat();
  const { t: w } = useTranslation('enterprise', { keyPrefix: 'words' });
  const refresh = useEnterpriseRefresh();
  const [kind, setKind] = useState<string | null>('tcps');
  const [status, setStatus] = useState<string | null>('certified');
  const [num, setNum] = useState('');
  const [standardNo, setStandardNo] = useState('');
  const [issuedOn, setIssuedOn] = useState('');
  const add = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/enterprise/products/{id}/certifications', {
          params: { path: { id: product.id } },
          body: {
            kind: kind as (typeof KINDS)[number],
            status: status as (typeof STATUSES)[number],
            number: num || undefined,
            standardNo: standardNo || undefined,
            issuedOn: issuedOn || undefined,
          },
        }),
      ),
    onSuccess: () => void refresh.group(groupId),
  });
  return (
    <Stack gap="xs" mt="sm" data-testid={`product-${product.id}`}>
      <Text fw={600}>
        {product.name} · {t('baht', { n: number(product.unitPriceSatang / 100) })}
      </Text>
      <Group gap="xs" aria-label={t('marks')}>
        {product.marks.length === 0 && <Text size="sm">{t('noMarks')}</Text>}
        {product.marks.map((m) => (
          <Badge key={m} color="teal" data-testid="mark">
            {w(`kind.${m}` as 'kind.other')}
          </Badge>
        ))}
      </Group>
      {product.certifications.length > 0 && (
        <ScrollTable label={t('products')} minWidth={480}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('kind')}</Table.Th>
                <Table.Th>{t('status')}</Table.Th>
                <Table.Th>{t('number')}</Table.Th>
                <Table.Th>{t('expiresOn')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {product.certifications.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>{w(`kind.${c.kind}`)}</Table.Td>
                  <Table.Td>
                    {w(`status.${c.status}`)} · {w(`validity.${c.validity}`)}
                  </Table.Td>
                  <Table.Td>{c.number ?? c.standardNo ?? '—'}</Table.Td>
                  <Table.Td>{c.expiresOn ? date(c.expiresOn) : '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
      {canEdit && (
        <Stack gap="xs">
          <Title order={3} size="h5">
            {t('addCertification')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select label={t('kind')} data={KINDS.map((k) => ({ value: k, label: w(`kind.${k}`) }))} value={kind} onChange={setKind} allowDeselect={false} />
            <Select
              label={t('status')}
              data={STATUSES.map((k) => ({ value: k, label: w(`status.${k}`) }))}
              value={status}
              onChange={setStatus}
              allowDeselect={false}
            />
            <TextInput label={t('number')} value={num} onChange={(e) => setNum(e.currentTarget.value)} />
            <TextInput label={t('standardNo')} value={standardNo} onChange={(e) => setStandardNo(e.currentTarget.value)} />
            <TextInput label={t('issuedOn')} value={issuedOn} onChange={(e) => setIssuedOn(e.currentTarget.value)} />
          </SimpleGrid>
          <Button w="fit-content" onClick={() => add.mutate()} loading={add.isPending}>
            {t('save')}
          </Button>
          <ProblemAlert error={add.error} />
        </Stack>
      )}
    </Stack>
  );
}

function AddProduct({ groupId }: { groupId: number }) {
  const { t } = useTranslation('enterprise', { keyPrefix: 'group' });

  const { t: w } = useTranslation('enterprise', { keyPrefix: 'words' });
  const refresh = useEnterpriseRefresh();
  const [name, setName] = useState('');
  const [category, setCategory] = useState<string | null>('food');
  const [price, setPrice] = useState<number | string>('');
  const add = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/enterprise/groups/{groupId}/products', {
          params: { path: { groupId } },
          body: { name, category: category as (typeof CATEGORIES)[number], unitPriceSatang: Math.round(Number(price) * 100) },
        }),
      ),
    onSuccess: () => {
      setName('');
      void refresh.group(groupId);
    },
  });
  return (
    <Stack gap="xs" mt="md">
      <Title order={3} size="h5">
        {t('addProduct')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput label={t('name')} value={name} onChange={(e) => setName(e.currentTarget.value)} />
        <Select
          label={t('category')}
          data={CATEGORIES.map((c) => ({ value: c, label: w(`category.${c}`) }))}
          value={category}
          onChange={setCategory}
          allowDeselect={false}
        />
        <NumberInput label={t('price')} value={price} onChange={setPrice} min={0} decimalScale={2} />
      </SimpleGrid>
      <Button w="fit-content" onClick={() => add.mutate()} loading={add.isPending}>
        {t('addProduct')}
      </Button>
      <ProblemAlert error={add.error} />
    </Stack>
  );
}
