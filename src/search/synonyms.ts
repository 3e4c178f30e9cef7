/**
 * How students ask versus how the content is written: "addictive" → abuse, misuse,
 * dependence. Query-time only, so the table can grow without rebuilding the index.
 * Keep it small and curated: each entry should fix a real query (see test/search/queries.json).
 *
 * A word and its synonyms, a string each: an array of strings is made from the code cache as
 * it is, while an object of 78 arrays was built key by key when the module loaded (~0.4M
 * instructions of every search in a fresh process).
 */
const TABLE = [
  'addictive: addiction abuse misuse dependence',
  'addiction: abuse misuse dependence',
  'addicted: addiction abuse misuse dependence',
  'hooked: addiction dependence misuse',
  'fast: rapid quickly',
  'quick: rapid fast',
  'quickly: rapid fast',
  'speed: rapid fast',
  'trip: dissociation dissociative psychedelic',
  'tripping: dissociation dissociative',
  'psychedelic: dissociative psychotomimetic hallucinogen',
  'hallucinogen: dissociative psychotomimetic',
  'high: dissociation dissociative euphoria',
  'khole: dissociation',
  'spray: esketamine nasal spravato',
  'nasal: esketamine spravato',
  'legal: regulation scheduled approved fda',
  'law: regulation scheduled',
  'illegal: regulation scheduled',
  'cost: access insurance price',
  'price: access insurance cost',
  'expensive: access insurance cost',
  'insurance: access cost',
  'safe: safety risk contraindications side',
  'dangerous: risk safety side contraindications',
  'risks: side safety contraindications',
  'shouldnt: contraindications',
  'cant: contraindications',
  'bladder: cystitis urinary',
  'pee: urinary bladder',
  'trauma: ptsd traumatic',
  'drinking: alcohol',
  'drink: alcohol',
  'booze: alcohol',
  'suicide: suicidal',
  'kill: suicidal suicide',
  'worried: anxiety',
  'nervous: anxiety',
  'worry: anxiety',
  'sad: depression',
  'depressed: depression',
  'rewire: neuroplasticity synapse plasticity',
  'rewiring: neuroplasticity synapse plasticity',
  'growth: neuroplasticity synaptogenesis bdnf',
  'grow: neuroplasticity synaptogenesis bdnf',
  'connections: synapses neuroplasticity',
  'inflammation: immune psychoneuroimmunology inflammatory',
  'immune: inflammation psychoneuroimmunology',
  'therapy: psychotherapy',
  'therapist: psychotherapy therapy',
  'talk: psychotherapy',
  'crisis: help 988',
  // Emergencies in the words people use: the content speaks of respiratory depression and loss of consciousness.
  'overdose: respiratory consciousness sedation misuse',
  'od: respiratory consciousness sedation',
  'breathing: respiratory',
  'unconscious: consciousness sedation',
  'unresponsive: consciousness sedation',
  'selfharm: suicidal help',
  // The label's practical safety points (review section 8), in the words students use.
  'driving: drive machinery sedation',
  'drive: driving machinery sedation',
  'interactions: interaction depressants maois psychostimulants',
  'interaction: interactions depressants maois psychostimulants',
  'breastfeeding: lactation pregnancy',
  'bp: blood pressure',
  'urination: urinary bladder',
  'dose: dosing mg',
  'lasts: durable duration week',
  'last: durable duration week',
  'long: durable duration maintenance',
  'wrong: misattributed unsupported errors fact-check',
  'mistakes: misattributed errors fact-check',
  'pregnant: pregnancy',
  'psychosis: psychotic schizophrenia',
  'heart: blood pressure cardiovascular',
  'treatment: therapy',
  'resistant: trd',
  'antidepressant: antidepressants',
  'brain: neurons neural',
];

/** The table as one text, `\n<word>: <synonyms>\n` a word, made when first asked. */
let text: string | undefined;

/** Other words worth trying for a folded query word, weakest last. */
export function synonymsOf(word: string): string[] {
  const w = word.replace(/[^a-z0-9]/g, '');
  text ??= `\n${TABLE.join('\n')}\n`;
  // A whole word before the colon: "constructor" or a word's start is no entry.
  const at = w ? text.indexOf(`\n${w}:`) : -1;
  if (at < 0) return [];
  const from = at + w.length + 3;
  return text.slice(from, text.indexOf('\n', from)).split(' ');
}
