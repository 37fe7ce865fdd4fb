import type { RiskScore, RiskStatus, RiskSummary, ScoreBands, Treatment } from '../../../contracts/risks.js';
import { levelOf } from './risk-matrix.service.js';

export interface RiskRow {
  id: string;
  ref: string;
  title: string;
  owner_id: string | null;
  owner_name: string | null;
  inherent_likelihood: number;
  inherent_impact: number;
  residual_likelihood: number;
  residual_impact: number;
  treatment: Treatment | null;
  status: RiskStatus;
  review_date: string | null;
  review_overdue: boolean;
  control_count: number;
  updated_at: Date;
}

export function scoreOf(likelihood: number, impact: number, bands: ScoreBands): RiskScore {
  const score = likelihood * impact;
  return { likelihood, impact, score, level: levelOf(score, bands) };
}

export const presentRiskSummary =
  (bands: ScoreBands) =>
  (r: RiskRow): RiskSummary => ({
    id: r.id,
    ref: r.ref,
    title: r.title,
    owner: r.owner_id ? { id: r.owner_id, name: r.owner_name ?? '' } : null,
    inherent: scoreOf(r.inherent_likelihood, r.inherent_impact, bands),
    residual: scoreOf(r.residual_likelihood, r.residual_impact, bands),
    treatment: r.treatment,
    status: r.status,
    reviewDate: r.review_date,
    reviewOverdue: Boolean(r.review_overdue),
    controlCount: Number(r.control_count),
    updatedAt: r.updated_at.toISOString(),
  });
