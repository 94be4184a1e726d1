import { Alert, Anchor, Button, Center, Divider, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { api, ApiProblem, unwrap } from '../../api/client';
import { ProblemAlert } from '../../components/ProblemAlert';
import { setLanguage } from '../../i18n';
import { useMe, useSetMe } from '../../session';

export function SignInPage() {
  const { t, i18n } = useTranslation();
  const { data: me } = useMe();
  const setMe = useSetMe();
  const navigate = useNavigate();
  const location = useLocation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  // Asked for once the server says the account has a second factor (issue 21).
  const [code, setCode] = useState('');
  const [needsCode, setNeedsCode] = useState(false);
  const [params] = useSearchParams();
  const providers = useQuery({ queryKey: ['sign-in-providers'], queryFn: () => unwrap(api.GET('/api/auth/providers')), staleTime: 300_000 });
  const from = (location.state as { from?: string } | null)?.from ?? '/';

  useEffect(() => {
    document.title = `${t('auth.signIn')} · Archeep`;
  }, [t]);

  const signIn = useMutation({
    mutationFn: () => unwrap(api.POST('/api/auth/sign-in', { body: { username, password, ...(needsCode && code ? { code } : {}) } })),
    onError: (error) => {
      if (error instanceof ApiProblem && error.type.endsWith('/second-factor-required')) setNeedsCode(true);
    },
    onSuccess: (signedIn) => {
      setMe(signedIn);
      // A first sign-in goes by the password change and then on to where the person was going (a venue's check-in QR).
      navigate(signedIn.mustChangePassword ? '/change-password' : from, { replace: true, state: signedIn.mustChangePassword ? { from } : undefined });
    },
  });

  if (me && !signIn.isPending) return <Navigate to={me.mustChangePassword ? '/change-password' : from} replace />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate();
  };

  return (
    <Center component="main" id="main" mih="100vh" p="md" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={420}>
        <Stack>
          <div>
            <Title order={1} size="h2">
              {t('app.name')}
            </Title>
            <Text c="dimmed">{t('app.tagline')}</Text>
          </div>
          <Title order={2} size="h4">
            {t('auth.signInTitle')}
          </Title>
          <form onSubmit={submit} noValidate>
            <Stack>
              <TextInput
                label={t('auth.username')}
                autoComplete="username"
                required
                value={username}
                onChange={(e) => setUsername(e.currentTarget.value)}
                size="md"
              />
              <PasswordInput
                label={t('auth.password')}
                autoComplete="current-password"
                required
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
                size="md"
              />
              {needsCode && (
                <TextInput
                  label={t('auth.code')}
                  description={t('auth.codeHint')}
                  autoComplete="one-time-code"
                  inputMode="numeric"
                  maxLength={6}
                  required
                  value={code}
                  onChange={(e) => setCode(e.currentTarget.value.replace(/\D/g, ''))}
                  size="md"
                />
              )}
              {!(needsCode && signIn.error instanceof ApiProblem && signIn.error.type.endsWith('/second-factor-required')) && (
                <ProblemAlert error={signIn.error} />
              )}
              <Button type="submit" size="md" loading={signIn.isPending} disabled={!username || !password || (needsCode && code.length !== 6)}>
                {t('auth.signIn')}
              </Button>
            </Stack>
          </form>
          {params.get('failed') === 'thaid' && (
            <Alert color="red" role="alert" variant="light">
              {t('auth.thaidFailed')}
            </Alert>
          )}
          {providers.data?.thaid && (
            <>
              <Divider label={t('auth.or')} labelPosition="center" />
              {/* A plain link: the server redirects the browser to ThaiD and back. */}
              <Button component="a" href="/api/auth/thaid/start" size="md" variant="outline" color="blue">
                {t('auth.signInWithThaid')}
              </Button>
              <Text size="sm" c="dimmed">
                {t('auth.thaidHint')}
              </Text>
            </>
          )}
          <Button variant="subtle" onClick={() => setLanguage(i18n.language === 'th' ? 'en' : 'th')} lang={i18n.language === 'th' ? 'en' : 'th'}>
            {t('app.switchTo')}
          </Button>
          {/* The public catalogue is a page the server makes (no sign-in, no script): a plain link. */}
          <Anchor href={i18n.language === 'en' ? '/shop?lang=en' : '/shop'} ta="center">
            {t('nav.shop')}
          </Anchor>
        </Stack>
      </Paper>
    </Center>
  );
}
