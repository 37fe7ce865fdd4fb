#!/usr/bin/env node
import './supported-node.js';
import { ensureServerBuild } from '../scripts/build-server.js';

await ensureServerBuild();
await import('../dist/node/src/cli/main.js');
