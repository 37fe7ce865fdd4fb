import { Button, Group, Kbd, Loader, Modal, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useDebouncedValue, useHotkeys } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { type KeyboardEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import type { SearchHit, SearchKind, SearchResult } from '../../contracts/search.js';
import { errorMessage } from '../api/client.js';
import { useSearch } from '../api/search.js';

const kindLabels: Record<SearchKind, string> = {
  control: 'Controls',
  requirement: 'Requirements',
  risk: 'Risks',
  policy: 'Policies',
  evidence: 'Evidence',
  faq: 'FAQ',
  audit: 'Audits',
  person: 'People',
};

function Results({
  result,
  active,
  onPick,
}: {
  result: SearchResult;
  active: number;
  onPick: (hit: SearchHit) => void;
}) {
  let index = -1;
  return (
    <div role="listbox" id="search-results" aria-label="Search results">
      {result.groups.map((g) => (
        // biome-ignore lint/a11y/useSemanticElements: options grouped inside a listbox (ARIA listbox pattern); a fieldset groups form fields
        <div key={g.kind} role="group" aria-labelledby={`search-group-${g.kind}`}>
          <Text size="xs" fw={700} tt="uppercase" c="dimmed" mt="sm" mb={4} id={`search-group-${g.kind}`}>
            {kindLabels[g.kind]} {g.total > g.hits.length && `(${g.hits.length} of ${g.total})`}
          </Text>
          {g.hits.map((h) => {
            index += 1;
            const selected = index === active;
            return (
              <UnstyledButton
                key={h.id}
                id={`search-hit-${index}`}
                role="option"
                aria-selected={selected}
                tabIndex={-1}
                onClick={() => onPick(h)}
                display="block"
                w="100%"
                px="sm"
                py={6}
                style={{
                  borderRadius: 'var(--mantine-radius-sm)',
                  background: selected ? 'var(--mantine-primary-color-light)' : undefined,
                }}
              >
                <Text size="sm" span>
                  {h.ref && (
                    <Text span ff="monospace" fw={600} mr={6}>
                      {h.ref}
                    </Text>
                  )}
                  {h.title}
                </Text>
              </UnstyledButton>
            );
          })}
        </div>
      ))}
    </div>
  );
}

/** The dialog behind Ctrl+K and "/": one search box over everything the reader may read. */
function SearchModal({ onClose }: { onClose: () => void }) {
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const [q] = useDebouncedValue(text.trim(), 200);
  const found = useSearch(q);
  const hits = found.data?.groups.flatMap((g) => g.hits) ?? [];
  const pick = (hit: SearchHit) => {
    onClose();
    navigate(hit.path);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (hits.length === 0) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      const next = (active + step + hits.length) % hits.length;
      setActive(next);
      document.getElementById(`search-hit-${next}`)?.scrollIntoView({ block: 'nearest' });
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const hit = hits[active];
      if (hit) pick(hit);
    }
  };
  const showResults = q.length >= 2 && found.data;
  return (
    <Modal opened onClose={onClose} title="Search" size="lg" yOffset="10vh">
      <Stack gap="xs">
        <TextInput
          aria-label="Search everything"
          placeholder="Controls, requirements, risks, policies, evidence, FAQ, audits, people"
          leftSection={<IconSearch size={16} aria-hidden />}
          rightSection={found.isFetching ? <Loader size="xs" role="status" aria-label="Searching" /> : null}
          value={text}
          onChange={(e) => {
            setText(e.currentTarget.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
          role="combobox"
          aria-expanded={Boolean(showResults)}
          aria-controls="search-results"
          aria-autocomplete="list"
          aria-activedescendant={hits.length > 0 ? `search-hit-${active}` : undefined}
          data-autofocus
        />
        {found.error && (
          <Text size="sm" c="red" role="alert">
            {errorMessage(found.error)}
          </Text>
        )}
        {showResults &&
          (found.data.groups.length === 0 ? (
            <Text size="sm" c="dimmed" aria-live="polite">
              Nothing matches “{q}”.
            </Text>
          ) : (
            <Results result={found.data} active={active} onPick={pick} />
          ))}
        <Text size="xs" c="dimmed">
          <Kbd>↑</Kbd> <Kbd>↓</Kbd> to move, <Kbd>Enter</Kbd> to open, <Kbd>Esc</Kbd> to close
        </Text>
      </Stack>
    </Modal>
  );
}

/** The header's search button; Ctrl+K (⌘K) or "/" outside a text field opens the same dialog. */
export function GlobalSearch() {
  const [open, setOpen] = useState(false);
  // Ctrl+K works in text fields too; "/" only outside them, where it is not typed text.
  useHotkeys([['mod+K', () => setOpen(true)]], []);
  useHotkeys([['/', () => setOpen(true)]]);
  return (
    <>
      <Button
        variant="default"
        size="xs"
        leftSection={<IconSearch size={14} aria-hidden />}
        rightSection={
          <Group gap={2} visibleFrom="sm" aria-hidden>
            <Kbd size="xs">Ctrl</Kbd>
            <Kbd size="xs">K</Kbd>
          </Group>
        }
        onClick={() => setOpen(true)}
        aria-keyshortcuts="Control+K /"
      >
        Search
      </Button>
      {open && <SearchModal onClose={() => setOpen(false)} />}
    </>
  );
}
