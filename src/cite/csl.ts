/**
 * CSL formatting with citation-js. Used at build time (and for user references added by
 * content packs): the shipped bibliography is formatted once, so `kap` never loads the
 * processor to answer a question.
 */
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-csl';
import './citeproc-speed.js';
import type { CslItem } from '../content/model.js';

export interface Citer {
  /** Parenthetical author-date citation for a cluster: "(Zanos & Gould, 2018; Li et al., 2010)". */
  inText(keys: string[]): string;
  /** One bibliography entry as HTML (italics as <i>), in the given style. */
  referenceHtml(key: string, style?: string): string;
  /** One bibliography entry as plain text. */
  referenceText(key: string, style?: string): string;
}

export function createCiter(items: CslItem[]): Citer {
  const byId = new Map(items.map((i) => [i.id, i]));
  const memo = new Map<string, string>();
  const cached = (k: string, make: () => string) => memo.get(k) ?? (memo.set(k, make()), memo.get(k)!);
  const pick = (keys: string[]) => keys.map((k) => byId.get(k)).filter((i): i is CslItem => Boolean(i));
  const format = (keys: string[], kind: string, format: string, style: string) =>
    new Cite(pick(keys)).format(kind, { format, template: style, lang: 'en-US' }).trim();
  return {
    inText: (keys) => cached(`c:${keys.join(';')}`, () => format(keys, 'citation', 'text', 'apa')),
    referenceHtml: (key, style = 'apa') =>
      cached(`h:${style}:${key}`, () => format([key], 'bibliography', 'html', style).replace(/^<div class="csl-bib-body">\s*<div[^>]*>|<\/div>\s*<\/div>$/g, '').trim()),
    referenceText: (key, style = 'apa') => cached(`t:${style}:${key}`, () => format([key], 'bibliography', 'text', style)),
  };
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
