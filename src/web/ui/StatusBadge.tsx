import { Badge, type MantineSize } from '@mantine/core';
import type { ReactNode } from 'react';

/** The colours a status may take; the text carries the meaning, the colour only repeats it. */
export type StatusColor = 'gray' | 'teal' | 'green' | 'blue' | 'yellow' | 'orange' | 'red';

/**
 * A status as a dot badge: `status` looked up in a `labels` and a `colors` map (the module's own, e.g.
 * `<StatusBadge status={nc.status} labels={ncStatusLabels} colors={ncStatusColors} />`), or a one-off `color` with
 * its text as children (`<StatusBadge color="red">Review overdue</StatusBadge>`).
 */
export function StatusBadge<S extends string>(
  props: (
    | { status: S; labels: Record<S, string>; colors: Record<S, StatusColor>; children?: ReactNode }
    | { color: StatusColor; children: ReactNode }
  ) & { size?: MantineSize; 'data-testid'?: string },
) {
  const color = 'status' in props ? props.colors[props.status] : props.color;
  const text = props.children ?? ('status' in props ? props.labels[props.status] : null);
  return (
    <Badge
      variant="dot"
      color={color}
      tt="none"
      radius="sm"
      miw="max-content"
      size={props.size}
      data-testid={props['data-testid']}
    >
      {text}
    </Badge>
  );
}
