// Grows the demo organisation's knowledge base for the questionnaire benchmark: controls with implementation
// statements and published FAQ entries in English, Swedish and Norwegian, worded from a security vocabulary
// (seeded, so every run builds the same sources; Zipf-distributed, so that common concepts match many sources
// and rare ones few, as in a real programme). Set-based: one INSERT per table.
import { sql } from 'kysely';
import type { ServiceContext } from '../src/server/kernel/context.js';

/** The most frequent words of each language: text search drops them, as it does in real text. */
const stopwords = {
  en: 'the and of to a in is for with are on by be that this as at or from all our it we an each'.split(' '),
  sv: 'och i att det som en på är för med av till den har de inte om ett vi alla'.split(' '),
  nb: 'og i det som en på er for med av til den har de ikke om et vi alle'.split(' '),
};
const english = (
  'access account administrator alert asset audit authentication availability backup baseline breach ' +
  'certificate change cloud compliance configuration continuity contract customer data database datacentre ' +
  'deletion disk encryption endpoint environment firewall hardware identity incident integrity inventory key ' +
  'laptop log malware monitoring network office password patch personal physical policy privilege processor ' +
  'recovery redundancy register restore retention review risk role scan server service session staff storage ' +
  'supplier system test token training transfer update user vendor vulnerability workstation quarterly annual ' +
  'weekly daily managed documented approved reviewed tested encrypted replicated isolated separated restricted ' +
  'monitored logged retained rotated revoked signed verified'
).split(' ');
const swedish = (
  'åtkomst behörighet kryptering säkerhetskopia återläsning incident leverantör datacenter brandvägg lösenord ' +
  'loggning granskning risk personuppgifter avtal tjänst server nätverk sårbarhet uppdatering kontinuitet ' +
  'utbildning personal kund lagring radering revision'
).split(' ');
const norwegian = (
  'tilgang kryptering sikkerhetskopi gjenoppretting hendelse leverandør datasenter brannmur passord logging ' +
  'gjennomgang risiko personopplysninger avtale tjeneste server nettverk sårbarhet oppdatering kontinuitet ' +
  'opplæring ansatte kunde lagring sletting revisjon'
).split(' ');
const syllables = 'ka lo mi ra ten vis por dal sen tor bri gul fen nor sto kel'.split(' ');

/** A deterministic generator (mulberry32), so the benchmark's knowledge base is the same in every run. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A vocabulary as real text has one: the given words first (stopwords, then domain words), then a long tail of
 * made-up product and system names; words are drawn with Zipf's law (the k-th word with weight 1/k).
 */
function zipfVocabulary(random: () => number, head: string[], tail: number) {
  const all = [...head];
  while (all.length < head.length + tail) {
    const n = 2 + Math.floor(random() * 3);
    all.push(Array.from({ length: n }, () => syllables[Math.floor(random() * syllables.length)]).join(''));
  }
  const cumulative: number[] = [];
  let total = 0;
  for (let k = 1; k <= all.length; k++) {
    total += 1 / k;
    cumulative.push(total);
  }
  return (count: number) =>
    Array.from({ length: count }, () => {
      const x = random() * total;
      let lo = 0;
      let hi = cumulative.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((cumulative[mid] ?? 0) < x) lo = mid + 1;
        else hi = mid;
      }
      return all[lo];
    }).join(' ');
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * Adds `sources` knowledge-base sources to the organisation: 60 % controls with an implementation statement,
 * 30 % English FAQ entries, 5 % Swedish and 5 % Norwegian ones.
 */
export async function growKnowledgeBase(ctx: ServiceContext, sources: number): Promise<void> {
  const org = ctx.organizationId;
  const random = seeded(13);
  const vocabulary = {
    en: zipfVocabulary(random, [...stopwords.en, ...english], 3_000),
    sv: zipfVocabulary(random, [...stopwords.sv, ...swedish], 600),
    nb: zipfVocabulary(random, [...stopwords.nb, ...norwegian], 600),
  };
  const controls = Math.round(sources * 0.6);
  const perLanguage = { en: Math.round(sources * 0.3), sv: Math.round(sources * 0.05), nb: 0 };
  perLanguage.nb = sources - controls - perLanguage.en - perLanguage.sv;
  const refs: string[] = [];
  const titles: string[] = [];
  const statements: string[] = [];
  for (let i = 0; i < controls; i++) {
    refs.push(`KB-${i + 1}`);
    titles.push(capital(vocabulary.en(3 + Math.floor(random() * 5))));
    statements.push(`${capital(vocabulary.en(20 + Math.floor(random() * 40)))}.`);
  }
  await sql`INSERT INTO controls (organization_id, ref, title, implementation, status)
    SELECT ${org}, r, t, s, (ARRAY['in-progress', 'implemented'])[1 + (n % 2)::int]
    FROM unnest(${refs}::text[], ${titles}::text[], ${statements}::text[]) WITH ORDINALITY AS u(r, t, s, n)`.execute(
    ctx.db,
  );
  for (const language of ['en', 'sv', 'nb'] as const) {
    const count = perLanguage[language];
    const words = vocabulary[language];
    const questions: string[] = [];
    const answers: string[] = [];
    for (let i = 0; i < count; i++) {
      questions.push(`${capital(words(4 + Math.floor(random() * 6)))}?`);
      answers.push(`${capital(words(15 + Math.floor(random() * 30)))}.`);
    }
    const section = await sql<{
      id: string;
    }>`INSERT INTO faq_sections (organization_id, title, language, position)
      VALUES (${org}, ${`Generated ${language}`}, ${language}, 100) RETURNING id`.execute(ctx.db);
    await sql`INSERT INTO faq_entries (organization_id, section_id, question, answer, published, position)
      SELECT ${org}, ${section.rows[0]?.id}, q, a, true, n
      FROM unnest(${questions}::text[], ${answers}::text[]) WITH ORDINALITY AS u(q, a, n)
      ON CONFLICT (section_id, question) DO NOTHING`.execute(ctx.db);
  }
  await sql`ANALYZE`.execute(ctx.db);
}

/** Adds the provider FAQ of bench/questionnaire-faq.json to the organisation, one published section per language. */
export async function addProviderFaq(
  ctx: ServiceContext,
  sections: { language: string; entries: { question: string; answer: string }[] }[],
): Promise<void> {
  for (const [position, s] of sections.entries()) {
    const section = await sql<{
      id: string;
    }>`INSERT INTO faq_sections (organization_id, title, language, position)
      VALUES (${ctx.organizationId}, ${`Provider FAQ ${s.language}`}, ${s.language}, ${50 + position})
      RETURNING id`.execute(ctx.db);
    await sql`INSERT INTO faq_entries (organization_id, section_id, question, answer, published, position)
      SELECT ${ctx.organizationId}, ${section.rows[0]?.id}, q, a, true, n
      FROM unnest(${s.entries.map((e) => e.question)}::text[], ${s.entries.map((e) => e.answer)}::text[])
        WITH ORDINALITY AS u(q, a, n)`.execute(ctx.db);
  }
}
