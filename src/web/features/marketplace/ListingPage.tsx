import { Anchor, Badge, Button, Checkbox, FileInput, Group, Image, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { Fact } from '../../components/Fact';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useFormat } from '../../format';
import { useMe } from '../../session';
import { useListing, useMarketplaceRefresh } from './queries';
import { LISTING_COLOURS, RETURN_REASONS, useBaht } from './words';

type Reason = (typeof RETURN_REASONS)[number];

/** The image itself as the request body, the way the photo endpoint takes it (checked by its bytes on the server). */
const photoUpload = (file: File) => ({
  body: file as never,
  bodySerializer: (body: unknown) => body as Blob,
  headers: { 'content-type': file.type === 'image/png' ? 'image/png' : 'image/jpeg' },
});

/** An officer's check: approve, or return with a note for each reason chosen. */
function Decision({ id, groupId }: { id: number; groupId: number }) {
  const { t } = useTranslation('marketplace', { keyPrefix: 'decision' });
  const { t: w } = useTranslation('marketplace', { keyPrefix: 'words' });
  const refresh = useMarketplaceRefresh();
  const [notes, setNotes] = useState<Partial<Record<Reason, string>>>({});
  const decide = useMutation({
    mutationFn: (decision: 'approve' | 'return') =>
      unwrap(
        api.POST('/api/marketplace/listings/{id}/decision', {
          params: { path: { id } },
          body:
            decision === 'approve'
              ? { decision }
              : { decision, reasons: (Object.entries(notes) as [Reason, string][]).map(([code, note]) => ({ code, note: note.trim() })) },
        }),
      ),
    onSuccess: () => refresh.listing(id, groupId),
  });
  const chosen = Object.keys(notes) as Reason[];
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="decision">
      <Title order={2} size="h4" id="decision" mb="xs">
        {t('title')}
      </Title>
      <Text size="sm" mb="sm">
        {t('intro')}
      </Text>
      <Stack gap="xs">
        {RETURN_REASONS.map((r) => (
          <Stack key={r} gap={4}>
            <Checkbox
              label={w(`reason.${r}`)}
              checked={r in notes}
              onChange={(e) => {
                const checked = e.currentTarget.checked;
                setNotes((n) => {
                  const next = { ...n };
                  if (checked) next[r] = '';
                  else delete next[r];
                  return next;
                });
              }}
            />
            {r in notes && (
              <TextInput
                label={t('note', { reason: w(`reason.${r}`) })}
                value={notes[r]}
                onChange={(e) => setNotes((n) => ({ ...n, [r]: e.currentTarget.value }))}
                required
              />
            )}
          </Stack>
        ))}
      </Stack>
      <Group mt="md">
        <Button
          color="teal.9"
          onClick={() => decide.mutate('approve')}
          loading={decide.isPending && decide.variables === 'approve'}
          disabled={chosen.length > 0}
        >
          {t('approve')}
        </Button>
        <Button
          variant="default"
          onClick={() => decide.mutate('return')}
          loading={decide.isPending && decide.variables === 'return'}
          disabled={chosen.length === 0 || chosen.some((r) => !notes[r]?.trim())}
        >
          {t('return')}
        </Button>
      </Group>
      <ProblemAlert error={decide.error} />
    </Paper>
  );
}

/**
 * One listing: its photos (added here, from the phone's camera or gallery), text, price, claimed
 * marks and status; the reasons an officer returned it for, with a way to change it and send it
 * again; an officer's approve-or-return; the public page once it is approved.
 */
export function ListingPage() {
  const id = Number(useParams().id);
  const { t } = useTranslation('marketplace', { keyPrefix: 'listing' });
  const { t: w } = useTranslation('marketplace', { keyPrefix: 'words' });
  const { dateTime, number } = useFormat();
  const baht = useBaht();
  const me = useMe();
  const listing = useListing(id);
  const refresh = useMarketplaceRefresh();
  const [file, setFile] = useState<File | null>(null);
  const caps = me.data?.capabilities ?? [];
  const officer = caps.includes('marketplace.check');
  const acts = officer || caps.includes('own-records');
  const upload = useMutation({
    mutationFn: (f: File) => unwrap(api.POST('/api/marketplace/listings/{id}/photos', { params: { path: { id } }, ...photoUpload(f) })),
    onSuccess: async (l) => {
      setFile(null);
      await refresh.listing(l.id, l.groupId);
    },
  });
  const l = listing.data;
  return (
    <>
      <PageHeader title={l?.titleTh ?? t('title')}>
        {l && (
          <Group gap="md" wrap="wrap">
            <Badge color={LISTING_COLOURS[l.status] ?? 'gray.9'} variant="outline" size="lg" data-testid="listing-status">
              {w(`status.${l.status}`)}
            </Badge>
            <Anchor component={Link} to={`/marketplace/groups/${l.groupId}`}>
              {t('group')}
            </Anchor>
            {l.status === 'approved' && (
              <Anchor href={`/shop/products/${l.id}`} data-testid="public-page">
                {t('publicPage')}
              </Anchor>
            )}
            {acts && l.status !== 'unlisted' && (
              <Anchor component={Link} to={`/marketplace/listings/${l.id}/edit`}>
                {t('edit')}
              </Anchor>
            )}
          </Group>
        )}
      </PageHeader>
      <Stack maw={900}>
        <ProblemAlert error={listing.error} />
        {l && (
          <>
            {l.status === 'returned' && l.returnReasons.length > 0 && (
              <Paper withBorder p="md" bg="orange.0">
                <Text fw={600}>{t('returnedFor')}</Text>
                {l.returnReasons.map((r, i) => (
                  <Text key={i}>
                    • {w(`reason.${r.code}` as 'reason.other')}: {r.note}
                  </Text>
                ))}
              </Paper>
            )}
            <Paper withBorder p="md" component="section" aria-labelledby="photos">
              <Title order={2} size="h4" id="photos" mb="xs">
                {t('photosTitle', { n: number(l.photos.length) })}
              </Title>
              {l.photos.length === 0 && <Text>{t('noPhotos')}</Text>}
              <SimpleGrid cols={{ base: 2, sm: 4 }}>
                {l.photos.map((p, i) => {
                  const small = p.sizes[0];
                  return small ? (
                    <Image
                      key={p.id}
                      src={small.url}
                      srcSet={p.sizes.map((s) => `${s.url} ${s.width}w`).join(', ')}
                      sizes="(max-width: 640px) 50vw, 220px"
                      alt={t('photoAlt', { title: l.titleTh, n: i + 1 })}
                      loading="lazy"
                      radius="sm"
                      data-testid="listing-photo"
                    />
                  ) : null;
                })}
              </SimpleGrid>
              {acts && l.status !== 'unlisted' && (
                <Group align="end" wrap="wrap" mt="sm">
                  <FileInput
                    label={t('addPhoto')}
                    description={t('photoHint')}
                    accept="image/jpeg,image/png"
                    capture="environment"
                    value={file}
                    onChange={setFile}
                    clearable
                    clearButtonProps={{ 'aria-label': t('clearPhoto') }}
                    miw={240}
                  />
                  <Button disabled={!file} loading={upload.isPending} onClick={() => file && upload.mutate(file)}>
                    {t('upload')}
                  </Button>
                </Group>
              )}
              <ProblemAlert error={upload.error} />
            </Paper>
            <Paper withBorder p="md">
              <SimpleGrid cols={{ base: 2, sm: 3 }}>
                <Fact label={t('price')} strong>
                  {baht(l.priceSatang)}
                </Fact>
                <Fact label={t('category')}>{w(`category.${l.category}` as 'category.other')}</Fact>
                <Fact label={t('marks')}>{l.requiredMarks.map((m) => w(`mark.${m}` as 'mark.otop')).join(', ')}</Fact>
                <Fact label={t('stock')}>{l.stock === null ? null : number(l.stock)}</Fact>
                <Fact label={t('package')}>
                  {l.packageWeightGrams === null ? null : t('grams', { n: number(l.packageWeightGrams) })}
                  {l.packageCm ? ` · ${l.packageCm.join(' × ')} ${t('cm')}` : ''}
                </Fact>
                <Fact label={t('contact')}>{[l.contactPhone, l.lineId && `LINE ${l.lineId}`].filter(Boolean).join(' · ')}</Fact>
                <Fact label={t('proposedAt')}>{dateTime(l.proposedAt)}</Fact>
                <Fact label={t('decidedAt')}>{l.decidedAt ? dateTime(l.decidedAt) : null}</Fact>
              </SimpleGrid>
              <Text mt="sm">{l.descriptionTh}</Text>
              {l.titleEn && (
                <Text mt="xs" lang="en" fw={600}>
                  {l.titleEn}
                </Text>
              )}
              {l.descriptionEn && <Text lang="en">{l.descriptionEn}</Text>}
            </Paper>
            {officer && l.status === 'proposed' && <Decision id={l.id} groupId={l.groupId} />}
          </>
        )}
      </Stack>
    </>
  );
}
