import { Anchor, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { api, unwrap } from '../../api/client';
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
  const from = (location.state as { from?: string } | null)?.from ?? '/';

  useEffect(() => {
    document.title = `${t('auth.signIn')} · Archeep`;
  }, [t]);

  const signIn = useMutation({
    mutationFn: () => unwrap(api.POST('/api/auth/sign-in', { body: { username, password } })),
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
              <ProblemAlert error={signIn.error} />
              <Button type="submit" size="md" loading={signIn.isPending} disabled={!username || !password}>
                {t('auth.signIn')}
              </Button>
            </Stack>
          </form>
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
