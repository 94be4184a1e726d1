import { Button, Code, CopyButton, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A one-time password, shown once with a copy button. */
export function OneTimePassword({ username, password }: { username: string; password: string }) {
  const { t } = useTranslation(['users', 'common']);
  return (
    <>
      <Text mb="sm">{t('oneTimeIntro', { username })}</Text>
      <Group>
        <Code fz="xl" p="sm" data-testid="one-time-password">
          {password}
        </Code>
        <CopyButton value={password}>
          {({ copied, copy }) => (
            <Button variant="light" onClick={copy}>
              {copied ? t('copied') : t('copy')}
            </Button>
          )}
        </CopyButton>
      </Group>
    </>
  );
}
