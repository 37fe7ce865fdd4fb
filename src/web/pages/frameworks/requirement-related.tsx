import { Anchor, Card, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { MappingRelationship } from '../../../contracts/catalog.js';
import type { RequirementDetail } from '../../../contracts/frameworks.js';
import { ControlStatusBadge } from '../controls/control-status.js';
import { RequirementControlActions } from './requirement-control-actions.js';
import { ServerHtml } from './server-html.js';

/** Server-rendered, sanitised Markdown of the catalogue; the only HTML this page inserts. */
export function CatalogueText({ title, html, id }: { title: string; html: string; id: string }) {
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb="sm">
        {title}
      </Title>
      {html ? (
        <ServerHtml html={html} />
      ) : (
        <Text c="dimmed" size="sm">
          None in the catalogue.
        </Text>
      )}
    </Card>
  );
}

export function ParametersCard({ params }: { params: RequirementDetail['params'] }) {
  if (params.length === 0) return null;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="parameters-heading">
      <Title order={2} size="h4" id="parameters-heading" mb="sm">
        Parameters
      </Title>
      <Table aria-label="Parameters">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Parameter</Table.Th>
            <Table.Th>Value or choices</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {params.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>
                <Text size="sm">{p.label ?? p.id}</Text>
                <Text size="xs" c="dimmed" ff="monospace">
                  {p.id}
                </Text>
              </Table.Td>
              <Table.Td>
                {p.values.length > 0
                  ? p.values.join(', ')
                  : p.choices.length > 0
                    ? `One of: ${p.choices.join('; ')}`
                    : 'Organisation-defined'}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}

export function RequirementControls({ requirement }: { requirement: RequirementDetail }) {
  const { controls } = requirement;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="controls-heading">
      <Title order={2} size="h4" id="controls-heading" mb="sm">
        Controls
      </Title>
      {controls.length === 0 ? (
        <>
          <Text c="dimmed" size="sm">
            No control is mapped to this requirement yet: create one for it or map a control you already have.
          </Text>
          <RequirementControlActions requirement={requirement} />
        </>
      ) : (
        <Table aria-label="Mapped controls">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Control</Table.Th>
              <Table.Th>Scope</Table.Th>
              <Table.Th>Status</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {controls.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/controls/${c.id}`} size="sm">
                    {c.ref} {c.title}
                  </Anchor>
                </Table.Td>
                <Table.Td>{c.serviceName ?? 'Baseline'}</Table.Td>
                <Table.Td>
                  <ControlStatusBadge status={c.status} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {controls.length > 0 && <RequirementControlActions requirement={requirement} />}
    </Card>
  );
}

const relationshipLabels: Record<MappingRelationship, string> = {
  equivalent: 'Equivalent to',
  'subset-of': 'Subset of',
  'superset-of': 'Superset of',
  intersects: 'Intersects with',
  related: 'Related to',
};

export function RequirementMappings({ mappings }: { mappings: RequirementDetail['mappings'] }) {
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="mappings-heading">
      <Title order={2} size="h4" id="mappings-heading" mb="sm">
        In other frameworks
      </Title>
      {mappings.length === 0 ? (
        <Text c="dimmed" size="sm">
          No mappings to other frameworks.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table aria-label="Mappings to other frameworks">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Relationship</Table.Th>
                <Table.Th>Framework</Table.Th>
                <Table.Th>Requirement</Table.Th>
                <Table.Th>Note</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {mappings.map((m) => (
                <Table.Tr key={`${m.frameworkKey}/${m.ref}/${m.relationship}`}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{relationshipLabels[m.relationship]}</Table.Td>
                  <Table.Td>{m.frameworkName ?? m.frameworkKey}</Table.Td>
                  <Table.Td>
                    {m.requirementId ? (
                      <Anchor component={Link} to={`/requirements/${m.requirementId}`} size="sm">
                        {m.ref} {m.title}
                      </Anchor>
                    ) : (
                      <Text size="sm">
                        {m.ref}{' '}
                        <Text span size="xs" c="dimmed">
                          (framework not installed)
                        </Text>
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{m.note}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}
