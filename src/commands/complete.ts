/** kap __complete -- <words>: the completion scripts' call back; candidates one a line. */
import type { Runner } from '../command-def.js';
import { COMMANDS, GLOBAL_OPTIONS } from '../command-table.js';
import { complete, type ContentNames } from '../completion/complete.js';
import { readRefIndex } from '../cite/bibliography.js';
import type { Ctx } from '../context.js';

/** Names people type: module ids and one-word names and aliases (not a term's internal `-term` id). */
function contentNames(ctx: Ctx): ContentNames {
  return {
    topics: (typed) => {
      const c = ctx.catalog();
      const keys = c.names.all().map((e) => e.name).filter((k) => !k.endsWith(' term'));
      if (!typed.length) return [...c.modules.map((m) => m.id), ...keys.filter((k) => !k.includes(' '))];
      // Several words are one name: offer the word that continues a name begun (normalised keys are lower case).
      const begun = `${typed.join(' ').toLowerCase()} `;
      return keys.filter((k) => k.startsWith(begun)).map((k) => k.slice(begun.length).split(' ')[0]!);
    },
    modules: () => ctx.catalog().modules.map((m) => m.id),
    references: () => readRefIndex(ctx.dataDir).entries.map((e) => e.key),
  };
}

export async function completeCommand(r: Runner, words: string[]): Promise<void> {
  let ctx: Ctx | undefined;
  const names = async () => (ctx ??= await r.ctx());
  // Content is read only when the cursor wants it; a broken pack gives no candidates, never an error.
  const c = await names().catch(() => undefined);
  const none: ContentNames = { topics: () => [], modules: () => [], references: () => [] };
  const safe = <A extends unknown[]>(f: (...a: A) => string[]) => (...a: A) => {
    try {
      return f(...a);
    } catch {
      return [];
    }
  };
  const n = c ? contentNames(c) : none;
  const result = complete(words, COMMANDS, GLOBAL_OPTIONS, { topics: safe(n.topics), modules: safe(n.modules), references: safe(n.references) });
  const lines = [...result.words, ...(result.files ? [`:${result.files}`] : [])];
  r.io.stdout.write(lines.length ? `${lines.join('\n')}\n` : '');
}
