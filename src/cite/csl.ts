/**
 * What a module's Markdown needs of the citations: the Citer it renders them with (the
 * precomputed bibliography, format.ts) and CSL HTML as Markdown. The processor itself runs only
 * in the compile (precompute.ts), so `kap` never loads it to answer a question.
 */

export interface Citer {
  /** Parenthetical author-date citation for a cluster: "(Zanos & Gould, 2018; Li et al., 2010)". */
  inText(keys: string[]): string;
  /** One bibliography entry as HTML (italics as <i>), in the given style. */
  referenceHtml(key: string, style?: string): string;
  /** One bibliography entry as plain text. */
  referenceText(key: string, style?: string): string;
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#38;': '&', '&#60;': '<', '&#62;': '>', '&#39;': "'" };

/** CSL HTML to Markdown: italics become *...*; everything else is escaped text. */
export function cslHtmlToMarkdown(html: string): string {
  return html
    .split(/(<\/?i>)/)
    .map((part) => {
      if (part === '<i>' || part === '</i>') return '*';
      const text = part.replace(/<[^>]+>/g, '').replace(/&#?\w+;/g, (e) => ENTITIES[e] ?? e);
      return text.replace(/([\\`*_[\]<>#|])/g, '\\$1');
    })
    .join('')
    .replace(/\*\s+\*/g, ' ');
}
