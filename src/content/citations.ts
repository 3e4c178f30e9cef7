/** Pandoc citation syntax in Markdown: `[@key]`, `[@a; @b]`, `[see @a, p. 3]`. */

export interface CiteCluster {
  /** Offsets of the whole `[...]` in the text. */
  start: number;
  end: number;
  keys: string[];
  /** 1-based line of the cluster within the text. */
  line: number;
}

const CLUSTER = /\[([^[\]]*@[^[\]]*)\](?!\()/g;
const KEY = /(?:^|[\s;[(-])@([A-Za-z0-9_][\w:.#$%&+?<>~/-]*)/g;

export function citeKeysIn(inner: string): string[] {
  return [...inner.matchAll(KEY)].map((m) => m[1]!.replace(/[.:]+$/, ''));
}

/** Find every citation cluster, in order. */
export function findClusters(text: string): CiteCluster[] {
  const out: CiteCluster[] = [];
  let line = 1;
  let last = 0;
  for (const m of text.matchAll(CLUSTER)) {
    const keys = citeKeysIn(m[1]!);
    if (!keys.length) continue;
    for (let i = last; i < m.index!; i++) if (text.charCodeAt(i) === 10) line++;
    last = m.index!;
    out.push({ start: m.index!, end: m.index! + m[0].length, keys, line });
  }
  return out;
}

/** Replace each cluster with what `render` returns for its keys, and the text between with what `between` does. */
export function replaceClusters(text: string, render: (keys: string[]) => string, between: (s: string) => string = (s) => s): string {
  let out = '';
  let pos = 0;
  for (const c of findClusters(text)) {
    out += between(text.slice(pos, c.start)) + render(c.keys);
    pos = c.end;
  }
  return out + between(text.slice(pos));
}

/** Distinct keys in order of first use. */
export function uniqueKeys(clusters: CiteCluster[]): string[] {
  return [...new Set(clusters.flatMap((c) => c.keys))];
}
