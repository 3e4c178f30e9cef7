/** Anki text import: tab-separated Front, Back, Tags with #key:value headers; fields are HTML. */
import { letter, type Exporter } from './types.js';

const html = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/\t/g, ' ').replace(/\r?\n/g, '<br>');
const tag = (s: string) => s.replace(/[^\w:-]+/g, '_');

export const anki: Exporter = (qs, meta) => {
  const head = ['#separator:tab', '#html:true', '#notetype:Basic', '#columns:Front\tBack\tTags', '#tags column:3', `#tags:kap ${tag(`seed:${meta.seed}`)}`];
  const rows = qs.map((q) => {
    const front = `${html(q.question)}<br><br>${q.choices.map((c, i) => `${letter(i)}) ${html(c.text)}`).join('<br>')}`;
    const back = [`<b>${letter(q.key)}) ${html(q.choices[q.key]!.text)}</b>`, html(q.explanation), ...q.sources.map((s) => `<small>Source: ${html(s.reference)}</small>`), `<small>kap explain ${html(q.module)} · ${html(q.id)}</small>`].join('<br><br>');
    return [front, back, `kap::${tag(q.module)} ${tag(q.difficulty)}`].join('\t');
  });
  return [...head, ...rows].join('\n') + '\n';
};
