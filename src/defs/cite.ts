import { defineCommand, json } from '../command-def.js';

export default defineCommand({
  name: 'cite',
  description: 'print formatted references (APA, MLA, Chicago, Vancouver, Harvard; BibTeX, RIS, CSL-JSON)',
  summary: 'formatted references (`--in-text`: one author\'s works grouped, "(Glue et al., 2017, 2018)"); finds keys in any case, DOIs, or author and year; on stderr: which works were retracted, which fields of each reference are unverified (an incomplete author list prints as "et al." in every style) and how the article cited it wrongly',
  args: [{ syntax: '[key...]', description: 'reference key, DOI, or author and year (case-insensitive)', complete: 'references' }],
  options: [
    // The values are checked by the cite command (a style may come from a file one day); completion offers these.
    { flags: '--style <style>', description: 'apa (APA 7), mla (MLA 9), chicago (author-date), vancouver, harvard', default: 'apa', values: ['apa', 'mla', 'chicago', 'vancouver', 'harvard'] },
    { flags: '--format <format>', description: 'text, html, bibtex, biblatex, ris or csl-json', default: 'text', values: ['text', 'html', 'bibtex', 'biblatex', 'ris', 'csl-json'] },
    { flags: '--in-text', description: 'the in-text citation, e.g. (Furukawa et al., 2005)' },
    { flags: '--all', description: 'every reference (an export: kap cite --all --format bibtex > kap.bib)' },
    json('JSON: each reference in the style, its in-text form, unverified fields, whether errata exist'),
  ],
  help: 'How the source article cited a reference wrongly is printed on stderr; stdout stays clean.',
  examples: ['kap cite furukawa2005', 'kap cite furukawa 2005 --style vancouver', 'kap cite 10.1038/nature04089 --in-text', 'kap cite rush2018 --format ris', 'kap cite --all --format bibtex > kap.bib'],
  hot: true,
  paged: true,
  warm: [['cite', 'furukawa2005'], ['cite', 'furukawa', '2005', '--style', 'mla'], ['cite', 'zanos2018', '--in-text'], ['cite', '--all', '--format', 'bibtex']],
  run: async (c, r) => (await import('../commands/cite.js')).cite(await r.ctx(), c.args[0], c.opts),
});
