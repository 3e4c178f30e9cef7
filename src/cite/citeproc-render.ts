/**
 * Build time only: kap's changes to citeproc-js's render loop, each a faster path to the same
 * output (test/unit/cite-engine.test.ts compares every style with citeproc-js as published).
 * Applied with the others by speedUpCiteproc (citeproc-speed.ts), once.
 */
interface Token {
  next?: number;
  succeed?: number;
  fail?: number;
  test?: (Item: unknown, item: unknown) => unknown;
  execs: ((this: Token, state: State, Item: unknown, item: unknown) => unknown)[];
}
interface State {
  tmp: { jump: { replace(v: string): void } };
  macros: Record<string, Token[]>;
  build: { extension: string };
  kapMacroCalls?: MacroCall[];
}
/** One expandMacro call being built: where in `into` its call token goes, for which macro. */
interface MacroCall {
  into: Token[];
  at: number;
  key: string;
}
type Exec = ((this: State, token: Token, Item: unknown, item: unknown) => number) & { kapNoClosure?: true };
type Expand = ((this: State, token: unknown, into: Token[]) => void) & { kapMacroRun?: true };
type Target = (this: State, key: string) => Token[] | false;
type Named = Token & { name?: string; tokentype?: number };

export function speedUpRender(CSL: unknown): void {
  /**
   * Every token of every render goes through CSL.tokenExec (a few million calls in the built-in
   * build), which makes a new closure for its conditional jump at each call, taken or not: here
   * the same steps without it. Same `next`, same jump recorded, same calls in the same order.
   */
  const csl = CSL as { tokenExec: Exec };
  if (!csl.tokenExec.kapNoClosure) {
    csl.tokenExec = Object.assign(function (this: State, token: Token, Item: unknown, item: unknown) {
      let next = token.next;
      if (token.test) {
        if (token.test(Item, item)) {
          this.tmp.jump.replace('succeed');
          next = token.succeed;
        } else {
          this.tmp.jump.replace('fail');
          next = token.fail;
        }
      }
      // As citeproc: the length read once, each exec read from the token at its turn.
      for (let i = 0, n = token.execs.length; i < n; i++) {
        const maybe = token.execs[i]!.call(token, this, Item, item);
        if (maybe) next = maybe as number;
      }
      return next as number;
    }, { kapNoClosure: true as const });
  }

  /**
   * A macro runs through a function citeproc makes for each call site, which looks the macro
   * up by name in the engine's table (95 names for APA, a dictionary) twice per token it runs.
   * Here the same function looks it up once per run: the table is filled while the engine is
   * built and never changed while it renders. The call site's token is the one citeproc puts
   * right after the macro's opening group, checked as such (a text token with one function,
   * followed by the group's end); any other shape keeps citeproc's own.
   */
  const macro = CSL as { expandMacro: Expand; getMacroTarget: Target; START: number; END: number; SINGLETON: number };
  if (!macro.expandMacro.kapMacroRun) {
    const expand = macro.expandMacro;
    const target = macro.getMacroTarget;
    macro.getMacroTarget = function (key) {
      const call = this.kapMacroCalls?.at(-1);
      if (call && !this.build.extension) Object.assign(call, { at: call.into.length, key });
      return target.call(this, key);
    };
    macro.expandMacro = Object.assign(function (this: State, token: unknown, into: Token[]) {
      const calls = (this.kapMacroCalls ??= []);
      const call: MacroCall = { into, at: -1, key: '' };
      calls.push(call);
      try {
        expand.call(this, token, into);
      } finally {
        calls.pop();
      }
      const site = into[call.at] as Named | undefined;
      const end = into[call.at + 1] as Named | undefined;
      if (call.at < 0 || site?.name !== 'text' || site.tokentype !== macro.SINGLETON || site.execs.length !== 1 || site.execs[0]!.length !== 3 || end?.name !== 'group' || end.tokentype !== macro.END) return;
      const key = call.key;
      site.execs[0] = function (state, Item, item) {
        const tokens = state.macros[key]!;
        let next = 0;
        while (next < tokens.length) next = csl.tokenExec.call(state, tokens[next]!, Item, item);
      };
    }, { kapMacroRun: true as const });
  }
}
