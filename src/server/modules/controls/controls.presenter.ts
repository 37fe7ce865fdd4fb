import type { ControlSummary, EvidenceState } from '../../../contracts/controls.js';
import type { ControlStatus } from '../../../contracts/soa.js';

export interface ControlListRow {
  id: string;
  ref: string;
  title: string;
  status: ControlStatus;
  owner_id: string | null;
  owner_name: string | null;
  service_id: string | null;
  service_name: string | null;
  requirement_count: number;
  evidence_state: string;
  failing: boolean;
  updated_at: Date;
}

export const presentControlSummary = (r: ControlListRow): ControlSummary => ({
  id: r.id,
  ref: r.ref,
  title: r.title,
  status: r.status,
  ownerId: r.owner_id,
  ownerName: r.owner_name,
  serviceId: r.service_id,
  serviceName: r.service_name,
  requirementCount: Number(r.requirement_count),
  evidenceState: r.evidence_state as EvidenceState,
  failing: r.failing,
  updatedAt: r.updated_at.toISOString(),
});
