import { Alert, Anchor, Badge, Button, FileInput, Group, Paper, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { useMe } from '../../session';
import { bangkokDate } from '../../../shared/fiscal-year';
import { enterpriseKeys } from './queries';
import { flushOutbox, queueVisit, resizePhoto, useOutbox } from './outbox';

const CATEGORIES = ['raw-materials', 'funding', 'skills', 'market', 'standards', 'equipment', 'other'] as const;

/**
 * The visit form for a phone in the field: it works without signal. A saved visit goes to the
 * outbox on the phone (with ids made here, and its photo resized here), and is sent when online.
 */
export function VisitFormPage() {
  const groupId = Number(useParams().id);
  const { t } = useTranslation('enterprise', { keyPrefix: 'visit' });
  const { t: w } = useTranslation('enterprise', { keyPrefix: 'words' });
  const { data: me } = useMe();
  const client = useQueryClient();
  const onSent = useCallback(() => void client.invalidateQueries({ queryKey: enterpriseKeys.group(groupId) }), [client, groupId]);
  const { online, pending } = useOutbox(onSent);
  const [visitedOn, setVisitedOn] = useState(bangkokDate(new Date()));
  const [officers, setOfficers] = useState(me?.displayName ?? '');
  const [category, setCategory] = useState<string | null>('funding');
  const [obstacle, setObstacle] = useState('');
  const [action, setAction] = useState('');
  const [owner, setOwner] = useState('');
  const [note, setNote] = useState('');
  const [photo, setPhoto] = useState<string | null>(null);
  const [gps, setGps] = useState<{ lat: number; lng: number } | null>(null);
  const [saved, setSaved] = useState(false);

  const save = () => {
    const at = new Date().toISOString();
    const author = me?.displayName ?? (officers || '—');
    queueVisit({
      id: crypto.randomUUID(),
      groupId,
      programmeCode: 'OTOG',
      visitedOn,
      officers: officers
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean),
      progress: [],
      obstacles: obstacle ? [{ id: crypto.randomUUID(), category: category as (typeof CATEGORIES)[number], text: obstacle, open: true, at }] : [],
      actions: action ? [{ id: crypto.randomUUID(), text: action, owner: owner || author, dueOn: null, at }] : [],
      notes: note ? [{ id: crypto.randomUUID(), author, text: note, at }] : [],
      latitude: gps?.lat ?? null,
      longitude: gps?.lng ?? null,
      photos: photo ? [{ id: crypto.randomUUID(), dataUrl: photo }] : [],
      editedAt: at,
    });
    setSaved(true);
    setObstacle('');
    setAction('');
    setNote('');
    setPhoto(null);
    void flushOutbox().then((sent) => sent && onSent());
  };

  return (
    <>
      <PageHeader title={t('title')} intro={t('intro')}>
        <Group gap="xs">
          <Badge color={online ? 'teal' : 'orange'} c={online ? undefined : 'dark'} data-testid="network">
            {online ? t('online') : t('offline')}
          </Badge>
          <Badge variant="light" data-testid="pending">
            {t('pending', { n: pending })}
          </Badge>
        </Group>
      </PageHeader>
      <Paper withBorder p="md" maw={560}>
        <Stack>
          <TextInput label={t('date')} value={visitedOn} onChange={(e) => setVisitedOn(e.currentTarget.value)} />
          <TextInput label={t('officers')} value={officers} onChange={(e) => setOfficers(e.currentTarget.value)} />
          <Select
            label={t('obstacleCategory')}
            data={CATEGORIES.map((c) => ({ value: c, label: w(`obstacle.${c}`) }))}
            value={category}
            onChange={setCategory}
            allowDeselect={false}
          />
          <TextInput label={t('obstacle')} value={obstacle} onChange={(e) => setObstacle(e.currentTarget.value)} />
          <TextInput label={t('action')} value={action} onChange={(e) => setAction(e.currentTarget.value)} />
          <TextInput label={t('owner')} value={owner} onChange={(e) => setOwner(e.currentTarget.value)} />
          <Textarea label={t('note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} />
          <FileInput label={t('photo')} accept="image/*" onChange={(file) => (file ? void resizePhoto(file).then(setPhoto) : setPhoto(null))} clearable />
          <Button
            variant="default"
            w="fit-content"
            onClick={() => navigator.geolocation?.getCurrentPosition((p) => setGps({ lat: p.coords.latitude, lng: p.coords.longitude }))}
          >
            {t('gps')}
          </Button>
          {gps && <Text size="sm">{t('gpsTaken', { lat: gps.lat.toFixed(5), lng: gps.lng.toFixed(5) })}</Text>}
          <Button onClick={save} disabled={!officers.trim()}>
            {t('save')}
          </Button>
          {saved && (
            <Alert color="teal" role="status">
              {pending === 0 ? t('sent') : t('saved')}
            </Alert>
          )}
          <Anchor component={Link} to={`/enterprise/groups/${groupId}`}>
            {t('back')}
          </Anchor>
        </Stack>
      </Paper>
    </>
  );
}
