/**
 * Moodle XML, Moodle's full-fidelity format: a category per module (under the quiz's title),
 * then multiple-choice questions with per-choice feedback (the why-nots), general feedback
 * (explanation, evidence, sources, help blocks), tags and an id number. Fields are HTML,
 * XML-escaped. The id numbers (the question ids) let Moodle tell an updated question from a
 * new one; the choices keep kap's order (shuffleanswers off), which the seed decides.
 */
import { choiceFeedbackHtml, generalFeedbackHtml } from './feedback.js';
import { NOTICE } from './help.js';
import { escHtml, textHtml } from './html-text.js';
import { countQuestions, oneLine, type ExportQuestion, type Exporter } from './types.js';
import { xmlText } from './xml.js';

const html = (tag: string, body: string, attrs = '') => `<${tag}${attrs} format="html"><text>${xmlText(body)}</text></${tag}>`;
const plainText = (tag: string, body: string) => `<${tag}><text>${xmlText(body)}</text></${tag}>`;
/** In a Moodle category path `/` separates levels; a slash inside a name is written `//`. */
const catName = (s: string) => oneLine(s).replace(/\//g, '//');

export const moodleTags = (q: ExportQuestion): string[] => [...new Set(['kap', q.module, `difficulty-${q.difficulty}`, ...q.tags].map(oneLine))];

function category(path: string, info: string, idnumber: string): string {
  return `  <question type="category">
    <category><text>${xmlText(path)}</text></category>
    ${html('info', info)}
    <idnumber>${xmlText(idnumber)}</idnumber>
  </question>`;
}

function question(q: ExportQuestion): string {
  const answers = q.choices.map(
    (c, i) => `    <answer fraction="${i === q.key ? 100 : 0}" format="html">
      <text>${xmlText(textHtml(c.text))}</text>
      <feedback format="html"><text>${xmlText(choiceFeedbackHtml(q, c, i))}</text></feedback>
    </answer>`,
  );
  return `  <question type="multichoice">
    ${plainText('name', q.id)}
    ${html('questiontext', textHtml(q.question))}
    ${html('generalfeedback', generalFeedbackHtml(q))}
    <defaultgrade>1</defaultgrade>
    <penalty>0.3333333</penalty>
    <hidden>0</hidden>
    <idnumber>${xmlText(q.id)}</idnumber>
    <single>true</single>
    <shuffleanswers>false</shuffleanswers>
    <answernumbering>ABCD</answernumbering>
    <showstandardinstruction>0</showstandardinstruction>
    ${html('correctfeedback', '')}
    ${html('partiallycorrectfeedback', '')}
    ${html('incorrectfeedback', '')}
${answers.join('\n')}
    <tags>
${moodleTags(q).map((t) => `      <tag><text>${xmlText(t)}</text></tag>`).join('\n')}
    </tags>
  </question>`;
}

export const moodle: Exporter = (qs, meta) => {
  const top = `$course$/top/${catName(meta.title)}`;
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', `<!-- ${xmlText(`${oneLine(meta.title)} · seed ${oneLine(meta.seed)} · ${countQuestions(qs.length)}`).replace(/--/g, '- -')} -->`, `<!-- ${xmlText(NOTICE)} -->`, '<quiz>'];
  out.push(category(top, `<p>${escHtml(NOTICE)}</p>`, 'kap'));
  // Grouped by module (in the order modules first appear), one category each.
  const modules = [...new Set(qs.map((q) => q.module))];
  for (const m of modules) {
    const group = qs.filter((q) => q.module === m);
    out.push(category(`${top}/${catName(group[0]!.moduleTitle)}`, `<p>kap module ${escHtml(m)}: kap explain ${escHtml(m)}</p>`, `kap-module-${m}`));
    out.push(...group.map(question));
  }
  out.push('</quiz>', '');
  return out.join('\n');
};
