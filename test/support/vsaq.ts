import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { z } from 'zod';
import { sharedData } from './paths.js';

/** Google VSAQ "Security and Privacy Programs" (Apache-2.0), kept outside the repository. */
export const VSAQ_FILE = sharedData('vsaq-security_privacy_programs.json');

interface VsaqItem {
  type: string;
  text?: string | undefined;
  items?: VsaqItem[] | undefined;
}
const itemSchema: z.ZodType<VsaqItem> = z.lazy(() =>
  z.object({ type: z.string(), text: z.string().optional(), items: z.array(itemSchema).optional() }),
);
const vsaqSchema = z.object({ questionnaire: z.array(itemSchema) });
const QUESTION_TYPES = new Set(['radiogroup', 'checkgroup', 'line', 'box']);

function plainText(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&mdash;/g, '—')
    .replace(/&amp;/g, '&')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The question texts of the VSAQ file: a JavaScript object literal after a licence comment, with string
 * literals joined by `+`, so it is made JSON first.
 */
export function vsaqQuestions(): string[] {
  const source = readFileSync(VSAQ_FILE, 'utf8');
  const json = source.slice(source.indexOf('{')).replace(/"\s*\+\s*"/g, '');
  const parsed = vsaqSchema.parse(JSON.parse(json));
  const out: string[] = [];
  const walk = (items: VsaqItem[]) => {
    for (const item of items) {
      if (QUESTION_TYPES.has(item.type) && item.text) out.push(plainText(item.text));
      if (item.items) walk(item.items);
    }
  };
  walk(parsed.questionnaire);
  return out;
}

/**
 * A customer-style workbook: a bold, filled header row on sheet "Questions" (ID, Question, Answer, Comment),
 * a wide question column, a merged title, and a second sheet "Instructions".
 */
export async function questionnaireWorkbook(questions: string[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Questions');
  sheet.getColumn(2).width = 80;
  sheet.getColumn(3).width = 60;
  sheet.mergeCells('A1:D1');
  sheet.getCell('A1').value = 'Supplier security questionnaire';
  const header = sheet.getRow(2);
  header.values = ['ID', 'Question', 'Answer', 'Comment'];
  header.font = { bold: true };
  header.getCell(2).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFE699' } };
  questions.forEach((q, i) => {
    sheet.getRow(i + 3).values = [`Q${i + 1}`, q, null, ''];
  });
  const notes = workbook.addWorksheet('Instructions');
  notes.getCell('A1').value = 'Answer every question in column C.';
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The same questions as CSV: `;`-separated with a BOM, as Excel saves "CSV UTF-8" in Nordic locales. */
export function questionnaireCsv(questions: string[]): Buffer {
  const quote = (s: string) => (/[";\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
  const lines = ['ID;Question;Answer', ...questions.map((q, i) => `Q${i + 1};${quote(q)};`)];
  return Buffer.from(`\ufeff${lines.join('\r\n')}\r\n`, 'utf8');
}
