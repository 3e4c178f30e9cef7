/**
 * pandoc --citeproc (Haskell citeproc, independent of citation-js) over kap's references: the
 * bibliography entry and the in-text citation of every key in one style, as plain text.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CslItem } from '../../src/content/model.js';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };
export const htmlText = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (w, n: string) =>
      n[0] === '#' && n !== '#39' ? String.fromCodePoint(n[1] === 'x' ? parseInt(n.slice(2), 16) : Number(n.slice(1))) : ENTITIES[n] ?? w)
    .replace(/\s+/g, ' ')
    .trim();

export interface PandocCites {
  reference: Map<string, string>;
  inText: Map<string, string>;
}

/** `styleXml` is written to a file as given (the caller may drop list-only rules such as subsequent-author-substitute). */
export function pandocCite(items: CslItem[], styleXml: string, lang: string): PandocCites {
  const dir = mkdtempSync(join(tmpdir(), 'kap-pandoc-'));
  try {
    writeFileSync(join(dir, 'refs.json'), JSON.stringify(items));
    writeFileSync(join(dir, 'style.csl'), styleXml);
    // One paragraph per citation, so each comes back on its own.
    writeFileSync(join(dir, 'doc.md'), `---\nlang: ${lang}\n---\n\n${items.map((i) => `[@${i.id}]`).join('\n\n')}\n`);
    const r = spawnSync('pandoc', ['--citeproc', '--bibliography', 'refs.json', '--csl', 'style.csl', '-t', 'html', '--wrap=none', 'doc.md'], { cwd: dir, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`pandoc failed: ${r.stderr}`);
    const html = r.stdout;
    const reference = new Map<string, string>();
    for (const m of html.matchAll(/<div id="ref-([^"]+)" class="csl-entry"[^>]*>([\s\S]*?)<\/div>\s*(?=<div id="ref-|<\/div>\s*$)/g))
      reference.set(m[1]!, htmlText(m[2]!.replace(/<div class="csl-left-margin">[\s\S]*?<\/div>/, '')));
    const inText = new Map<string, string>();
    for (const m of html.matchAll(/<p><span class="citation" data-cites="([^"]+)">([\s\S]*?)<\/span><\/p>/g)) inText.set(m[1]!, htmlText(m[2]!));
    return { reference, inText };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
