/**
 * Build time only: kap's changes to citeproc-js, each a faster path to the same output (test/unit/cite-engine.test.ts
 * compares them with citeproc-js as published). Applied by precompute.ts to the citeproc it loads, once.
 */
import { speedUpRender } from './citeproc-render.js';
import { speedUpStrings } from './citeproc-strings.js';

export function speedUpCiteproc(CSL: unknown): void {
  speedUpStrings(CSL);
  /**
   * citeproc-js finds a macro by walking the whole style tree at every call
   * site while it builds an engine (CSL.expandMacro → getNodesByName(style, 'macro', name)):
   * quadratic in the style's size, about a third of building Chicago's or APA's engine. The
   * macros of a style are found once and looked up by name; every other search, and any style
   * whose top level changed since, takes citeproc's own path. Same nodes, same order.
   */
  interface Node {
    name?: string;
    attrs?: Record<string, string>;
    children?: unknown[];
  }
  type Search = (this: { dataObj?: Node }, json: Node, name: string, nameattrval?: string, ret?: Node[]) => Node[];

  const proto = (CSL as { XmlJSON: { prototype: { getNodesByName: Search & { kapIndexed?: true } } } }).XmlJSON.prototype;

  if (!proto.getNodesByName.kapIndexed) {
    const original = proto.getNodesByName;
    const indexes = new WeakMap<Node, { children: number; byName: Map<string, Node[]> }>();
    const indexed: Search = function (json, name, nameattrval, ret) {
      if (name !== 'macro' || !nameattrval || ret || json !== this.dataObj || !json?.children) return original.call(this, json, name, nameattrval, ret);
      let index = indexes.get(json);
      if (!index || index.children !== json.children.length) {
        const byName = new Map<string, Node[]>();
        for (const node of original.call(this, json, 'macro')) {
          const key = node.attrs?.name ?? '';
          byName.set(key, [...(byName.get(key) ?? []), node]);
        }
        index = { children: json.children.length, byName };
        indexes.set(json, index);
      }
      return [...(index.byName.get(nameattrval) ?? [])];
    };
    proto.getNodesByName = Object.assign(indexed, { kapIndexed: true as const });
  }

  /**
   * citeproc-js changes case with String#toLocaleLowerCase(lang_array) for every word it
   * title-cases, initialises or sorts: with a list of locales V8 resolves them through ICU at
   * each call, a tenth of a compile. Case mapping depends on the locale only for Turkish,
   * Azerbaijani and Lithuanian (ECMA-402, SpecialCasing.txt): for any other language the plain
   * mapping is the same string.
   */
  type CaseFn = ((this: { tmp?: { lang_array?: unknown } }, s: string) => string) & { kapPlain?: true };
  const cslCase = CSL as { toLocaleLowerCase: CaseFn; toLocaleUpperCase: CaseFn };
  const localeFree = (langs: unknown) => Array.isArray(langs) && langs.every((l) => typeof l === 'string' && !/^(tr|az|lt)(?:[-_]|$)/i.test(l));
  for (const [name, plain] of [['toLocaleLowerCase', (s: string) => s.toLowerCase()], ['toLocaleUpperCase', (s: string) => s.toUpperCase()]] as const) {
    const original = cslCase[name];
    if (original.kapPlain) continue;
    cslCase[name] = Object.assign(function (this: { tmp?: { lang_array?: unknown } }, s: string) {
      return typeof s === 'string' && localeFree(this?.tmp?.lang_array) ? plain(s) : original.call(this, s);
    }, { kapPlain: true as const });
  }

  /**
   * A sort key's macros are inlined at every call (CSL.expandMacro with build.extension "_sort"),
   * recursively: APA's bibliography sort became 70,000 tokens and Chicago's 200,000, built anew
   * for each call site, most of building those engines (and a second of garbage collection).
   * Here a sort macro is built once per sort area, in the same sort mode, and each call runs
   * it, as citeproc does for the macros of citations and entries. Same tokens, same order of
   * execution; test/unit/cite-engine.test.ts compares every sort key with citeproc's own.
   */
  interface Token {
    execs: ((this: Token, state: Engine, item: unknown, cite: unknown) => unknown)[];
  }
  interface Engine {
    build: { extension: string; root: string };
    configureTokenList(tokens: Token[]): void;
    kapSortMacros?: Map<string, Token[]>;
    kapTargets?: Token[][];
  }
  type Macro = ((this: Engine, ...a: never[]) => unknown) & { kapShared?: true };
  const macro = CSL as {
    expandMacro: Macro & ((this: Engine, token: unknown, target: Token[]) => void);
    getMacroTarget: (this: Engine, key: string) => Token[] | false;
    configureMacro: (this: Engine, tokens: Token[]) => void;
    tokenExec: (this: Engine, token: Token, item: unknown, cite: unknown) => number;
    Token: new (name: string, type: number) => Token;
    SINGLETON: number;
  };
  if (!macro.expandMacro.kapShared) {
    const expand = macro.expandMacro;
    const target = macro.getMacroTarget;
    const configure = macro.configureMacro;
    // Where the macro is called from: the list its call goes into.
    macro.expandMacro = Object.assign(function (this: Engine, token: unknown, into: Token[]) {
      (this.kapTargets ??= []).push(into);
      try {
        return expand.call(this, token, into);
      } finally {
        this.kapTargets.pop();
      }
    }, { kapShared: true as const });
    macro.getMacroTarget = function (key) {
      if (!this.build.extension) return target.call(this, key);
      const shared = (this.kapSortMacros ??= new Map());
      const id = `${this.build.root}${this.build.extension}\0${key}`;
      const call = new macro.Token('text', macro.SINGLETON);
      call.execs.push(function (state, item, cite) {
        const tokens = shared.get(id)!;
        for (let next = 0; next < tokens.length; ) next = macro.tokenExec.call(state, tokens[next]!, item, cite);
      });
      this.kapTargets!.at(-1)!.push(call);
      if (shared.has(id)) return false;
      const tokens: Token[] = [];
      shared.set(id, tokens);
      return tokens;
    };
    macro.configureMacro = function (tokens) {
      if (this.build.extension) this.configureTokenList(tokens);
      else configure.call(this, tokens);
    };
  }

  /**
   * The bibliography's sort keys render most of an entry again, for every item. kap prints each
   * entry on its own, so the order matters to it only where the style gives year suffixes
   * (2017a, 2017b): disYears orders the items of one ambiguous citation by their keys. On an
   * engine marked kapSuffixOrderOnly, an item whose citation no other item shares gets empty
   * keys (citeproc's own value for a key that renders nothing): the items that can get a suffix
   * keep their keys, their order and their seq, so each gets the suffix it had.
   */
  interface Registry {
    registry: Record<string, { ambig?: string | false }>;
    ambigcites: Record<string, string[]>;
  }
  type SortKeys = ((this: { kapSuffixOrderOnly?: boolean; registry: Registry; bibliography_sort: { opt: { sort_directions: unknown[] } } }, item: { id: string }, keyType: string) => unknown[]) & { kapSuffixOnly?: true };
  const sorting = CSL as { getSortKeys: SortKeys };
  if (!sorting.getSortKeys.kapSuffixOnly) {
    const keys = sorting.getSortKeys;
    sorting.getSortKeys = Object.assign(function (this: ThisParameterType<SortKeys>, item: { id: string }, keyType: string) {
      if (keyType === 'bibliography_sort' && this.kapSuffixOrderOnly) {
        const ambig = this.registry.registry[item.id]?.ambig;
        if (typeof ambig === 'string' && (this.registry.ambigcites[ambig]?.length ?? 0) < 2) return new Array(this.bibliography_sort.opt.sort_directions.length);
      }
      return keys.call(this, item, keyType);
    }, { kapSuffixOnly: true as const });
  }

  /**
   * Every render of a name initialises its given names again (CSL.Util.Names.initializeWith),
   * and givenname disambiguation keys each name by its initials at every render of every
   * citation it tries: thousands of calls on the same few hundred names. The result is a string
   * made from the name, the terminator, the style's initialize-with-hyphen and the languages
   * case is changed for (the only state it reads), so it is kept per engine by those.
   */
  type Initialize = ((this: unknown, state: { opt: Record<string, unknown>; tmp: { lang_array?: unknown } }, name: string, terminator?: string, normalizeOnly?: boolean) => string) & { kapKept?: true };
  const names = (CSL as { Util: { Names: { initializeWith: Initialize } } }).Util.Names;
  if (!names.initializeWith.kapKept) {
    const initialize = names.initializeWith;
    const kept = new WeakMap<object, Map<string, string>>();
    names.initializeWith = Object.assign(function (this: unknown, state: Parameters<Initialize>[0], name: string, terminator?: string, normalizeOnly?: boolean) {
      if (typeof name !== 'string' || !state) return initialize.call(this, state, name, terminator, normalizeOnly);
      const langs = state.tmp?.lang_array;
      const key = `${normalizeOnly ? 1 : 0}\0${terminator || ''}\0${String(state.opt?.['initialize-with-hyphen'])}\0${Array.isArray(langs) ? langs.join(' ') : String(langs)}\0${name}`;
      let byKey = kept.get(state);
      if (!byKey) kept.set(state, (byKey = new Map()));
      let out = byKey.get(key);
      if (out === undefined) byKey.set(key, (out = initialize.call(this, state, name, terminator, normalizeOnly)));
      return out;
    }, { kapKept: true as const });
  }
  // Last: its expandMacro wraps the one above (the call token it finds is the one citeproc makes).
  speedUpRender(CSL);
}
