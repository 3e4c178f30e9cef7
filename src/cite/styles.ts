/** The citation styles and output formats `kap cite` offers. Shared by build and run time: no imports. */

export const STYLES = ['apa', 'mla', 'chicago', 'vancouver', 'harvard'] as const;
export type StyleId = (typeof STYLES)[number];

export interface StyleInfo {
  label: string;
  /** Official CSL file in src/cite/styles/. */
  file: string;
  /** Locale the style is written for: Cite Them Right is British. */
  locale: 'en-US' | 'en-GB';
  /** Numeric styles number the bibliography; kap drops the number for a lone reference. */
  numeric: boolean;
  /** Given names printed as initials: a hyphenated name's second part gets its own initial. */
  initials: boolean;
  /** The citation collapses one author's works: "(Glue et al., 2017, 2018)" (the CSL file's collapse="year"). */
  collapse: boolean;
}

export const STYLE_INFO: Record<StyleId, StyleInfo> = {
  apa: { label: 'APA 7th edition', file: 'apa.csl', locale: 'en-US', numeric: false, initials: true, collapse: true },
  mla: { label: 'MLA Handbook 9th edition', file: 'modern-language-association.csl', locale: 'en-US', numeric: false, initials: false, collapse: false },
  chicago: { label: 'Chicago 18th edition, author-date', file: 'chicago-author-date.csl', locale: 'en-US', numeric: false, initials: false, collapse: true },
  vancouver: { label: 'Vancouver (NLM Citing Medicine)', file: 'nlm-citation-sequence.csl', locale: 'en-US', numeric: true, initials: true, collapse: false },
  harvard: { label: 'Harvard (Cite Them Right 12th edition)', file: 'harvard-cite-them-right.csl', locale: 'en-GB', numeric: false, initials: true, collapse: true },
};

/** Formats that depend on the style (text, html) and exports that do not. */
export const FORMATS = ['text', 'html', 'bibtex', 'biblatex', 'ris', 'csl-json'] as const;
export type FormatId = (typeof FORMATS)[number];
export type ExportId = Exclude<FormatId, 'text' | 'html'>;

export const isStyle = (s: string): s is StyleId => (STYLES as readonly string[]).includes(s);
export const isFormat = (s: string): s is FormatId => (FORMATS as readonly string[]).includes(s);
