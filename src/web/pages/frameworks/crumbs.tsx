import { Anchor, Breadcrumbs, Text } from '@mantine/core';
import { Link } from 'react-router';

/** Where a detail page sits, above its title. */
export function Crumbs({ trail, current }: { trail: [string, string][]; current: string }) {
  return (
    <nav aria-label="Breadcrumb">
      <Breadcrumbs mb="xs">
        {trail.map(([to, label]) => (
          <Anchor key={to} component={Link} to={to} size="sm">
            {label}
          </Anchor>
        ))}
        <Text size="sm" aria-current="page">
          {current}
        </Text>
      </Breadcrumbs>
    </nav>
  );
}
