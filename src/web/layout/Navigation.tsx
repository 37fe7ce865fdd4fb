import { Badge, Group, NavLink, Text } from '@mantine/core';
import {
  IconActivityHeartbeat,
  IconAlertTriangle,
  IconBookmark,
  IconBooks,
  IconBug,
  IconBuilding,
  IconCalendarRepeat,
  IconChartDonut,
  IconChecklist,
  IconClipboardCheck,
  IconFileCertificate,
  IconFileText,
  IconFlame,
  IconForms,
  IconHome,
  IconInbox,
  IconListCheck,
  IconListDetails,
  IconLock,
  IconPresentation,
  IconServer,
  IconSubtask,
  IconTarget,
  IconUrgent,
  IconUsers,
  IconWorld,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import type { Permission } from '../../contracts/permissions.js';
import { useSession } from '../auth/session.js';
import { UnreadBadge } from '../pages/tasks/unread.js';

interface NavItem {
  to: string;
  label: string;
  icon: typeof IconHome;
  permission?: Permission;
  /** Shown at the end of the link, e.g. a count. */
  extra?: ReactNode;
}

const builtPages: NavItem[] = [
  { to: '/', label: 'Overview', icon: IconHome },
  { to: '/tasks', label: 'Tasks', icon: IconSubtask, permission: 'tasks.read' },
  { to: '/activities', label: 'Recurring activities', icon: IconCalendarRepeat, permission: 'tasks.read' },
  { to: '/inbox', label: 'Inbox', icon: IconInbox, extra: <UnreadBadge /> },
  { to: '/organization', label: 'Organisation', icon: IconBuilding, permission: 'organization.read' },
  { to: '/users', label: 'Users', icon: IconUsers, permission: 'users.read' },
  { to: '/audit-log', label: 'Audit log', icon: IconListDetails, permission: 'audit.read' },
];

/** Built modules, shown under their section above the planned ones. */
const modulePages: Record<string, NavItem[]> = {
  Programme: [
    { to: '/frameworks', label: 'Frameworks', icon: IconBooks, permission: 'frameworks.read' },
    { to: '/controls', label: 'Controls', icon: IconListCheck, permission: 'controls.read' },
    { to: '/coverage', label: 'Coverage', icon: IconChartDonut, permission: 'frameworks.read' },
    { to: '/risks', label: 'Risks', icon: IconFlame, permission: 'risks.read' },
    { to: '/assets', label: 'Assets', icon: IconServer, permission: 'assets.read' },
    { to: '/evidence', label: 'Evidence', icon: IconFileCertificate, permission: 'evidence.read' },
    { to: '/checks', label: 'Checks', icon: IconChecklist, permission: 'checks.read' },
    { to: '/policies', label: 'Policies', icon: IconFileText, permission: 'policies.read' },
    { to: '/to-read', label: 'To read', icon: IconBookmark, permission: 'policies.acknowledge' },
    { to: '/audits', label: 'Audits', icon: IconClipboardCheck, permission: 'audits.read' },
    {
      to: '/nonconformities',
      label: 'Nonconformities',
      icon: IconAlertTriangle,
      permission: 'nonconformities.read',
    },
    { to: '/objectives', label: 'Objectives', icon: IconTarget, permission: 'objectives.read' },
    {
      to: '/management-reviews',
      label: 'Management review',
      icon: IconPresentation,
      permission: 'management-reviews.read',
    },
  ],
  Operations: [
    { to: '/incidents', label: 'Incidents', icon: IconUrgent, permission: 'incidents.read' },
    { to: '/outages', label: 'Outages and SLA', icon: IconActivityHeartbeat, permission: 'incidents.read' },
    { to: '/vulnerabilities', label: 'Vulnerabilities', icon: IconBug, permission: 'vulnerabilities.read' },
  ],
  Publish: [
    { to: '/trust-center', label: 'Trust center', icon: IconWorld, permission: 'trust-center.read' },
    { to: '/trust-documents', label: 'Documents', icon: IconLock, permission: 'trust-center.read' },
    { to: '/questionnaires', label: 'Questionnaires', icon: IconForms, permission: 'trust-center.read' },
  ],
};

/** Modules on the roadmap: shown so people see where Tillit is going, but not navigable yet. */
const plannedModules: [string, string[]][] = [
  ['Programme', []],
  ['Operations', ['Access']],
  ['Privacy', ['Privacy', 'Suppliers']],
  ['Publish', []],
];

function SectionLabel({ children }: { children: string }) {
  return (
    <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" mt="lg" mb={4}>
      {children}
    </Text>
  );
}

export function Navigation({ onNavigate }: { onNavigate: () => void }) {
  const { can } = useSession();
  const { pathname } = useLocation();
  const isActive = (to: string) => (to === '/' ? pathname === '/' : pathname.startsWith(to));
  const links = (items: NavItem[]) =>
    items
      .filter((p) => !p.permission || can(p.permission))
      .map((p) => (
        <NavLink
          key={p.to}
          component={Link}
          to={p.to}
          label={p.label}
          leftSection={<p.icon size={18} aria-hidden />}
          rightSection={p.extra}
          active={isActive(p.to)}
          aria-current={isActive(p.to) ? 'page' : undefined}
          onClick={onNavigate}
        />
      ));
  return (
    <nav aria-label="Main">
      <SectionLabel>Administration</SectionLabel>
      {links(builtPages)}
      {plannedModules.map(([section, modules]) => (
        <div key={section}>
          <SectionLabel>{section}</SectionLabel>
          {links(modulePages[section] ?? [])}
          {modules.length > 0 && (
            <ul className="planned-modules" aria-label={`${section}: planned modules, not available yet`}>
              {modules.map((m) => (
                <li key={m} aria-disabled="true">
                  <Group justify="space-between" px="sm" py={6} wrap="nowrap">
                    <Text size="sm" c="dimmed">
                      {m}
                    </Text>
                    <Badge size="xs" variant="light" color="gray" radius="sm">
                      planned
                    </Badge>
                  </Group>
                </li>
              ))}
            </ul>
          )}
        </div>
      ))}
    </nav>
  );
}
