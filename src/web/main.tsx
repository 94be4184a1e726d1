import '@fontsource/sarabun/400.css';
import '@fontsource/sarabun/600.css';
import '@mantine/core/styles.css';
import { Alert, Anchor, createTheme, MantineProvider, Modal, Select } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import './styles.css';
import './i18n';
import { ApiProblem } from './api/client';
import { App } from './App';

const theme = createTheme({
  fontFamily: 'Sarabun, "Noto Sans Thai", system-ui, sans-serif',
  headings: { fontFamily: 'Sarabun, "Noto Sans Thai", system-ui, sans-serif' },
  primaryColor: 'indigo',
  primaryShade: 8,
  defaultRadius: 'md',
  fontSizes: { xs: '0.875rem', sm: '1rem', md: '1.0625rem', lg: '1.1875rem', xl: '1.375rem' },
  // Icon-only buttons need a name for screen readers; Mantine leaves these unnamed by default.
  components: {
    // A light alert's title in shade 6 on its tinted background falls below 4.5:1; shade 9 passes.
    Alert: Alert.extend({
      styles: (_theme, props) => (/^[a-z]+$/.test(props.color ?? 'blue') ? { title: { color: `var(--mantine-color-${props.color ?? 'blue'}-9)` } } : {}),
    }),
    // Links in running text must not rely on colour alone (WCAG 1.4.1).
    Anchor: Anchor.extend({ defaultProps: { underline: 'always' } }),
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'ปิด (Close)' } } }),
    Select: Select.extend({ defaultProps: { clearButtonProps: { 'aria-label': 'ล้างค่า (Clear)' } } }),
  },
});

/** A field's error text in red shade 9 (5.9:1 on white) rather than Mantine's shade 6 (3.3:1, below WCAG's 4.5:1). */
const errorColour = () => ({
  variables: {},
  light: { '--mantine-color-error': 'var(--mantine-color-red-9)' },
  dark: { '--mantine-color-error': 'var(--mantine-color-red-4)' },
});

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A refusal (4xx) will not change by asking again.
      retry: (count, error) => !(error instanceof ApiProblem && error.status < 500) && count < 2,
      staleTime: 30_000,
    },
  },
});

/**
 * The answer's CSP nonce, from the meta tag the server fills in (`nonce` is read as a property:
 * browsers hide the attribute once the page is parsed). Mantine puts it on the <style> elements it
 * injects, which the Content-Security-Policy would otherwise block.
 */
const cspNonce = (document.querySelector('meta[property="csp-nonce"]') as HTMLMetaElement | null)?.nonce ?? '';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme} cssVariablesResolver={errorColour} getStyleNonce={() => cspNonce}>
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <App />
        </BrowserRouter>
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
