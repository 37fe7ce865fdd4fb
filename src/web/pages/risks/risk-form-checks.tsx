import { Alert, Group, Text } from '@mantine/core';
import {
  levelOfScore,
  type RiskMatrix,
  riskInputSchema,
  riskScoreProblems,
} from '../../../contracts/risks.js';
import { LevelBadge } from './risk-labels.js';

export interface ScoreValues {
  inherentLikelihood: string | null;
  inherentImpact: string | null;
  residualLikelihood: string | null;
  residualImpact: string | null;
}

/**
 * The problems the server would report, found before sending: the contract's schema, a level picked for
 * each inherent axis, and the matrix rules (both residual values at most their inherent ones).
 */
export function formProblems(
  body: Record<string, unknown>,
  values: ScoreValues,
  matrix: RiskMatrix | undefined,
): Record<string, string> {
  const errors: Record<string, string> = {};
  const parsed = riskInputSchema.safeParse(body);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? '');
      if (key && !errors[key]) errors[key] = issue.message;
    }
  }
  if (!values.inherentLikelihood) errors.inherentLikelihood = 'Choose a level';
  if (!values.inherentImpact) errors.inherentImpact = 'Choose a level';
  if (parsed.success && matrix) {
    const d = parsed.data;
    const scores = {
      inherentLikelihood: d.inherentLikelihood,
      inherentImpact: d.inherentImpact,
      residualLikelihood: d.residualLikelihood ?? d.inherentLikelihood,
      residualImpact: d.residualImpact ?? d.inherentImpact,
    };
    for (const p of riskScoreProblems(scores, matrix)) errors[p.path] = p.message;
  }
  return errors;
}

function Score({
  label,
  likelihood,
  impact,
  matrix,
}: {
  label: string;
  likelihood: string | null;
  impact: string | null;
  matrix: RiskMatrix;
}) {
  const score = likelihood && impact ? Number(likelihood) * Number(impact) : null;
  return (
    <Group gap={6} data-testid={`live-${label.toLowerCase()}`}>
      <Text size="sm">{label} score</Text>
      {score === null ? (
        <Text size="sm" c="dimmed">
          pick likelihood and impact
        </Text>
      ) : (
        <LevelBadge
          score={{
            likelihood: Number(likelihood),
            impact: Number(impact),
            score,
            level: levelOfScore(score, matrix.bands),
          }}
        />
      )}
    </Group>
  );
}

/** The inherent and residual score with their level in the organisation's matrix, as the form is edited. */
export function LiveScores({ values, matrix }: { values: ScoreValues; matrix: RiskMatrix | undefined }) {
  if (!matrix) return null;
  return (
    <Group gap="xl" aria-live="polite">
      <Score
        label="Inherent"
        likelihood={values.inherentLikelihood}
        impact={values.inherentImpact}
        matrix={matrix}
      />
      <Score
        label="Residual"
        likelihood={values.residualLikelihood ?? values.inherentLikelihood}
        impact={values.residualImpact ?? values.inherentImpact}
        matrix={matrix}
      />
    </Group>
  );
}

/** A risk without a next review date is never reminded of: say so while it is edited. */
export function MissingReviewWarning({ reviewDate }: { reviewDate: string }) {
  if (reviewDate) return null;
  return (
    <Alert color="yellow" variant="light" data-testid="no-review-date">
      No review date: without one this risk is never flagged as overdue. Set the next review.
    </Alert>
  );
}
