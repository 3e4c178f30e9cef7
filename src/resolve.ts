/**
 * What a student typed → a module or a glossary term, or suggestions. Pure: the caller passes
 * the catalog and, for questions in plain words, a search to fall back on.
 *
 * In order: a name (id, title, alias or term, in any case and in US or UK spelling); a unique
 * word or word start of a name ("ampa" → AMPA receptor); a typo with one clear answer, of the
 * input or of the one word a question is about; then search, which opens its best topic only
 * when that topic clearly wins, or when it agrees with the rarer of the shared names a question
 * has ("can ketamine cure depression").
 */
import { normalizeKey } from './content/normalize.js';
import { editDistance, nearest, typoBudget } from './text/distance.js';
import type { Term } from './content/model.js';
import { byOrd, type NameEntry, type NameIndex } from './names.js';

/** What resolution reads: the glossary terms and the names (names.ts: in memory, or the split index). */
export interface Catalog {
  terms: Term[];
  names: NameIndex;
}

/** How a topic was found: by its name, a word of a name, a typo of one, or by searching. */
export type How = 'name' | 'word' | 'typo' | 'search';

export type Resolution =
  | { type: 'module'; id: string; how: How; matched?: string }
  | { type: 'term'; term: Term; how: How; matched?: string }
  | { type: 'none'; suggestions: string[] };

/** What resolution needs of a search result (src/search/query.ts SearchResult has it). */
export interface Hit {
  type: string;
  id: string;
  module?: string;
  score: number;
  /** Share of the query's words matched (0-1). */
  coverage: number;
}

const MAX_QUERY = 200;
/** Search opens its best topic only with this share of the matching results' score… */
const SHARE = 0.55;
/** …and a best result this much above any other topic's. */
const LEAD = 1.25;
/** Words of a question that name no topic ("what is", "tell me about"). */
const QUESTION = new Set('what whats is are was does do did how why when who which can could should would will tell me about explain the a an of for and in on to with it its my i you much many take taking'.split(' '));
/** The question words of asking what something is. */
const DEFINING = new Set('what whats is are was tell me about explain the a an'.split(' '));

/**
 * Names that are also verbs: with a word after them, and no other word of the question left to
 * name a topic ("does ketamine help depression"), they are the verb, not the topic
 * (getting-help); last ("where can I get help"), a name. Beside another such word ("does
 * therapy help ketamine work") they still make the question name two topics, so none opens.
 */
const VERB_NAMES = new Set(['help', 'helps']);

/**
 * `lookingFurther`: called once when the words are not a name, before typos, word matches and
 * search (explain tunes V8 for what follows in a big pack). `fixWords: false`: the question's
 * words are not corrected (a corrected question is resolved once more, never corrected twice).
 */
export interface ResolveOptions {
  lookingFurther?: () => void;
  fixWords?: false;
}

export function resolveTopic(catalog: Catalog, words: string[], search?: (query: string) => Hit[], opts: ResolveOptions = {}): Resolution {
  const typed = words.join(' ').slice(0, MAX_QUERY);
  const key = normalizeKey(typed);
  if (!key) return { type: 'none', suggestions: [] };
  const exact = target(catalog, keyOf(catalog, key), 'name');
  if (exact) return exact;
  opts.lookingFurther?.();

  // A name inside a longer question ("taking ketamine with alcohol").
  const contained = containedName(catalog, key);
  if (contained) return contained;
  // A name asked about ("what is esketamine"), though the name is a word many topics share;
  // not a question of what to do ("should i take ketamine", "how much ketamine should i take").
  const plain = key.split(' ').filter((w) => !QUESTION.has(w)).join(' ');
  const defining = key.split(' ').every((w) => !QUESTION.has(w) || DEFINING.has(w));
  const asked = defining && plain && plain !== key ? target(catalog, keyOf(catalog, plain), 'word', plain) : undefined;
  if (asked) return asked;
  // Without question words and the words that many topics share ("what are ketamine side
  // effects"): the name, then a word of one.
  const core = coreWords(key, catalog.names);
  if (core && core !== key) {
    const named = target(catalog, keyOf(catalog, core), 'word', core);
    if (named) return named;
  }
  // A word's start is asked only of a word typed alone ("dendr"): a question's word is whole
  // ("is ketamine effective" does not ask of "cost effectiveness").
  const byWord = wordMatch(catalog, key) ?? (core && core !== key ? wordMatch(catalog, core, false) : undefined) ?? namedIn(catalog, core);
  if (byWord) return byWord;

  // The names a typo or a suggestion can be (names.ts: by length, and those it starts or begins).
  const near = nearNames(catalog, key);
  const typo = typoMatch(catalog, key, near);
  if (typo) return typo;
  // A question around one word ("is ketamine addictive") is that word, typos included.
  const coreTypo = core && core !== key && !core.includes(' ') ? typoMatch(catalog, core, nearNames(catalog, core)) : undefined;
  if (coreTypo) return coreTypo;
  // …or a typo of a name without the question's words ("is ketamine adictive": "ketamine addiction").
  const plainTypo = plain && plain !== key && plain !== core ? typoMatch(catalog, plain, nearNames(catalog, plain)) : undefined;
  if (plainTypo) return plainTypo;

  // Search only a question of two or more words: one unknown word ("__proto__", "anesthetic")
  // is better answered by suggestions than by whichever topic happens to contain its start.
  const hits = core.split(' ').filter(Boolean).length >= 2 ? (search?.(typed) ?? []) : [];
  const best = searchWinner(hits);
  if (best) {
    const found = target(catalog, best, 'search');
    if (found) return found;
  }
  // Searched here, if not above, only when the question has two shared names.
  const agreed = sharedNameAgreed(catalog, key, () => (hits.length ? hits : (search?.(typed) ?? []))[0]);
  if (agreed) return agreed;
  // Misspelt words of a question ("is ketamin adictive"), each a clear typo of a one-word
  // name: the question as corrected, resolved once more (never corrected twice).
  const fixed = opts.fixWords === false ? undefined : correctedWords(catalog, key);
  const again = fixed ? resolveTopic(catalog, fixed.split(' '), search, { fixWords: false }) : undefined;
  if (again && again.type !== 'none') return { ...again, how: 'typo', matched: again.matched ?? fixed };
  const pairs = (es: NameEntry[]) => es.map((e) => [e.name, e.t] as [string, string]);
  const closest = nearest(key, pairs(near));
  // A question's own word's nearest names too ("is ketamine adictive" → misuse-dependence).
  if (core && core !== key && !core.includes(' ')) closest.push(...nearest(core, pairs(nearNames(catalog, core))));
  // Suggestions from search only where a result matched every word of the query.
  const fromSearch = [...new Set(hits.filter((h) => h.coverage >= 1).map((h) => (h.module ? `m:${h.module}` : undefined)).filter((t): t is string => Boolean(t)))];
  // The topics the question's own words name, the rarer first ("does ketamine help
  // depression": trd, then ketamine-basics): what was typed, before what search found.
  const named = key
    .split(' ')
    .filter((w) => !QUESTION.has(w) && !VERB_NAMES.has(w) && keyOf(catalog, w))
    .sort((a, b) => catalog.names.topics(a) - catalog.names.topics(b))
    .map((w) => keyOf(catalog, w)!);
  const shown = [...new Set([...closest, ...named, ...fromSearch])].map((t) => display(catalog, t));
  // The corrected question's suggestions (already as typed) after the question's own.
  const suggestions = [...new Set([...shown, ...(again?.type === 'none' ? again.suggestions : [])])].slice(0, 4);
  return { type: 'none', suggestions };
}

/** What to say on stderr when a topic was found other than by its own name: none opens silently. */
export function foundNote(found: Resolution, typed: string): string | undefined {
  if (found.type === 'none' || found.how === 'name') return undefined;
  const what = found.type === 'term' ? found.term.term : found.id;
  const why = found.matched ? `matched "${found.matched}"` : 'the best search match';
  return `kap: showing ${what} for "${typed}" (${why})`;
}

/** The names a typo of `key`, or a suggestion for it, can be, in the record's order. */
const nearNames = (catalog: Catalog, key: string): NameEntry[] => catalog.names.near(key, typoBudget(key.length)).sort(byOrd);

/** A name's target, never a prototype member ("constructor", "__proto__"). */
const keyOf = (catalog: Catalog, name: string): string | undefined => catalog.names.get(name);

function target(catalog: Catalog, hit: string | undefined, how: How, matched?: string): Resolution | undefined {
  if (hit?.startsWith('m:')) return { type: 'module', id: hit.slice(2), how, ...(matched && { matched }) };
  if (hit?.startsWith('t:')) {
    const term = catalog.terms.find((t) => t.id === hit.slice(2));
    if (term) return { type: 'term', term, how, ...(matched && { matched }) };
  }
  return undefined;
}

/** What to type for a glossary term: its own name (lower case) when that opens it, else its id. */
export function termName(catalog: Catalog, term: Term): string {
  const name = term.term.toLowerCase();
  return keyOf(catalog, normalizeKey(name)) === `t:${term.id}` ? name : term.id;
}

/** What a user types to open a target: a module's id, a term's own name (never "-term" ids). */
export function display(catalog: Catalog, t: string): string {
  if (t.startsWith('t:')) {
    const term = catalog.terms.find((x) => x.id === t.slice(2));
    const name = term && normalizeKey(term.term);
    if (name && keyOf(catalog, name) === t) return name;
  }
  return t.slice(2);
}

/**
 * The input is the start of a name ("nmda receptor antag…"), all of its words are words of a
 * name ("habenula" in "lateral habenula"), or one word starts a word of a name ("dendritic"):
 * the shortest such name decides, when no other topic has a name as short.
 */
function wordMatch(catalog: Catalog, key: string, starts = true): Resolution | undefined {
  const inWords = key.split(' ');
  if (inWords.join('').length < 3) return undefined;
  // A name that starts with the input followed by a space has every word of it: one set.
  const found = new Map(catalog.names.withWords(inWords).map((e) => [e.ord, e]));
  if (starts && inWords.length === 1 && key.length >= 4) for (const e of catalog.names.withWordStart(key)) found.set(e.ord, e);
  if (!found.size) return undefined;
  const candidates = [...found.values()].sort((a, b) => a.name.length - b.name.length || a.ord - b.ord);
  const best = candidates[0]!;
  const tie = candidates.some((c) => c.t !== best.t && c.name.length === best.name.length);
  // Too common a word ("ketamine", "disorder") starts names of many topics: not a match.
  const topics = new Set(candidates.map((c) => c.t));
  if (tie || topics.size > 2) return undefined;
  return target(catalog, best.t, 'word', best.name);
}

/**
 * A question that names exactly one topic ("what did the article get wrong", "esketamine
 * monitoring 2 hours"): of its words and pairs of words, those that are a name all name one topic.
 */
function namedIn(catalog: Catalog, core: string): Resolution | undefined {
  const ws = core.split(' ').filter(Boolean);
  if (ws.length < 2) return undefined;
  const found = new Map<string, string>();
  for (let i = 0; i < ws.length; i++)
    for (const phrase of [ws[i]!, i + 1 < ws.length ? `${ws[i]} ${ws[i + 1]}` : '']) {
      // A verb with a word after it names no topic, yet still makes a second name beside another.
      const t = phrase && (VERB_NAMES.has(phrase) && i + 1 < ws.length ? 'verb' : keyOf(catalog, phrase));
      if (t) found.set(t, phrase);
    }
  const [only, ...more] = [...found];
  return only && !more.length ? target(catalog, only[0], 'word', only[1]) : undefined;
}

/**
 * The longest run of three or more of the query's words, fewer than all, that is a name, with
 * no question word at its ends ("ketamine with alcohol" of "taking ketamine with alcohol",
 * "alcohol after ketamine" of "can i drink alcohol after ketamine"): the question's other words
 * dropped below would break it apart ("alcohol"). A query has few such runs, and at scale each
 * look-up may read a shard.
 */
function containedName(catalog: Catalog, key: string): Resolution | undefined {
  const ws = key.split(' ');
  let found: Resolution | undefined;
  let longest = 2;
  for (let i = 0; i < ws.length; i++) {
    if (QUESTION.has(ws[i]!)) continue;
    for (let j = i + longest; j < ws.length && j - i + 1 < ws.length; j++) {
      if (QUESTION.has(ws[j]!)) continue;
      const name = ws.slice(i, j + 1).join(' ');
      const hit = target(catalog, keyOf(catalog, name), 'word', name);
      if (hit) (found = hit), (longest = j - i + 1);
    }
  }
  return found;
}

/** The words of a query that can name a topic: no question words, none that names of five or more topics share. */
function coreWords(key: string, names: NameIndex): string {
  const ws = key.split(' ');
  const core = ws.filter((w) => !QUESTION.has(w) && names.topics(w) < 5);
  // Only a verb is left ("does ketamine help depression"): the question names no topic of its own.
  return core.every((w) => VERB_NAMES.has(w) && ws.lastIndexOf(w) < ws.length - 1) ? '' : core.join(' ');
}

/**
 * A question whose topic is named only by words many names share ("can ketamine cure
 * depression": "ketamine" names 20 topics, "depression" 9). The commonest such word is the
 * question's context; the rest must name one topic, and search's best result must be in that
 * topic: two signals that agree. One shared name alone ("ketamine pizza") opens nothing.
 */
function sharedNameAgreed(catalog: Catalog, key: string, topHit: () => Hit | undefined): Resolution | undefined {
  const named = key
    .split(' ')
    .filter((w) => !QUESTION.has(w) && catalog.names.topics(w) >= 5 && keyOf(catalog, w))
    .map((w) => ({ w, n: catalog.names.topics(w), t: keyOf(catalog, w)! }))
    .sort((a, b) => b.n - a.n);
  if (named.length < 2 || named[0]!.n === named[1]!.n) return undefined;
  const rest = named.slice(1);
  const t = rest[0]!.t;
  if (!t.startsWith('m:') || rest.some((r) => r.t !== t)) return undefined;
  return topHit()?.module === t.slice(2) ? target(catalog, t, 'word', rest[0]!.w) : undefined;
}

/**
 * A typo with one answer: every name within the typo budget, at the least distance, is one
 * topic's. Not when every word typed is itself a word of some name ("what is esketamine" is
 * no typo of "what is ketamine").
 */
function typoMatch(catalog: Catalog, key: string, near: NameEntry[]): Resolution | undefined {
  if (key.split(' ').every((w) => catalog.names.topics(w) > 0)) return undefined;
  const budget = typoBudget(key.length);
  let bestD = Infinity;
  let found: { name: string; t: string }[] = [];
  for (const { name, t } of near) {
    const d = editDistance(key, name, budget);
    if (d > budget || !wordsAreTypos(key, name)) continue;
    if (d < bestD) {
      bestD = d;
      found = [{ name, t }];
    } else if (d === bestD) found.push({ name, t });
  }
  // A one-letter word cannot be told from another word by a typo ("ab" → "a").
  if (!found.length || key.length < 4 || bestD * 3 > key.length) return undefined;
  const topics = new Set(found.map((f) => f.t));
  if (topics.size !== 1) return undefined;
  return target(catalog, found[0]!.t, 'typo', found[0]!.name);
}

/**
 * Is each short word of `key` the name's word in its place, or that word with two letters
 * swapped? Only asked of names with as many words: one changed letter makes most short words
 * another word, and a question another question ("does ketamine work" is no typo of "how
 * ketamine works", "ketamine trip" none of "ketamine term"). Longer words are left to the
 * budget of the whole ("ketamine adictive": "ketamine addiction").
 */
function wordsAreTypos(key: string, name: string): boolean {
  const ks = key.split(' ');
  const ns = name.split(' ');
  if (ks.length !== ns.length) return true;
  return ks.every((k, i) => (k.length > 4 && ns[i]!.length > 4) || k === ns[i] || swapped(k, ns[i]!));
}

/** Two letters side by side swapped ("nmad" for "nmda"). */
function swapped(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i + 1 < a.length && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}

/** A word of four letters or fewer is a typo only by a swap ("trip" is no typo of "drip"). */
const shortTypoOk = (typed: string, word: string) => typed.length > 4 || swapped(typed, word);

/**
 * The topic search points to, when it clearly wins among the results that matched every word
 * of the query: at least SHARE of their summed score, and a best result LEAD times the best of
 * any other topic. So one stray word ("football scores") or a close call opens nothing.
 */
function searchWinner(hits: Hit[]): string | undefined {
  const full = hits.slice(0, 10).filter((h) => h.module && h.coverage >= 1);
  const sum = new Map<string, number>();
  const best = new Map<string, number>();
  for (const h of full) {
    sum.set(h.module!, (sum.get(h.module!) ?? 0) + h.score);
    best.set(h.module!, Math.max(best.get(h.module!) ?? 0, h.score));
  }
  const [first] = [...sum].sort((a, b) => b[1] - a[1]);
  if (!first) return undefined;
  const total = [...sum.values()].reduce((a, b) => a + b, 0);
  const rival = Math.max(0, ...hits.filter((h) => h.module && h.module !== first[0]).map((h) => h.score));
  return first[1] >= SHARE * total && best.get(first[0])! >= LEAD * rival ? `m:${first[0]}` : undefined;
}

/**
 * The question with each word that is in no name, and is a clear typo of exactly one one-word
 * name, replaced by that name; undefined when no word changes. A clear typo as typoMatch's:
 * within budget and at most a third of the word's letters.
 */
function correctedWords(catalog: Catalog, key: string): string | undefined {
  const ws = key.split(' ');
  if (ws.length < 2) return undefined;
  let changed = false;
  const out = ws.map((w) => {
    if (w.length < 4 || QUESTION.has(w) || catalog.names.topics(w) > 0) return w;
    const budget = typoBudget(w.length);
    let bestD = Infinity;
    let best: string[] = [];
    for (const { name } of catalog.names.near(w, budget)) {
      if (name.includes(' ') || !shortTypoOk(w, name)) continue;
      const d = editDistance(w, name, budget);
      if (d < bestD) {
        bestD = d;
        best = [name];
      } else if (d === bestD && !best.includes(name)) best.push(name);
    }
    if (best.length !== 1 || bestD > budget || bestD * 3 > w.length) return w;
    changed = true;
    return best[0]!;
  });
  return changed ? out.join(' ') : undefined;
}
