import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { markdownAsText, markdownAsTextFrom } from '../../src/content/markdown-text.js';

describe('markdownAsTextFrom', () => {
  const head = ['---', 'id: x', 'title: <b>t</b>', '---', ''];
  const body = ['<script>a</script> &#x1b;', '```', '<b>code</b>', '```', 'after <i>'];
  it('gives the whole text and its lines from `from` as markdownAsText gives each', () => {
    const md = [...head, ...body].join('\n');
    const r = markdownAsTextFrom(md, head.length);
    expect(r.whole).toBe(markdownAsText(md));
    expect(r.rest).toBe(markdownAsText(body.join('\n')));
    expect(markdownAsTextFrom(md, 0)).toEqual({ whole: markdownAsText(md), rest: markdownAsText(md) });
    expect(markdownAsTextFrom(md, head.length + body.length).rest).toBe('');
  });
  it('no rest where a fence is open at `from`: alone, the body would start outside it', () => {
    const md = ['```', 'open', ...body].join('\n');
    const r = markdownAsTextFrom(md, 2);
    expect(r.whole).toBe(markdownAsText(md));
    expect(r.rest).toBeUndefined();
    expect(markdownAsText(body.join('\n'))).not.toBe(r.whole.split('\n').slice(2).join('\n'));
  });
});

describe('markdownAsText', () => {
  it('leaves a line with no < and no & as it is, code spans and fences or not', () => {
    const pieces = ['`', '``', '```', '~~~', ' ', '\n', 'a', '#', ';', 'x1b', '\u202e', '>', '/', '!', '?', '*'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), (parts) => {
        const md = parts.join('');
        expect(markdownAsText(md)).toBe(md);
      }),
      { numRuns: 3000 },
    );
  });
  it('still makes raw HTML text and drops unsafe references outside code on the other lines', () => {
    expect(markdownAsText('a <b>x</b> `<i>`\n&#x1b;y &amp; &rlm;')).toBe('a &lt;b>x&lt;/b> `<i>`\ny &amp; ');
  });
});
