declare module '@citation-js/core' {
  export class Cite {
    constructor(data: unknown, options?: unknown);
    data: Array<Record<string, unknown>>;
    format(format: string, options?: Record<string, unknown>): string;
  }
  interface Register {
    add(name: string, xml: string): void;
    has(name: string): boolean;
    get(name: string): string;
  }
  export const plugins: {
    config: { get(name: string): { styles: Register; locales: Register; templates?: Register } };
  };
}
declare module '@citation-js/plugin-csl';
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';
declare module 'bibtex-parse' {
  const bibtexParse: { entries(text: string): Record<string, string>[] };
  export default bibtexParse;
}
