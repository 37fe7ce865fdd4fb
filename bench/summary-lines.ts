import type { benchQuestionnaires } from './questionnaires.js';
import type { benchVulnerabilities } from './vulnerabilities.js';

type Questionnaires = Awaited<ReturnType<typeof benchQuestionnaires>>;
type Vulnerabilities = Awaited<ReturnType<typeof benchVulnerabilities>>;

/** The one-line summaries printed after the growth tables, for the parts of the bench that ran. */
export function extraLines(questionnaires?: Questionnaires, vulnerabilities?: Vulnerabilities): string {
  const lines: string[] = [];
  if (questionnaires) {
    const kb = questionnaires.knowledgeBase;
    const grown = questionnaires.grown
      ? `, ${questionnaires.grown.questionsPerSecond} q/s with ${questionnaires.grown.sources} sources`
      : '';
    lines.push(
      `questionnaire proposals: ${questionnaires.heldOut.questionsPerSecond} q/s (held-out set, ` +
        `${kb.faq + kb.controls + kb.policyExcerpts} sources)${grown}`,
    );
  }
  if (vulnerabilities)
    lines.push(
      `vulnerability import: ${vulnerabilities.findingsPerSecond} findings/s = ${vulnerabilities.ratioToFloor}× bulk insert ` +
        `(${vulnerabilities.ratioToIndexedFloor}× the same rows into a table with the findings' indexes), ` +
        `peak RSS ${vulnerabilities.peakRssMb} MB, re-import ${vulnerabilities.reimportSameFindings.speedup}× faster`,
    );
  return lines.map((line) => `${line}\n`).join('');
}
