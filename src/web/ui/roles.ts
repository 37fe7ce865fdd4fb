import type { Role } from '../../contracts/permissions.js';

export const roleLabels: Record<Role, string> = {
  admin: 'Admin',
  'compliance-manager': 'Compliance manager',
  contributor: 'Contributor',
  auditor: 'Auditor',
  viewer: 'Viewer',
};

export const roleColors: Record<Role, string> = {
  admin: 'red',
  'compliance-manager': 'blue',
  contributor: 'teal',
  auditor: 'orange',
  viewer: 'gray',
};

export const roleDescriptions: Record<Role, string> = {
  admin: 'Everything, including people and the organisation profile',
  'compliance-manager': 'Runs the programme; reads people and the audit log',
  contributor: 'Implements controls and adds evidence',
  auditor: 'Reads, including the audit log; changes nothing',
  viewer: 'Reads the programme',
};

export const roleOptions = (Object.keys(roleLabels) as Role[]).map((r) => ({
  value: r,
  label: roleLabels[r],
}));
