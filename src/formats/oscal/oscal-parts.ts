import { z } from 'zod';
import { labelProp, MAX_NESTING, parseNode, propSchema } from './oscal-document.js';
import { childPath, OscalImportError } from './oscal-errors.js';

const partSchema = z.object({
  id: z.string().optional(),
  name: z.string().min(1),
  title: z.string().optional(),
  props: z.array(propSchema).optional(),
  prose: z.string().optional(),
  parts: z.array(z.unknown()).optional(),
});

/** A validated OSCAL part (statement, item, guidance, …) with the JSON path it came from. */
export interface PartNode {
  name: string;
  id?: string;
  title?: string;
  label?: string;
  prose?: string;
  parts: PartNode[];
  path: string;
}

/** Validates a part tree; `depth` counts the levels above it so hostile nesting is refused early. */
export function readParts(raw: unknown, path: string, depth = 1): PartNode[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) throw new OscalImportError('parts must be an array', path);
  if (depth > MAX_NESTING) {
    throw new OscalImportError(`parts are nested deeper than ${MAX_NESTING} levels; refusing the file`, path);
  }
  return raw.map((item, index) => {
    const partPath = childPath(path, index);
    const part = parseNode(partSchema, item, partPath, 'part');
    const node: PartNode = {
      name: part.name,
      parts: readParts(part.parts, childPath(partPath, 'parts'), depth + 1),
      path: partPath,
    };
    if (part.id !== undefined) node.id = part.id;
    if (part.title !== undefined) node.title = part.title;
    if (part.prose !== undefined) node.prose = part.prose;
    const label = labelProp(part.props);
    if (label !== undefined) node.label = label;
    return node;
  });
}
