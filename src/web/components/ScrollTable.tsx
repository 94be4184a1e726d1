import { Table, type TableProps } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A table that scrolls sideways inside its own box on narrow screens, so the page never does.
 * The box is focusable and named, so keyboard users can scroll it too (WCAG 2.1.1).
 */
export function ScrollTable({ label, minWidth, children, ...props }: { label: string; minWidth: number; children: ReactNode } & TableProps) {
  return (
    <div role="region" aria-label={label} tabIndex={0} style={{ overflowX: 'auto', maxWidth: '100%' }}>
      <Table miw={minWidth} {...props}>
        {children}
      </Table>
    </div>
  );
}
