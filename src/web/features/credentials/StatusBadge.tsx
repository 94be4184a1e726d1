import { Badge, type BadgeProps } from '@mantine/core';
import type { Look } from './words';

/** A filled badge that says its status in words, with a mark beside the colour; `wrap` lets long words break on a phone. */
export function StatusBadge({ look, label, size = 'lg', wrap = true, ...props }: { look: Look; label: string; wrap?: boolean } & Omit<BadgeProps, 'color'>) {
  return (
    <Badge
      color={look.colour}
      variant="filled"
      tt="none"
      size={size}
      h="auto"
      py={4}
      styles={{ label: { whiteSpace: wrap ? 'normal' : 'nowrap', overflow: 'visible' } }}
      {...props}
    >
      <span aria-hidden>{look.mark} </span>
      {label}
    </Badge>
  );
}
