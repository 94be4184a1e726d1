import { Alert, Badge, Button, Card, Group, Image, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { meKey, useMe } from '../../session';

const PEOPLE_OUTSIDE_GOVERNMENT = ['citizen', 'employer', 'marketplace_partner'];

/**
 * The signed-in person's own account (issue 21): LINE linked after a ThaiD sign-in (messages come
 * there), and a staff member's second factor, set up with an authenticator app.
 */
export function AccountPage() {
  const { t } = useTranslation('users', { keyPrefix: 'account' });
  const { data: me } = useMe();
  const [params] = useSearchParams();
  const client = useQueryClient();
  const isStaff = Boolean(me?.roles.some((r) => !PEOPLE_OUTSIDE_GOVERNMENT.includes(r.role)));
  const links = useQuery({ queryKey: ['account-links'], queryFn: () => unwrap(api.GET('/api/auth/links')), enabled: !me?.mustEnrolSecondFactor });
  const factor = useQuery({ queryKey: ['second-factor'], queryFn: () => unwrap(api.GET('/api/auth/second-factor')), enabled: isStaff });

  useEffect(() => {
    document.title = `${t('title')} · Archeep`;
  }, [t]);

  const unlink = useMutation({
    mutationFn: () => unwrap(api.DELETE('/api/auth/line')),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['account-links'] }),
  });

  const [enrolment, setEnrolment] = useState<{ secret: string; uri: string; qrSvg: string } | null>(null);
  const [code, setCode] = useState('');
  const begin = useMutation({ mutationFn: () => unwrap(api.POST('/api/auth/second-factor')), onSuccess: setEnrolment });
  const confirm = useMutation({
    mutationFn: () => unwrap(api.POST('/api/auth/second-factor/confirm', { body: { code } })),
    onSuccess: async () => {
      setEnrolment(null);
      setCode('');
      await client.invalidateQueries({ queryKey: ['second-factor'] });
      await client.invalidateQueries({ queryKey: meKey });
    },
  });
  const submitCode = (event: FormEvent) => {
    event.preventDefault();
    confirm.mutate();
  };

  return (
    <>
      <PageHeader title={t('title')} />
      <Stack maw={640}>
        {params.get('linked') === 'line' && (
          <Alert color="green" variant="light">
            {t('lineLinked')}
          </Alert>
        )}
        {params.get('failed') === 'line' && (
          <Alert color="red" role="alert" variant="light">
            {t('lineFailed')}
          </Alert>
        )}
        {me?.mustEnrolSecondFactor && (
          <Alert color="orange" role="alert" variant="light">
            {t('mustEnrol')}
          </Alert>
        )}

        {links.data && (links.data.thaid || links.data.lineAvailable) && (
          <Card withBorder>
            <Stack gap="sm">
              <Title order={2} size="h4">
                {t('signInMethods')}
              </Title>
              <Group justify="space-between" wrap="wrap">
                <Text>ThaiD</Text>
                <Badge variant="light" color={links.data.thaid ? 'green' : 'gray'} c="dark" tt="none">
                  {links.data.thaid ? t('linked') : t('notLinked')}
                </Badge>
              </Group>
              {links.data.lineAvailable && (
                <>
                  <Group justify="space-between" wrap="wrap">
                    <Text>LINE</Text>
                    <Badge variant="light" color={links.data.line ? 'green' : 'gray'} c="dark" tt="none">
                      {links.data.line ? t('linked') : t('notLinked')}
                    </Badge>
                  </Group>
                  <Text size="sm" c="dimmed">
                    {t('lineHint')}
                  </Text>
                  {links.data.line ? (
                    <Button variant="default" onClick={() => unlink.mutate()} loading={unlink.isPending} w="fit-content">
                      {t('unlinkLine')}
                    </Button>
                  ) : links.data.thaid ? (
                    <Button component="a" href="/api/auth/line/start" w="fit-content">
                      {t('linkLine')}
                    </Button>
                  ) : (
                    <Text size="sm">{t('thaidFirst')}</Text>
                  )}
                  <ProblemAlert error={unlink.error} />
                </>
              )}
            </Stack>
          </Card>
        )}

        {isStaff && factor.data && (
          <Card withBorder>
            <Stack gap="sm">
              <Title order={2} size="h4">
                {t('secondFactor')}
              </Title>
              <Group justify="space-between" wrap="wrap">
                <Text>{t('authenticator')}</Text>
                <Badge variant="light" color={factor.data.enrolled ? 'green' : 'gray'} c="dark" tt="none">
                  {factor.data.enrolled ? t('on') : t('off')}
                </Badge>
              </Group>
              {factor.data.required && <Text size="sm">{t('required')}</Text>}
              {!factor.data.enrolled && !enrolment && (
                <Button onClick={() => begin.mutate()} loading={begin.isPending} w="fit-content">
                  {t('setUp')}
                </Button>
              )}
              <ProblemAlert error={begin.error} />
              {enrolment && (
                <form onSubmit={submitCode} noValidate>
                  <Stack gap="sm">
                    <Text size="sm">{t('scan')}</Text>
                    <Image src={`data:image/svg+xml;base64,${btoa(enrolment.qrSvg)}`} alt={t('qrAlt')} w={220} h={220} />
                    <Text size="sm">
                      {t('orType')} <code>{enrolment.secret}</code>
                    </Text>
                    <TextInput
                      label={t('firstCode')}
                      autoComplete="one-time-code"
                      inputMode="numeric"
                      maxLength={6}
                      required
                      value={code}
                      onChange={(e) => setCode(e.currentTarget.value.replace(/\D/g, ''))}
                    />
                    <ProblemAlert error={confirm.error} />
                    <Button type="submit" loading={confirm.isPending} disabled={code.length !== 6} w="fit-content">
                      {t('confirm')}
                    </Button>
                  </Stack>
                </form>
              )}
            </Stack>
          </Card>
        )}
      </Stack>
    </>
  );
}
