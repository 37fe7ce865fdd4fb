/** An incident report as Markdown: title, who it goes to, its deadline and each field as a section. */
export interface ReportDocument {
  title: string;
  incident: string;
  authority: string;
  version: number;
  due: string | null;
  status: string;
  submitted: string | null;
  fields: readonly { label: string; value: string }[];
}

const escapeLine = (s: string) => s.replace(/^([#>*+-]|\d+\.)/gm, '\\$1');

export function renderReportMarkdown(doc: ReportDocument): string {
  const lines = [
    `# ${escapeLine(doc.title)} — ${escapeLine(doc.incident)}`,
    '',
    `- Authority: ${escapeLine(doc.authority)}`,
    `- Version: ${doc.version}`,
    `- Due: ${doc.due ?? 'without undue delay'}`,
    `- Status: ${doc.status}${doc.submitted ? ` (${escapeLine(doc.submitted)})` : ''}`,
    '',
  ];
  for (const field of doc.fields) {
    lines.push(
      `## ${escapeLine(field.label)}`,
      '',
      field.value.trim() ? escapeLine(field.value.trim()) : '_Not given._',
      '',
    );
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
