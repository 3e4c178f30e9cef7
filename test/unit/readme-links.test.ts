/**
 * Every in-page link of the READMEs points at a heading that exists: a merge once dropped the
 * section that `kap review`'s row links to, and nothing noticed.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** GitHub's anchor for a heading: lower case, punctuation (backticks, brackets, colons) dropped, spaces to hyphens. */
const slug = (heading: string) =>
  heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');

function anchors(md: string): Set<string> {
  const out = new Set<string>();
  let fence = false;
  for (const line of md.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fence = !fence;
    const h = !fence && /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (h) out.add(slug(h[1]!));
  }
  return out;
}

const links = (md: string) => [...md.matchAll(/\]\(#([^)\s]+)\)/g)].map((m) => m[1]!);

describe('README links', () => {
  it('make the anchors GitHub makes', () => {
    expect(slug('Spaced repetition (`kap review`)')).toBe('spaced-repetition-kap-review');
    expect(slug('Checking a draft: `kap lint`')).toBe('checking-a-draft-kap-lint');
  });

  for (const file of ['README.md', 'content/README.md']) {
    it(`${file}: every #anchor names one of its headings`, () => {
      const md = readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');
      const have = anchors(md);
      const broken = links(md).filter((a) => !have.has(a));
      expect(broken).toEqual([]);
    });
  }

  it('a link to a heading that is not there is found', () => {
    const md = '# Top\n\nSee [below](#below) and [top](#top).\n';
    expect(links(md).filter((a) => !anchors(md).has(a))).toEqual(['below']);
  });
});
