/**
 * Plain text put into Markdown shows as written: "STAR*D … STAR*D" is not emphasis, `<b>` is
 * text. CommonMark lets any ASCII punctuation be escaped.
 */

/** What means something inline to Pandoc too (math, citations, sub/superscript, tables): handouts. */
export const MD_SPECIAL = /[\\`*_{}[\]<>&$@~^|#]/g;

/**
 * What means something inline in CommonMark and GFM (marked, kap's renderer): emphasis, code,
 * links, raw HTML and autolinks, strike-out, and `&` only where it starts an entity, so that
 * the Markdown kap shows in --json stays readable ("Zanos & Gould").
 */
const COMMONMARK_SPECIAL = /[\\`*_[\]<>~]|&(?=#?\w+;)/g;

export const mdText = (s: string): string => s.replace(COMMONMARK_SPECIAL, '\\$&');
