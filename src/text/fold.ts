/**
 * Lowercase without accents, so "gouaux" finds "Gouaux", "muller" finds "Müller" and "uber"
 * finds "Über". Search (its index and its queries) and citation look-up fold the same way.
 */
export function fold(s: string): string {
  // Most text is plain ASCII: skip Unicode normalisation for it.
  return /^[\x00-\x7f]*$/.test(s) ? s.toLowerCase() : s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}
