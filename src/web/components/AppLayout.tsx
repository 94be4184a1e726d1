import { Anchor, AppShell, Avatar, Burger, Button, Group, Menu, NavLink, ScrollArea, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { avatarInitial } from '../../shared/initial';
import { api } from '../api/client';
import { setLanguage } from '../i18n';
import { LazyPage } from './PageLoader';
import { navigation } from '../navigation';
import { useMe, useSetMe } from '../session';

/** Header, navigation (a drawer on phones) and the page. */
export function AppLayout() {
  const { t, i18n } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure();
  const { data: me } = useMe();
  const setMe = useSetMe();
  const navigate = useNavigate();
  const location = useLocation();

  const signOut = async () => {
    await api.POST('/api/auth/sign-out');
    setMe(null);
    navigate('/sign-in');
  };

  const link = (to: string, label: string) => (
    <NavLink
      key={to}
      component={Link}
      to={to}
      label={label}
      active={to === '/' ? location.pathname === '/' : location.pathname.startsWith(to)}
      onClick={close}
    />
  );
  const entries = navigation(me?.capabilities ?? []);

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 270, breakpoint: 'md', collapsed: { mobile: !opened } }} padding="md">
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="md" size="sm" aria-label={t('app.menu')} />
            <Anchor component={Link} to="/" fw={600} size="lg" c="indigo.9" underline="never" style={{ whiteSpace: 'nowrap' }}>
              Archeep
              <Text span inherit visibleFrom="xs">
                {' · อาชีพ'}
              </Text>
            </Anchor>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <Button
              variant="subtle"
              size="compact-sm"
              onClick={() => setLanguage(i18n.language === 'th' ? 'en' : 'th')}
              lang={i18n.language === 'th' ? 'en' : 'th'}
            >
              {t('app.switchTo')}
            </Button>
            <Menu position="bottom-end">
              <Menu.Target>
                <UnstyledButton aria-label={t('auth.userMenu', { name: me?.displayName ?? '' })} px="xs" py={4}>
                  <Group gap={6} wrap="nowrap">
                    <Avatar size="sm" color="indigo" variant="filled" aria-hidden>
                      {avatarInitial(me?.displayName ?? '')}
                    </Avatar>
                    <Text size="sm" fw={600} truncate maw={160} visibleFrom="sm">
                      {me?.displayName}
                    </Text>
                  </Group>
                </UnstyledButton>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>{me?.roles.map((r) => t(`roles.${r.role}`)).join(', ')}</Menu.Label>
                <Menu.Item component={Link} to="/change-password">
                  {t('auth.changePassword')}
                </Menu.Item>
                <Menu.Item component={Link} to="/account">
                  {t('auth.account')}
                </Menu.Item>
                <Menu.Item onClick={signOut}>{t('auth.signOut')}</Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('app.menu')}>
        <ScrollArea>
          {entries.map((entry, i) => (
            <Fragment key={entry.to}>
              {entry.section !== 'mine' && entry.section !== entries[i - 1]?.section && (
                <Text size="xs" fw={600} c="dimmed" mt="sm" px="sm" tt="uppercase">
                  {t(`nav.${entry.section}`)}
                </Text>
              )}
              {link(entry.to, t(entry.label))}
            </Fragment>
          ))}
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <LazyPage>
          <Outlet />
        </LazyPage>
        <Text component="footer" size="sm" c="dimmed" mt="xl">
          Archeep ·{' '}
          <Anchor href="/api/docs" size="sm">
            {t('app.apiDocs')}
          </Anchor>{' '}
          ·{' '}
          <Anchor href="/shop" size="sm">
            {t('nav.shop')}
          </Anchor>
        </Text>
      </AppShell.Main>
    </AppShell>
  );
}
