import type { RequirementKind } from '../../../contracts/catalog.js';
import type { Framework } from '../../../contracts/frameworks.js';
import type { FrameworkRow } from '../../kernel/db/schema.js';

export const presentFramework = (r: FrameworkRow & { requirement_count: number }): Framework => ({
  id: r.id,
  key: r.key,
  name: r.name,
  version: r.version,
  publisher: r.publisher,
  description: r.description,
  attribution: r.attribution,
  source: r.source as Framework['source'],
  requirementCount: Number(r.requirement_count),
  createdAt: r.created_at.toISOString(),
});

export const asRequirementKind = (kind: string) => kind as RequirementKind;
