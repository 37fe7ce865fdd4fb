import {
  Alert,
  Button,
  Card,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import type { RiskMatrix, RiskMatrixInput } from '../../../contracts/risks.js';
import { errorMessage } from '../../api/client.js';
import { useRiskMatrix, useSaveRiskMatrix } from '../../api/risks.js';
import { notifySuccess } from '../../ui/notify.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { QueryState } from '../../ui/QueryState.js';

const sizes = ['3', '4', '5'];

function resize(labels: string[], size: number): string[] {
  return Array.from({ length: size }, (_, i) => labels[i] ?? `Level ${i + 1}`);
}

function Axis({
  name,
  labels,
  onChange,
}: {
  name: string;
  labels: string[];
  onChange: (l: string[]) => void;
}) {
  return (
    <Card withBorder padding="md" component="fieldset" style={{ margin: 0 }}>
      <Title order={2} size="h5" component="legend">
        {name}
      </Title>
      <Select
        label={`${name} levels`}
        data={sizes}
        value={String(labels.length)}
        allowDeselect={false}
        onChange={(v) => v && onChange(resize(labels, Number(v)))}
        mb="xs"
      />
      <Stack gap="xs">
        {[1, 2, 3, 4, 5].slice(0, labels.length).map((level) => (
          <TextInput
            key={level}
            label={`${name} ${level}`}
            value={labels[level - 1] ?? ''}
            onChange={(e) => {
              const next = [...labels];
              next[level - 1] = e.currentTarget.value;
              onChange(next);
            }}
          />
        ))}
      </Stack>
    </Card>
  );
}

function MatrixForm({ matrix }: { matrix: RiskMatrix }) {
  const [input, setInput] = useState<RiskMatrixInput>(matrix);
  useEffect(() => setInput(matrix), [matrix]);
  const save = useSaveRiskMatrix({ onSuccess: () => notifySuccess('Risk matrix saved') });
  const band = (key: keyof RiskMatrixInput['bands'], label: string) => (
    <NumberInput
      label={label}
      min={2}
      max={25}
      value={input.bands[key]}
      onChange={(v) => setInput({ ...input, bands: { ...input.bands, [key]: Number(v) } })}
    />
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({
      likelihoodLabels: input.likelihoodLabels,
      impactLabels: input.impactLabels,
      bands: input.bands,
    });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {save.error && (
          // The matrix form has no per-field messages, so the server's message is shown whole.
          <Alert color="red" role="alert">
            {errorMessage(save.error)}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Axis
            name="Likelihood"
            labels={input.likelihoodLabels}
            onChange={(l) => setInput({ ...input, likelihoodLabels: l })}
          />
          <Axis
            name="Impact"
            labels={input.impactLabels}
            onChange={(l) => setInput({ ...input, impactLabels: l })}
          />
        </SimpleGrid>
        <Card withBorder padding="md">
          <Title order={2} size="h5" mb="xs">
            Score bands
          </Title>
          <Text size="sm" c="dimmed" mb="xs">
            Score = likelihood × impact, at most {input.likelihoodLabels.length * input.impactLabels.length}.
            Scores below the medium threshold are low.
          </Text>
          <SimpleGrid cols={3}>
            {band('medium', 'Medium from')}
            {band('high', 'High from')}
            {band('critical', 'Critical from')}
          </SimpleGrid>
        </Card>
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            Save matrix
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function RiskMatrixPage() {
  const matrix = useRiskMatrix();
  return (
    <>
      <PageHeader
        title="Risk matrix"
        description="Likelihood and impact levels (3 to 5 each) and the score bands that set each risk's level."
      />
      <QueryState loading={matrix.isLoading} error={matrix.error}>
        {matrix.data && <MatrixForm matrix={matrix.data} />}
      </QueryState>
    </>
  );
}
