import { Button, Center, Loader, Stack, Text, VisuallyHidden } from '@mantine/core';
import { Component, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';

/**
 * Said while a page's code or data is on its way: a spinner for the eye, and a polite status
 * for screen readers (the spinner itself is hidden from them).
 */
export function PageLoader({ height = '40vh' }: { height?: string }) {
  const { t } = useTranslation();
  return (
    <Center h={height} role="status" aria-live="polite">
      <Loader aria-hidden />
      <VisuallyHidden>{t('common.loading')}</VisuallyHidden>
    </Center>
  );
}

/**
 * Shows a lazily loaded page, the loader while its code arrives, and a way out if it cannot. A
 * failure is forgotten on the next navigation.
 */
export function LazyPage({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  return (
    <LoadFailure key={pathname}>
      <Suspense fallback={<PageLoader />}>{children}</Suspense>
    </LoadFailure>
  );
}

/** The messages browsers give when a dynamic import fails (Chromium, Firefox, Safari). */
const LOAD_FAILURE = /dynamically imported module|Importing a module script failed|Failed to fetch/i;

/**
 * A page's code can fail to arrive: the network dropped, or a new version replaced the files the
 * open tab asks for. Reloading fetches the current version. Any other error is not ours to hide.
 */
class LoadFailure extends Component<{ children: ReactNode }, { error: unknown }> {
  override state: { error: unknown } = { error: null };
  static getDerivedStateFromError(error: unknown) {
    return { error };
  }
  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    if (!(error instanceof Error && LOAD_FAILURE.test(error.message))) throw error;
    return <LoadFailureMessage />;
  }
}

function LoadFailureMessage() {
  const { t } = useTranslation();
  return (
    <Stack align="center" py="xl" role="alert">
      <Text>{t('common.loadFailed')}</Text>
      <Button onClick={() => window.location.reload()}>{t('common.reload')}</Button>
    </Stack>
  );
}
