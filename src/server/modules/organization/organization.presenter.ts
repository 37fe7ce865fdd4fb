import type { Location, Organization, Service } from '../../../contracts/organization.js';
import type { LocationRow, OrganizationRow, ServiceRow } from '../../kernel/db/schema.js';

export const presentLocation = (r: LocationRow): Location => ({
  id: r.id,
  code: r.code,
  name: r.name,
  city: r.city,
  country: r.country,
  createdAt: r.created_at.toISOString(),
});

export const presentService = (
  r: ServiceRow,
  placement: Pick<Service, 'locations' | 'drPairings'> = { locations: [], drPairings: [] },
): Service => ({
  id: r.id,
  name: r.name,
  description: r.description,
  locations: placement.locations,
  drPairings: placement.drPairings,
  createdAt: r.created_at.toISOString(),
});

export const presentOrganization = (
  r: OrganizationRow,
  locations: LocationRow[],
  services: ServiceRow[],
  placements: Map<string, Pick<Service, 'locations' | 'drPairings'>>,
): Organization => ({
  id: r.id,
  name: r.name,
  securityContactEmail: r.security_contact_email,
  locations: locations.map(presentLocation),
  services: services.map((s) => presentService(s, placements.get(s.id))),
});
