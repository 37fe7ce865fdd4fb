import type { EvidenceItemState, EvidenceKind } from '../../../contracts/evidence.js';
import { StatusBadge, type StatusColor } from '../../ui/StatusBadge.js';

export const evidenceStateLabels: Record<EvidenceItemState, string> = {
  fresh: 'Fresh',
  pending: 'Not yet valid',
  expired: 'Expired',
};
const stateColors: Record<EvidenceItemState, StatusColor> = {
  fresh: 'teal',
  pending: 'blue',
  expired: 'orange',
};

export function EvidenceStateBadge({ state }: { state: EvidenceItemState }) {
  return <StatusBadge status={state} labels={evidenceStateLabels} colors={stateColors} />;
}

export const evidenceKindLabels: Record<EvidenceKind, string> = {
  file: 'File',
  link: 'Link',
  'check-result': 'Check result',
};

export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}

/** The date part of an ISO time, as people enter it. */
export const isoDate = (iso: string | null) => (iso ? iso.slice(0, 10) : '—');
