/** One spelling for what people type: "NMDA-Receptor", "nmda_receptor" and "nmda  receptor" are one key. */
export function normalizeKey(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\s_\-\u2013\u2014'"\u2018\u2019\u201c\u201d.,;:!?()[\]{}/\\*]+/g, ' ')
    .trim();
}
