import {
  type AssetType,
  assetTypes,
  type Classification,
  classifications,
} from '../../../contracts/assets.js';
import {
  type RiskLevel,
  type RiskScore,
  type RiskStatus,
  riskLevels,
  riskStatuses,
  type Treatment,
  treatments,
} from '../../../contracts/risks.js';
import { StatusBadge, type StatusColor } from '../../ui/StatusBadge.js';

export const levelLabels: Record<RiskLevel, string> = {
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  critical: 'Critical',
};
export const levelColors: Record<RiskLevel, StatusColor> = {
  low: 'teal',
  medium: 'yellow',
  high: 'orange',
  critical: 'red',
};
/** Light cell backgrounds with dark text (AA contrast); the level is also written in every cell. */
export const levelBackgrounds: Record<RiskLevel, string> = {
  low: '#d3f9d8',
  medium: '#fff3bf',
  high: '#ffd8a8',
  critical: '#ffc9c9',
};

export const treatmentLabels: Record<Treatment, string> = {
  mitigate: 'Mitigate',
  accept: 'Accept',
  transfer: 'Transfer',
  avoid: 'Avoid',
};
export const statusLabels: Record<RiskStatus, string> = {
  open: 'Open',
  treating: 'Treating',
  accepted: 'Accepted',
  closed: 'Closed',
};
export const assetTypeLabels: Record<AssetType, string> = {
  information: 'Information',
  service: 'Service',
  hardware: 'Hardware',
  software: 'Software',
  site: 'Site',
  people: 'People',
  supplier: 'Supplier',
};
export const classificationLabels: Record<Classification, string> = {
  public: 'Public',
  internal: 'Internal',
  confidential: 'Confidential',
  restricted: 'Restricted',
};

const options = <K extends string>(keys: readonly K[], labels: Record<K, string>) =>
  keys.map((value) => ({ value, label: labels[value] }));
export const levelOptions = options(riskLevels, levelLabels);
export const treatmentOptions = options(treatments, treatmentLabels);
export const statusOptions = options(riskStatuses, statusLabels);
export const assetTypeOptions = options(assetTypes, assetTypeLabels);
export const classificationOptions = options(classifications, classificationLabels);

export function LevelBadge({ score }: { score: RiskScore }) {
  return (
    <StatusBadge status={score.level} labels={levelLabels} colors={levelColors}>
      {score.score} {levelLabels[score.level]}
    </StatusBadge>
  );
}
