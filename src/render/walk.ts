/**
 * A token walker with marked's Parser interface (parse/parseInline), so that markdown.ts can
 * drive marked-terminal's renderer token by token, with its own overrides, at build time.
 * It follows marked 18's Parser: the same token types, dispatched the same way.
 */
type Token = { type: string; [k: string]: unknown };
export type RenderFn = (token: Token) => string;
export type Renderer = Record<string, RenderFn>;

const BLOCK = new Set(['space', 'hr', 'heading', 'code', 'table', 'blockquote', 'list', 'checkbox', 'html', 'paragraph', 'text']);
const INLINE = new Set(['html', 'link', 'image', 'checkbox', 'strong', 'em', 'codespan', 'br', 'del', 'text']);

export interface Walker {
  parse(tokens: Token[]): string;
  parseInline(tokens: Token[]): string;
}

export function makeWalker(renderer: Renderer): Walker {
  const call = (name: string, token: Token) => {
    const fn = renderer[name];
    if (!fn) throw new Error(`no renderer for Markdown token "${name}"`);
    return fn(token) ?? '';
  };
  return {
    parse(tokens) {
      let out = '';
      for (const t of tokens) {
        if (t.type === 'def') continue;
        if (!BLOCK.has(t.type)) throw new Error(`unknown block token "${t.type}"`);
        out += call(t.type, t);
      }
      return out;
    },
    parseInline(tokens) {
      let out = '';
      for (const t of tokens) {
        if (t.type === 'escape') out += call('text', t);
        else if (INLINE.has(t.type)) out += call(t.type, t);
        else throw new Error(`unknown inline token "${t.type}"`);
      }
      return out;
    },
  };
}
