import { Badge, List, Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import type { ModuleName } from './modules';

/** A module not built yet says what it will do, so nobody mistakes an empty page for a fault. */
export function ComingSoonPage({ module }: { module: ModuleName }) {
  const { t } = useTranslation(['modules', 'common']);
  const items = t(`${module}`, { returnObjects: true }) as string[];
  return (
    <>
      <PageHeader title={t(`common:nav.${module}`)}>
        <Badge color="yellow" c="dark" variant="filled" w="fit-content">
          {t('comingSoon')}
        </Badge>
      </PageHeader>
      <Paper withBorder p="md" maw={720}>
        <Text mb="sm">{t('comingSoonIntro')}</Text>
        <List spacing="xs">
          {items.map((item) => (
            <List.Item key={item}>{item}</List.Item>
          ))}
        </List>
      </Paper>
    </>
  );
}
