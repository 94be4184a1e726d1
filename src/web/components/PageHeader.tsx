import { Stack, Text, Title } from '@mantine/core';
import { useEffect, type ReactNode } from 'react';

/** The page's one h1, and the document title to match. */
export function PageHeader({ title, intro, children }: { title: string; intro?: string; children?: ReactNode }) {
  useEffect(() => {
    document.title = `${title} · Archeep`;
  }, [title]);
  return (
    <Stack gap={4} mb="md">
      <Title order={1} size="h2">
        {title}
      </Title>
      {intro && <Text c="dimmed">{intro}</Text>}
      {children}
    </Stack>
  );
}
