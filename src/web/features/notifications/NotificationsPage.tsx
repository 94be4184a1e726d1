import { Badge, Button, Checkbox, Group, Paper, Radio, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatThaiDateTime } from '../../../shared/thai-date';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useLanguage } from '../../i18n/language';
import { useInbox, useMarkRead, usePreferences, useSavePreferences, type Preferences } from './queries';

type Channel = Preferences['channels'][number];
const CHANNELS: Channel[] = ['in-app', 'line', 'sms', 'email'];

/** การแจ้งเตือน / Notifications: the citizen's inbox, then the channels and topics she chooses. */
export function NotificationsPage() {
  const { t } = useTranslation('notifications', { keyPrefix: 'mine' });
  const lang = useLanguage();
  const inbox = useInbox();
  const markRead = useMarkRead();
  return (
    <Stack>
      <PageHeader title={t('title')} intro={t('intro')} />
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Group justify="space-between">
            <Title order={2} size="h4">
              {t('inbox')}
            </Title>
            {inbox.data ? <Text size="sm">{t('unread', { n: inbox.data.unread })}</Text> : null}
          </Group>
          <ProblemAlert error={inbox.error ?? markRead.error} />
          {inbox.data?.items.length === 0 ? <Text c="dimmed">{t('empty')}</Text> : null}
          {inbox.data?.items.map((m) => (
            <Paper key={m.id} withBorder p="sm" style={m.readAt ? undefined : { borderLeft: '4px solid var(--mantine-color-blue-8)' }}>
              <Stack gap={4}>
                <Group justify="space-between" wrap="nowrap" align="flex-start">
                  <Text fw={600}>{m.subject}</Text>
                  {m.readAt ? null : (
                    <Badge color="blue" variant="filled" style={{ flexShrink: 0, overflow: 'visible' }}>
                      {t('new')}
                    </Badge>
                  )}
                </Group>
                <Text size="sm">{m.text}</Text>
                <Group justify="space-between">
                  <Text size="xs" c="dimmed">
                    {formatThaiDateTime(new Date(m.createdAt), lang)}
                  </Text>
                  {m.readAt ? null : (
                    <Button
                      size="compact-sm"
                      variant="default"
                      onClick={() => markRead.mutate(m.id)}
                      loading={markRead.isPending && markRead.variables === m.id}
                    >
                      {t('markRead')}
                    </Button>
                  )}
                </Group>
              </Stack>
            </Paper>
          ))}
        </Stack>
      </Paper>
      <PreferencesForm />
    </Stack>
  );
}

function PreferencesForm() {
  const { t } = useTranslation('notifications', { keyPrefix: 'mine' });
  const lang = useLanguage();
  const preferences = usePreferences();
  const save = useSavePreferences();
  const [form, setForm] = useState<Preferences | null>(null);
  useEffect(() => {
    if (preferences.data) setForm(preferences.data);
  }, [preferences.data]);
  if (!form) return <ProblemAlert error={preferences.error} />;
  const set = (patch: Partial<Preferences>) => {
    save.reset();
    setForm({ ...form, ...patch });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({
      language: form.language,
      channels: form.channels,
      optedOut: form.optedOut,
      lineUserId: form.lineUserId?.trim() || null,
      phone: form.phone?.trim() || null,
      email: form.email?.trim() || null,
    });
  };
  return (
    <Paper withBorder p="md" component="form" onSubmit={submit}>
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('preferences')}
        </Title>
        <Radio.Group label={t('language')} value={form.language} onChange={(v) => set({ language: v as 'th' | 'en' })}>
          <Group mt={4}>
            <Radio value="th" label={t('thai')} />
            <Radio value="en" label={t('english')} />
          </Group>
        </Radio.Group>
        <Checkbox.Group label={t('channels')} value={form.channels} onChange={(v) => set({ channels: v as Channel[] })}>
          <Stack gap={6} mt={4}>
            {CHANNELS.map((c) => (
              <Checkbox
                key={c}
                value={c}
                disabled={!form.available.includes(c) && !form.channels.includes(c)}
                label={`${t(`channel.${c}`)}${form.available.includes(c) ? '' : ` ${t('off')}`}`}
              />
            ))}
          </Stack>
        </Checkbox.Group>
        <TextInput
          label={t('lineUserId')}
          description={t(form.lineLinked ? 'lineLinkedHint' : 'lineUserIdHint')}
          value={form.lineUserId ?? ''}
          onChange={(e) => set({ lineUserId: e.currentTarget.value })}
        />
        <TextInput label={t('phone')} type="tel" inputMode="tel" value={form.phone ?? ''} onChange={(e) => set({ phone: e.currentTarget.value })} />
        <TextInput label={t('email')} type="email" value={form.email ?? ''} onChange={(e) => set({ email: e.currentTarget.value })} />
        <Checkbox.Group
          label={t('kinds')}
          value={form.kinds.map((k) => k.kind).filter((k) => !form.optedOut.includes(k))}
          onChange={(wanted) => set({ optedOut: form.kinds.map((k) => k.kind).filter((k) => !wanted.includes(k)) })}
        >
          <Stack gap={6} mt={4}>
            {form.kinds.map((k) => (
              <Checkbox key={k.kind} value={k.kind} label={lang === 'en' ? k.labelEn : k.labelTh} />
            ))}
          </Stack>
        </Checkbox.Group>
        <ProblemAlert error={save.error} />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('save')}
          </Button>
          {save.isSuccess ? (
            <Text role="status" fw={600}>
              {t('saved')}
            </Text>
          ) : null}
        </Group>
      </Stack>
    </Paper>
  );
}
