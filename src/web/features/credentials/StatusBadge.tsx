import { Badge, type BadgeProps } from '@mantine/core';
import type { Language } from './words';

/** A filled badge that says its status in words, with a mark beside the colour; `wrap` lets long words break on a phone. */
export function StatusBadge({
  status,
  lang,
  size = 'lg',
  wrap = true,
  ...props
}: { status: { th: string; en: string; colour: string; mark: string }; lang: Language; wrap?: boolean } & Omit<BadgeProps, 'color'>) {
  return (
    <Badge
      color={status.colour}
      variant="filled"
      tt="none"
      size={size}
      h="auto"
      py={4}
      styles={{ label: { whiteSpace: wrap ? 'normal' : 'nowrap', overflow: 'visible' } }}
      {...props}
    >
      <span aria-hidden>{status.mark} </span>
      {status[lang]}
    </Badge>
  );
}
