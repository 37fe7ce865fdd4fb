import { Button, Group, Modal, MultiSelect, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { User } from '../../../contracts/users.js';
import { useFrameworks } from '../../api/frameworks.js';
import { type FrameworkScope, useFrameworkScope, useSetFrameworkScope } from '../../api/users.js';
import { FormAlert } from '../../ui/FormAlert.js';
import { notifySuccess } from '../../ui/notify.js';

function ScopeForm({ user, scope, onClose }: { user: User; scope: FrameworkScope; onClose: () => void }) {
  const frameworks = useFrameworks();
  const [selected, setSelected] = useState(scope.frameworkIds);
  const save = useSetFrameworkScope(user.id, {
    onSuccess: () => {
      notifySuccess(`${user.name} now sees ${selected.length} framework(s)`);
      onClose();
    },
  });
  return (
    <Stack>
      <Text size="sm">
        An auditor sees only these frameworks, the controls mapped to them, their evidence, and the audits and
        findings about them. With none chosen, the auditor sees no framework.
      </Text>
      <MultiSelect
        label="Frameworks"
        data={(frameworks.data?.items ?? []).map((f) => ({ value: f.id, label: f.name }))}
        value={selected}
        onChange={setSelected}
        searchable
      />
      <FormAlert error={save.error} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          Cancel
        </Button>
        <Button loading={save.isPending} onClick={() => save.mutate(selected)}>
          Save scope
        </Button>
      </Group>
    </Stack>
  );
}

/** The frameworks an auditor may see, edited from the users list. */
export function FrameworkScopeButton({ user }: { user: User }) {
  const [open, setOpen] = useState(false);
  const scope = useFrameworkScope(user.id, open);
  return (
    <>
      <Button size="xs" variant="subtle" onClick={() => setOpen(true)}>
        Frameworks
      </Button>
      <Modal
        opened={open}
        onClose={() => setOpen(false)}
        title={`Frameworks ${user.name} may see`}
        closeButtonProps={{ 'aria-label': 'Close' }}
      >
        {scope.data && <ScopeForm user={user} scope={scope.data} onClose={() => setOpen(false)} />}
      </Modal>
    </>
  );
}
