import type { IncidentCategory, IncidentSeverity, IncidentStatus } from '../../../contracts/incidents.js';
import type { StatusColor } from '../../ui/StatusBadge.js';

export const categoryLabels: Record<IncidentCategory, string> = {
  availability: 'Availability',
  confidentiality: 'Confidentiality',
  integrity: 'Integrity',
  physical: 'Physical',
  'personal-data': 'Personal data',
};
export const severityLabels: Record<IncidentSeverity, string> = {
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  critical: 'Critical',
};
export const statusLabels: Record<IncidentStatus, string> = {
  reported: 'Reported',
  triaged: 'Triaged',
  contained: 'Contained',
  recovered: 'Recovered',
  closed: 'Closed',
};
export const statusColors: Record<IncidentStatus, StatusColor> = {
  reported: 'red',
  triaged: 'orange',
  contained: 'yellow',
  recovered: 'blue',
  closed: 'teal',
};
export const options = (labels: Record<string, string>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));

/** A datetime-local value (the browser's time zone) as an ISO instant with its offset; '' stays ''. */
export function localToIso(value: string): string {
  if (!value) return '';
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? '' : d.toISOString();
}
