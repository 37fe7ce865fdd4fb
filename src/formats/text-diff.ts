import { structuredPatch } from 'diff';

export type DiffLineKind = 'added' | 'removed' | 'context';

export interface DiffLine {
  kind: DiffLineKind;
  text: string;
}

export interface DiffHunk {
  oldStart: number;
  oldLines: number;
  newStart: number;
  newLines: number;
  lines: DiffLine[];
}

export interface TextDiff {
  added: number;
  removed: number;
  hunks: DiffHunk[];
}

const KIND: Record<string, DiffLineKind> = { '+': 'added', '-': 'removed', ' ': 'context' };

/** A line-based diff of two texts as hunks with `context` unchanged lines around each change. */
export function diffText(before: string, after: string, context = 3): TextDiff {
  const patch = structuredPatch('before', 'after', before, after, '', '', { context });
  let added = 0;
  let removed = 0;
  const hunks = patch.hunks.map((h) => ({
    oldStart: h.oldStart,
    oldLines: h.oldLines,
    newStart: h.newStart,
    newLines: h.newLines,
    // The "\ No newline at end of file" marker describes the file, not a line of the text.
    lines: h.lines.flatMap((line): DiffLine[] => {
      const kind = KIND[line[0] ?? ''];
      if (!kind) return [];
      if (kind === 'added') added++;
      if (kind === 'removed') removed++;
      return [{ kind, text: line.slice(1) }];
    }),
  }));
  return { added, removed, hunks };
}
