import type { FaqDuplicate } from '../../../contracts/trust-center.js';
import type { HugoFaqPage } from '../../../formats/hugo-faq.js';
import { setSimilarity, trigrams } from '../../../formats/text-trigrams.js';
import type { ServiceContext } from '../../kernel/context.js';

/** Questions this similar (trigram similarity of the normalised text) are taken for the same question. */
export const NEAR_DUPLICATE = 0.6;

/** Lower case, without punctuation, extra spaces or a trailing question mark's spacing. */
export const normaliseQuestion = (q: string): string =>
  q
    .toLowerCase()
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/**
 * Imported questions that nearly repeat an existing question of the same language in another wording or
 * section (an identical question in the same section is simply updated by the import, so it is not listed).
 */
export async function findNearDuplicates(tx: ServiceContext, page: HugoFaqPage): Promise<FaqDuplicate[]> {
  const existing = await tx.db
    .selectFrom('faq_entries as e')
    .innerJoin('faq_sections as s', 's.id', 'e.section_id')
    .select(['e.id', 'e.question', 's.title as section'])
    .where('e.organization_id', '=', tx.organizationId)
    .where('s.language', '=', page.language)
    .limit(5000)
    .execute();
  const indexed = existing.map((e) => ({ ...e, grams: trigrams(normaliseQuestion(e.question)) }));
  const out: FaqDuplicate[] = [];
  for (const section of page.sections) {
    for (const entry of section.entries) {
      const grams = trigrams(normaliseQuestion(entry.question));
      let best: { id: string; question: string; section: string; similarity: number } | undefined;
      for (const e of indexed) {
        if (e.section === section.title && e.question === entry.question) {
          best = undefined;
          break;
        }
        const similarity = setSimilarity(grams, e.grams);
        if (similarity >= NEAR_DUPLICATE && (!best || similarity > best.similarity))
          best = { id: e.id, question: e.question, section: e.section, similarity };
      }
      if (best)
        out.push({
          question: entry.question,
          section: section.title,
          existingId: best.id,
          existingQuestion: best.question,
          existingSection: best.section,
          similarity: Math.round(best.similarity * 100) / 100,
        });
    }
  }
  return out;
}
