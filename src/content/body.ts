/** The parts of a module body: the first paragraph is the summary; the rest splits at `## ` headings. */

export interface Section {
  heading: string;
  markdown: string;
}

export function splitBody(body: string): { summary: string; sections: Section[] } {
  const parts = body.trim().split(/\n(?=## )/);
  const intro = parts[0]!.startsWith('## ') ? '' : parts.shift()!;
  const [summary = '', ...more] = intro.split(/\n\s*\n/);
  const sections: Section[] = more.length ? [{ heading: '', markdown: more.join('\n\n').trim() }] : [];
  for (const part of parts) {
    const nl = part.indexOf('\n');
    sections.push({ heading: part.slice(3, nl < 0 ? undefined : nl).trim(), markdown: nl < 0 ? '' : part.slice(nl + 1).trim() });
  }
  return { summary: summary.trim(), sections };
}
