import { Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A labelled value, as record pages show their facts: the label small and dimmed above the value
 * (or before it, `inline`), and '—' when there is no value. Long unbroken values (codes, links)
 * wrap rather than push a phone's screen sideways.
 */
export function Fact({ label, children, strong = false, inline = false }: { label: string; children?: ReactNode; strong?: boolean; inline?: boolean }) {
  const value = children === null || children === undefined || children === '' || children === false ? '—' : children;
  if (inline) {
    return (
      <Group gap="xs" wrap="wrap" align="baseline">
        <Text c="dimmed">{label}:</Text>
        <Text fw={strong ? 600 : undefined}>{value}</Text>
      </Group>
    );
  }
  return (
    <div>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={strong ? 600 : undefined} style={{ overflowWrap: 'anywhere' }}>
        {value}
      </Text>
    </div>
  );
}
