import { Checkbox, CloseButton, Fieldset, Group, Pill, Select, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useFrameworks, useRequirements } from '../../api/frameworks.js';
import { count } from '../../ui/format.js';
import { QueryState } from '../../ui/QueryState.js';
import { SearchInput } from '../../ui/SearchInput.js';

export interface PickedRequirement {
  id: string;
  ref: string;
  title: string;
  frameworkName: string;
}

const RESULTS = 50;

function Results({
  frameworkId,
  frameworkName,
  q,
  picked,
  mapped,
  onToggle,
}: {
  frameworkId: string;
  frameworkName: string;
  q: string;
  picked: ReadonlyMap<string, PickedRequirement>;
  mapped: ReadonlySet<string>;
  onToggle: (r: PickedRequirement) => void;
}) {
  const results = useRequirements(frameworkId, { q, pageSize: RESULTS });
  const items = (results.data?.items ?? []).filter((r) => r.kind === 'requirement');
  return (
    <QueryState loading={results.isLoading} error={results.error}>
      <div style={{ maxHeight: 260, overflowY: 'auto' }} data-testid="requirement-results">
        <Stack gap={6} py={4}>
          {items.map((r) => (
            <Checkbox
              key={r.id}
              label={`${r.ref} ${r.title}`}
              description={mapped.has(r.id) ? 'Already mapped to this control' : undefined}
              checked={mapped.has(r.id) || picked.has(r.id)}
              disabled={mapped.has(r.id)}
              onChange={() => onToggle({ id: r.id, ref: r.ref, title: r.title, frameworkName })}
            />
          ))}
        </Stack>
      </div>
      <Text size="xs" c="dimmed" mt={4} aria-live="polite">
        {items.length === 0
          ? 'No requirements match.'
          : (results.data?.total ?? 0) > RESULTS
            ? `Showing the first ${RESULTS} rows; search by ref or title to narrow them.`
            : count(items.length, 'match', 'matches')}
      </Text>
    </QueryState>
  );
}

/** Choose requirements of any installed framework: pick a framework, search by ref or title, tick. */
export function RequirementPicker({
  picked,
  onChange,
  mapped = new Set(),
}: {
  picked: ReadonlyMap<string, PickedRequirement>;
  onChange: (next: Map<string, PickedRequirement>) => void;
  mapped?: ReadonlySet<string>;
}) {
  const frameworks = useFrameworks();
  const installed = frameworks.data?.items ?? [];
  const [frameworkId, setFrameworkId] = useState<string | null>(null);
  const [q, setQ] = useState('');
  useEffect(() => {
    if (!frameworkId && installed[0]) setFrameworkId(installed[0].id);
  }, [frameworkId, installed]);
  const framework = installed.find((f) => f.id === frameworkId);
  const toggle = (r: PickedRequirement) => {
    const next = new Map(picked);
    if (!next.delete(r.id)) next.set(r.id, r);
    onChange(next);
  };
  const remove = (id: string) => {
    const next = new Map(picked);
    next.delete(id);
    onChange(next);
  };
  return (
    <Fieldset legend="Requirements" variant="filled">
      <Stack gap="sm">
        {installed.length === 0 && !frameworks.isLoading ? (
          <Text size="sm" c="dimmed">
            No framework is installed yet; install one on the Frameworks page first.
          </Text>
        ) : (
          <Group align="flex-end" grow>
            <Select
              label="Framework"
              data={installed.map((f) => ({ value: f.id, label: f.name }))}
              value={frameworkId}
              onChange={setFrameworkId}
              allowDeselect={false}
            />
            <SearchInput
              label="Find requirements"
              placeholder="Ref or title, e.g. A.5.1"
              value={q}
              onChange={setQ}
            />
          </Group>
        )}
        {framework && (
          <Results
            frameworkId={framework.id}
            frameworkName={framework.name}
            q={q}
            picked={picked}
            mapped={mapped}
            onToggle={toggle}
          />
        )}
        <div>
          <Text size="sm" fw={500} mb={4} data-testid="picked-count">
            {picked.size === 0 ? 'No requirements chosen' : `${count(picked.size, 'requirement')} chosen`}
          </Text>
          <Group gap={6}>
            {[...picked.values()].map((r) => (
              <Pill key={r.id} size="md" title={`${r.frameworkName}: ${r.title}`}>
                <Group gap={2} wrap="nowrap">
                  {r.ref}
                  <CloseButton size="xs" aria-label={`Remove ${r.ref}`} onClick={() => remove(r.id)} />
                </Group>
              </Pill>
            ))}
          </Group>
        </div>
      </Stack>
    </Fieldset>
  );
}
