import type { RequirementImplementationStatus } from '../../contracts/soa.js';
import {
  byRef,
  controlIds,
  describeControls,
  type ExportControlLike,
  frameworkHref,
  implementationState,
  type JsonObject,
  metadata,
  type OrganizationLike,
  oneLine,
  prop,
  propsField,
} from './oscal-export-common.js';
import { stableUuid } from './oscal-uuid.js';

export type { JsonObject, JsonValue } from './oscal-export-common.js';

export type OscalExportOrganization = OrganizationLike;

export interface OscalExportService {
  id: string;
  name: string;
  description: string;
}

/** A control; `serviceId` null means the organisation-wide baseline every service inherits. */
export type OscalExportControl = ExportControlLike;

export interface OscalExportRequirement {
  /** The requirement key, e.g. `ac-2.1` for an OSCAL-imported framework or `a.5.1` for a built-in one. */
  key: string;
  ref: string;
  title: string;
  status: RequirementImplementationStatus;
  /** The Statement of Applicability justification, shown when the requirement is not applicable. */
  justification?: string;
  /** Ids of the controls mapped to it, of any scope: each renderer keeps the ones in its scope. */
  controlIds: string[];
}

export interface OscalExportFramework {
  key: string;
  name: string;
  version: string;
  /** Href of the OSCAL catalog or profile it was imported from, when known; else `urn:tillit:framework:<key>`. */
  href?: string | null;
  requirements: OscalExportRequirement[];
}

export interface ComponentDefinitionInput {
  organization: OscalExportOrganization;
  service: OscalExportService;
  frameworks: OscalExportFramework[];
  /** Baseline controls and this service's controls; controls of other services are left out. */
  controls: OscalExportControl[];
  lastModified: Date | string;
  version: string;
}

export type ImpactLevel = 'low' | 'moderate' | 'high';

export interface OscalInformationType {
  title: string;
  description: string;
  confidentiality: ImpactLevel;
  integrity: ImpactLevel;
  availability: ImpactLevel;
}

export interface OscalSystem {
  /** Stable id of the system (e.g. the organisation's id); the SSP's UUIDs derive from it. */
  id: string;
  name: string;
  description: string;
  sensitivity: ImpactLevel;
  status: 'operational' | 'under-development' | 'under-major-modification' | 'disposition' | 'other';
  authorizationBoundary: string;
  /** Defaults to one type covering customer data at the system's sensitivity level. */
  informationTypes?: OscalInformationType[];
  /** Defaults to the Tillit roles that work on the programme. */
  users?: { roleId: string; title: string }[];
}

export interface SystemSecurityPlanInput {
  organization: OscalExportOrganization;
  system: OscalSystem;
  framework: OscalExportFramework;
  services: OscalExportService[];
  /** Baseline controls (implemented by `this-system`) and service controls (by the service's component). */
  controls: OscalExportControl[];
  lastModified: Date | string;
  version: string;
}

const PROVIDER_ROLE = { id: 'provider', title: 'Provider' };
const DEFAULT_USERS = [
  { roleId: 'compliance-manager', title: 'Compliance manager' },
  { roleId: 'contributor', title: 'Control owner' },
  { roleId: 'auditor', title: 'Auditor' },
];

function requirementProps(
  requirement: OscalExportRequirement,
  controls: readonly OscalExportControl[],
): JsonObject[] {
  return [
    ...prop('requirement-ref', requirement.ref),
    ...prop('implementation-status', requirement.status),
    ...byRef(controls).flatMap((c) => prop('control-ref', c.ref)),
  ];
}

function unmappedNote(controls: readonly OscalExportControl[], mapped: ReadonlySet<string>): string | null {
  const rest = byRef(controls.filter((c) => !mapped.has(c.id)));
  if (rest.length === 0) return null;
  return `Controls not mapped to a requirement of this export:\n\n${rest.map((c) => `- ${c.ref} ${c.title}`).join('\n')}`;
}

function noControlText(requirement: OscalExportRequirement): string {
  if (requirement.status !== 'not-applicable') return 'No control is mapped to this requirement yet.';
  const why = requirement.justification?.trim();
  return why ? `Not applicable: ${why}` : 'Not applicable.';
}

/** One OSCAL 1.0.6 component definition for one service, with control implementations per framework. */
export function renderComponentDefinition(input: ComponentDefinitionInput): JsonObject {
  const { organization, service } = input;
  const inScope = input.controls.filter((c) => c.serviceId === null || c.serviceId === service.id);
  const byId = new Map(inScope.map((c) => [c.id, c]));
  const scopeName = (c: OscalExportControl) =>
    c.serviceId === null ? 'organisation-wide baseline' : service.name;
  const mapped = new Set<string>();
  const implementations = input.frameworks.map((framework) => {
    const ids = controlIds(framework.requirements.map((r) => r.key));
    return {
      uuid: stableUuid('component-definition', service.id, 'framework', framework.key),
      source: frameworkHref(framework),
      description: `How ${service.name} implements ${framework.name} ${framework.version}`.trim(),
      ...propsField(prop('framework-key', framework.key)),
      'implemented-requirements': framework.requirements.map((requirement) => {
        const controls = byRef([...new Set(requirement.controlIds)].flatMap((id) => byId.get(id) ?? []));
        for (const c of controls) mapped.add(c.id);
        return {
          uuid: stableUuid('component-definition', service.id, framework.key, requirement.key),
          'control-id': ids.get(requirement.key) ?? requirement.key,
          description:
            controls.length > 0 ? describeControls(controls, scopeName) : noControlText(requirement),
          ...propsField(requirementProps(requirement, controls)),
        };
      }),
    };
  });
  const component: JsonObject = {
    uuid: stableUuid('component', service.id),
    type: 'service',
    title: oneLine(service.name),
    description: service.description.trim() || `The ${service.name} service of ${organization.name}.`,
    ...propsField(prop('service-id', service.id)),
    'responsible-roles': [{ 'role-id': 'provider', 'party-uuids': [stableUuid('party', organization.id)] }],
  };
  if (implementations.length > 0) component['control-implementations'] = implementations;
  const note = unmappedNote(inScope, mapped);
  if (note) component.remarks = note;
  return {
    'component-definition': {
      uuid: stableUuid('component-definition', organization.id, service.id),
      metadata: metadata(`${service.name}: component definition`, input, [PROVIDER_ROLE]),
      components: [component],
    },
  };
}

const rank: Record<ImpactLevel, number> = { low: 0, moderate: 1, high: 2 };
function highest(levels: ImpactLevel[]): ImpactLevel {
  return levels.reduce<ImpactLevel>((a, b) => (rank[b] > rank[a] ? b : a), 'low');
}
const fips = (level: ImpactLevel) => `fips-199-${level}`;

function systemCharacteristics(input: SystemSecurityPlanInput): JsonObject {
  const { system } = input;
  const types = system.informationTypes?.length
    ? system.informationTypes
    : [
        {
          title: 'Customer and service data',
          description: `Information customers store in and process with ${system.name}.`,
          confidentiality: system.sensitivity,
          integrity: system.sensitivity,
          availability: system.sensitivity,
        },
      ];
  return {
    'system-ids': [
      { 'identifier-type': 'https://ietf.org/rfc/rfc4122', id: stableUuid('system', system.id) },
    ],
    'system-name': oneLine(system.name),
    description: system.description.trim() || system.name,
    'security-sensitivity-level': system.sensitivity,
    'system-information': {
      'information-types': types.map((t) => ({
        uuid: stableUuid('information-type', system.id, t.title),
        title: oneLine(t.title),
        description: t.description.trim() || t.title,
        'confidentiality-impact': { base: fips(t.confidentiality) },
        'integrity-impact': { base: fips(t.integrity) },
        'availability-impact': { base: fips(t.availability) },
      })),
    },
    'security-impact-level': {
      'security-objective-confidentiality': fips(highest(types.map((t) => t.confidentiality))),
      'security-objective-integrity': fips(highest(types.map((t) => t.integrity))),
      'security-objective-availability': fips(highest(types.map((t) => t.availability))),
    },
    status: { state: system.status },
    'authorization-boundary': { description: system.authorizationBoundary.trim() || system.description },
  };
}

/** An OSCAL 1.0.6 system security plan: the organisation's system, its services and one framework. */
export function renderSystemSecurityPlan(input: SystemSecurityPlanInput): JsonObject {
  const { system, framework } = input;
  const thisSystem = stableUuid('component', 'this-system', system.id);
  const services = [...input.services].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const serviceNames = new Map(services.map((s) => [s.id, s.name]));
  for (const control of input.controls) {
    if (control.serviceId !== null && !serviceNames.has(control.serviceId)) {
      throw new Error(
        `Control ${control.ref} belongs to service ${control.serviceId}, which is not in the input`,
      );
    }
  }
  const byId = new Map(input.controls.map((c) => [c.id, c]));
  const componentOf = (c: OscalExportControl) =>
    c.serviceId === null ? thisSystem : stableUuid('component', c.serviceId);
  const scopeName = (c: OscalExportControl) =>
    c.serviceId === null ? 'organisation-wide baseline' : (serviceNames.get(c.serviceId) ?? '');
  const users = system.users?.length ? system.users : DEFAULT_USERS;
  const ids = controlIds(framework.requirements.map((r) => r.key));
  const mapped = new Set<string>();

  const implemented = framework.requirements.map((requirement) => {
    const controls = byRef([...new Set(requirement.controlIds)].flatMap((id) => byId.get(id) ?? []));
    for (const c of controls) mapped.add(c.id);
    const components = [thisSystem, ...services.map((s) => stableUuid('component', s.id))].filter((uuid) =>
      controls.some((c) => componentOf(c) === uuid),
    );
    const byComponents: JsonObject[] = components.map((uuid) => {
      const own = controls.filter((c) => componentOf(c) === uuid);
      return {
        'component-uuid': uuid,
        uuid: stableUuid('by-component', system.id, framework.key, requirement.key, uuid),
        description: describeControls(own, scopeName),
        'implementation-status': { state: implementationState(own) },
      };
    });
    if (byComponents.length === 0) {
      byComponents.push({
        'component-uuid': thisSystem,
        uuid: stableUuid('by-component', system.id, framework.key, requirement.key, thisSystem),
        description: noControlText(requirement),
        'implementation-status': {
          state: requirement.status === 'not-applicable' ? 'not-applicable' : 'planned',
        },
      });
    }
    return {
      uuid: stableUuid('implemented-requirement', system.id, framework.key, requirement.key),
      'control-id': ids.get(requirement.key) ?? requirement.key,
      ...propsField(requirementProps(requirement, controls)),
      'by-components': byComponents,
    };
  });

  const componentState = system.status === 'under-major-modification' ? 'operational' : system.status;
  const baselineNote = unmappedNote(
    input.controls.filter((c) => c.serviceId === null),
    mapped,
  );
  const components: JsonObject[] = [
    {
      uuid: thisSystem,
      type: 'this-system',
      title: oneLine(system.name),
      description: system.description.trim() || system.name,
      status: { state: componentState },
      ...(baselineNote ? { remarks: baselineNote } : {}),
    },
    ...services.map((service) => {
      const note = unmappedNote(
        input.controls.filter((c) => c.serviceId === service.id),
        mapped,
      );
      return {
        uuid: stableUuid('component', service.id),
        type: 'service',
        title: oneLine(service.name),
        description: service.description.trim() || `The ${service.name} service.`,
        status: { state: 'operational' },
        ...(note ? { remarks: note } : {}),
      };
    }),
  ];
  const roles = [PROVIDER_ROLE, ...users.map((u) => ({ id: u.roleId, title: u.title }))];
  return {
    'system-security-plan': {
      uuid: stableUuid('system-security-plan', system.id, framework.key),
      metadata: metadata(`${system.name}: system security plan for ${framework.name}`, input, roles),
      'import-profile': { href: frameworkHref(framework) },
      'system-characteristics': systemCharacteristics(input),
      'system-implementation': {
        users: users.map((u) => ({
          uuid: stableUuid('user', system.id, u.roleId),
          title: oneLine(u.title),
          'role-ids': [u.roleId],
        })),
        components,
      },
      'control-implementation': {
        description: `How ${input.organization.name} implements ${framework.name} ${framework.version} in ${system.name}.`,
        'implemented-requirements': implemented,
      },
    },
  };
}

/** The exact bytes of an export: two-space indented JSON and a final newline. */
export function serializeOscal(document: JsonObject): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}
