import path from 'node:path';
import { packageRoot } from '../../src/server/kernel/config/package-root.js';

/** The repository root, whether the tests run from source or compiled from dist/node. */
export const repoRoot = packageRoot;

/** A data file kept beside the repository (`../shared/data`), not in it. */
export const sharedData = (name: string): string => path.join(packageRoot, '../shared/data', name);
