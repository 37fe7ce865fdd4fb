#!/usr/bin/env node
import './supported-node.js';
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
