import { type ConfidenceTier, confidenceThresholds } from '../../../contracts/questionnaires.js';

/** PostgreSQL text search configurations Tillit ranks with, by the language codes FAQ sections use. */
export type TextSearchConfig = 'english' | 'swedish' | 'norwegian';

export function textSearchConfig(language: string): TextSearchConfig {
  const code = language.toLowerCase().slice(0, 2);
  if (code === 'sv') return 'swedish';
  if (code === 'nb' || code === 'nn' || code === 'no') return 'norwegian';
  return 'english';
}

/**
 * Question words of the three languages. The question is stemmed in the language of each source it is
 * compared with, so words the other languages would drop as stopwords are dropped here first.
 */
const QUESTION_WORDS = new Set(
  (
    'a an and are as at be by can could do does for from has have how if in is it of on or our please ' +
    'provide describe explain that the their there this to we what when where which who will with would you your ' +
    'any all also been being does did offer offers use used using perform performed have any such ' +
    'indicate state specify confirm list supply whether place ' +
    'att av de den det du där eller en er ett finns för har hur i ja med ni nej och om på som till under ' +
    'var vad vem vilka vilken vilket vår våra är ange beskriv erbjuder använder genomför tillhandahåller ' +
    'kräver krävs får kan ska sker görs hos era ert er oss vi snabbt också alla något några ' +
    'at av dere deres det du eller en er et for fra har hva hvem hvilke hvilken hvis hvor hvordan i ' +
    'ja med nei og om på skal som til vi vår våre å oppgi beskriv tilbyr bruker gjennomfører krever ' +
    'kan får gjøres skjer hos dere deres oss raskt også alle noen noe finnes'
  ).split(' '),
);

export const isQuestionWord = (word: string): boolean => QUESTION_WORDS.has(word);

/**
 * Words nearly every security question and source holds: they count for little, so that "information security
 * policy" does not find every policy excerpt and a question is not answered by its generic words alone.
 */
const GENERIC_WORDS = new Set(
  (
    'security secure information data policy policies process processes procedure procedures system systems ' +
    'organization organisation organizational company customer customers service services ensure management ' +
    'documented formal regularly regular current place level maintain requirement requirements meet ' +
    'säkerhet säkerheten information informationen uppgifter process processer rutin rutiner system systemen ' +
    'organisation organisationen verksamhet verksamheten företag företaget kund kunder tjänst tjänsten ' +
    'sikkerhet sikkerheten informasjon informasjonen opplysninger prosess prosesser rutine rutiner systemer ' +
    'organisasjon organisasjonen virksomhet virksomheten selskap selskapet kunde kunder tjeneste tjenesten'
  ).split(' '),
);

export const isGenericWord = (word: string): boolean => GENERIC_WORDS.has(word);

/** What a generic word weighs compared with a specific one of the same rarity. */
export const GENERIC_WEIGHT = 0.3;
/**
 * What a word that no source of the knowledge base holds weighs, as a share of the rarest word's weight: it
 * may be a word of another language the synonym list does not know, or the topic the base cannot answer.
 */
export const UNKNOWN_WEIGHT = 0.5;
/** A concept found only in a source's text counts this much at most; found in its title, fully. */
export const TEXT_MATCH = 0.6;
/** BM25's length normalisation: long texts (policy excerpts) count a match for less. */
const BM25_K1 = 1.2;
const BM25_B = 0.75;

/** How much a match in a text of `length` words counts, relative to one in a title (BM25 with one hit). */
export function textMatch(length: number, averageLength: number): number {
  const norm = 1 - BM25_B + (BM25_B * length) / averageLength;
  return TEXT_MATCH * Math.min(1, (BM25_K1 + 1) / (1 + BM25_K1 * norm));
}

/** ln(1 + N / (1 + sources holding the concept)): rare ideas count for more. */
export const idf = (sources: number, holding: number): number => Math.log(1 + sources / (1 + holding));

/** Preference among sources that score the same: a public FAQ answer before a control statement before an excerpt. */
export const AUDIENCE_WEIGHT = { public: 1, customers: 0.97, internal: 0.9 } as const;

/**
 * Whether a proposal is made: the best score must reach the low threshold, and a score short of the medium one
 * must also stand clear of the next source (a near tie among weak matches is a guess).
 */
export const MIN_MARGIN = 0.08;

export function proposes(best: number, runnerUp: number): boolean {
  if (best < confidenceThresholds.low) return false;
  if (best >= confidenceThresholds.medium) return true;
  return best - runnerUp >= MIN_MARGIN;
}

/** The tier of a score; null below the lowest threshold, where no answer is proposed. */
export function confidenceTier(score: number): ConfidenceTier | null {
  if (score >= confidenceThresholds.high) return 'high';
  if (score >= confidenceThresholds.medium) return 'medium';
  if (score >= confidenceThresholds.low) return 'low';
  return null;
}
