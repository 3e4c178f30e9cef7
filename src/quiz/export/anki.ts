/**
 * Anki text import (2.1.55+ headers): tab-separated, every field quoted (a field starting
 * with `#` would otherwise be a comment line); fields are HTML. Columns: Front, Back, Tags,
 * Deck, GUID. The GUID comes from the question id, so importing a new export (another seed,
 * edited text) updates the notes rather than adding duplicates.
 */
import { blockHtml, helpFor, NOTICE } from './help.js';
import { escHtml, linkedHtml, textHtml } from './html-text.js';
import { letter, type ExportQuestion, type Exporter } from './types.js';

/** One CSV field, quoted: Anki's reader (the Rust csv crate) takes `""` inside quotes as `"`. */
const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
/** A tag has no spaces; anything else, non-ASCII letters included, is kept. */
export const ankiTag = (s: string) => s.trim().replace(/\s+/g, '_');
const deckPart = (s: string) => s.replace(/::/g, ':').trim();

export const ankiGuid = (id: string) => `kap:${id}`;

function back(q: ExportQuestion): string {
  const why = q.choices.map((c, i) => (i !== q.key && c.why ? `${letter(i)}) ${textHtml(c.why)}` : '')).filter(Boolean);
  return [
    `<b>${letter(q.key)}) ${textHtml(q.choices[q.key]!.text)}</b>`,
    textHtml(q.explanation),
    ...(why.length ? [`Why not the others:<br>${why.join('<br>')}`] : []),
    ...q.sources.map((s) => `<small>Source: ${linkedHtml(s.reference)}</small>`),
    ...helpFor(q).map(blockHtml),
    `<small>${escHtml(NOTICE)}</small>`,
    `<small>kap explain ${escHtml(q.module)} · ${escHtml(q.id)}</small>`,
  ].join('<br><br>');
}

export const anki: Exporter = (qs, meta) => {
  const head = ['#separator:tab', '#html:true', '#notetype:Basic', '#tags column:3', '#deck column:4', '#guid column:5', '#if matches:update current'];
  const rows = qs.map((q) => {
    const front = `${textHtml(q.question)}<br><br>${q.choices.map((c, i) => `${letter(i)}) ${textHtml(c.text)}`).join('<br>')}`;
    const tags = ['kap', `kap::module::${q.module}`, `kap::difficulty::${q.difficulty}`, ...q.tags.map((t) => `kap::tag::${t}`)].map(ankiTag);
    const deck = `${deckPart(meta.title)}::${deckPart(q.moduleTitle)}`;
    return [front, back(q), tags.join(' '), deck, ankiGuid(q.id)].map(quote).join('\t');
  });
  return [...head, ...rows].join('\n') + '\n';
};
