import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cachedRenderer, renderWhole } from '../../src/content/blocks-render.js';

const modules = join(__dirname, '..', '..', 'content', 'modules');
const bodies = readdirSync(modules)
  .filter((f) => f.endsWith('.md'))
  .map((f) => readFileSync(join(modules, f), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, ''));

describe('cachedRenderer', () => {
  it('renders every built-in module as renderWhole does, the second time from its blocks', () => {
    const render = cachedRenderer();
    for (const round of [1, 2]) for (const md of bodies) expect(render(md), `round ${round}`).toEqual(renderWhole(md));
  });

  it('gives the same blocks when they come from another document and the cache is full', () => {
    const blocks = ['# Title', '## A heading', 'A *paragraph* with `code`, **bold** and ~~del~~ text.', '- one\n- two\n  - nested *em*', '1. first\n2. second', '- [ ] task\n- [x] done', '> quoted **text**', '| a | b |\n|---|---|\n| *c* | d |', '```\ncode block\n```', '---', 'Line one  \nline two\r\nline three', 'A link <https://example.org> and www.example.com', '    indented code'];
    fc.assert(
      fc.property(fc.array(fc.array(fc.constantFrom(...blocks), { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 6 }), (docs, limit) => {
        const render = cachedRenderer(limit);
        for (const parts of docs) {
          const md = parts.join('\n\n');
          expect(render(md)).toEqual(renderWhole(md));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('a document with link definitions or <a> tags is rendered whole: its blocks depend on the rest', () => {
    const render = cachedRenderer();
    const para = 'See [x] and www.example.com here.';
    const docs = [para, `${para}\n\n[x]: https://example.org/x`, para, `Intro <a href="https://example.org">\n\n${para}`, para];
    for (const md of docs) expect(render(md)).toEqual(renderWhole(md));
    // The paragraph renders differently with the definition and inside the tag: the cache did not hide it.
    expect(renderWhole(docs[1]!).color[0]).not.toEqual(renderWhole(para).color[0]);
    expect(renderWhole(docs[3]!).plain[1]).not.toEqual(renderWhole(para).plain[0]);
  });
});
