import { describe, expect, it } from 'vitest';
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
