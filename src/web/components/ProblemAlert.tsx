import { Alert, Code, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../api/client';

/** Shows an error in the reader's language: the server's problem text, or a plain fallback. */
export function ProblemAlert({ error }: { error: unknown }) {
  const { t, i18n } = useTranslation();
  if (!error) return null;
  const text = error instanceof ApiProblem ? error.text(i18n.language) : t('common.error');
  const title = error instanceof ApiProblem ? (i18n.language.startsWith('th') ? error.titleTh : error.title) : t('common.error');
  return (
    <Alert color="red" title={title} role="alert" variant="light">
      {text}
      {error instanceof ApiProblem && error.status >= 500 && error.requestId && (
        <Text size="sm" mt={4}>
          {t('common.requestId')}: <Code>{error.requestId}</Code>
        </Text>
      )}
    </Alert>
  );
}
