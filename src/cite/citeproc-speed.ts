/**
 * Build time only: citeproc-js finds a macro by walking the whole style tree at every call
 * site while it builds an engine (CSL.expandMacro → getNodesByName(style, 'macro', name)):
 * quadratic in the style's size, about a third of building Chicago's or APA's engine. The
 * macros of a style are found once and looked up by name; every other search, and any style
 * whose top level changed since, takes citeproc's own path. Same nodes, same order.
 */
// @ts-expect-error citeproc ships no types
import CSL from 'citeproc';

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
