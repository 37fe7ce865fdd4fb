import {
  type Catalog,
  type CatalogMapping,
  catalogMappingSchema,
  catalogSchema,
} from '../../../../contracts/catalog.js';
import { fr2000 } from './fr2000.js';
import { gdpr } from './gdpr.js';
import { iso9001 } from './iso9001-2015.js';
import { iso14001 } from './iso14001-2015.js';
import { iso27001 } from './iso27001-2022.js';
import { iso45001 } from './iso45001-2018.js';
import { mappings } from './mappings.js';
import { nis2 } from './nis2.js';

export { NIST_LOW } from './mappings.js';

/** The catalogues Tillit ships, validated once at start-up. */
export const builtinCatalogs: readonly Catalog[] = [
  iso27001,
  iso9001,
  iso14001,
  iso45001,
  fr2000,
  gdpr,
  nis2,
].map((input) => catalogSchema.parse(input));

/** Cross-framework mappings in our own judgement; targets in frameworks not installed resolve once they are. */
export const builtinMappings: readonly CatalogMapping[] = mappings.map((m) => catalogMappingSchema.parse(m));
