/**
 * A QTI 1.2 package, as Canvas's "QTI .zip file" import reads it (Blackboard and D2L take the
 * same): imsmanifest.xml and one assessment of multiple-choice items, each with its key,
 * per-choice feedback (the why-nots) and general feedback (explanation, evidence, sources,
 * help blocks). Identifiers come from the question ids and each choice's written position, so
 * they stay the same across seeds and edits; the assessment's from its title, seed and questions.
 */
import { scrub } from '../../text/sanitize.js';
import { choiceFeedbackHtml, generalFeedbackHtml } from './feedback.js';
import { NOTICE } from './help.js';
import { escHtml, textHtml } from './html-text.js';
import { countQuestions, oneLine, type ExportMeta, type ExportQuestion } from './types.js';
import { xmlAttr, xmlIdent, xmlText } from './xml.js';
import { zip } from './zip.js';

const mattext = (html: string) => `<material><mattext texttype="text/html">${xmlText(html)}</mattext></material>`;
const field = (label: string, entry: string) => `<qtimetadatafield><fieldlabel>${label}</fieldlabel><fieldentry>${xmlText(entry)}</fieldentry></qtimetadatafield>`;

export const itemIdent = (q: ExportQuestion) => xmlIdent(`kap-${q.id}`);
export const choiceIdent = (q: ExportQuestion, written: number) => `${itemIdent(q)}-c${written + 1}`;

function item(q: ExportQuestion): string {
  const ids = q.choices.map((c) => choiceIdent(q, c.written));
  const labels = q.choices.map((c, i) => `<response_label ident="${ids[i]}">${mattext(textHtml(c.text))}</response_label>`);
  const perChoice = ids.map(
    (id) => `<respcondition continue="Yes"><conditionvar><varequal respident="response1">${id}</varequal></conditionvar><displayfeedback feedbacktype="Response" linkrefid="${id}_fb"/></respcondition>`,
  );
  return `<item ident="${itemIdent(q)}" title="${xmlAttr(q.id)}">
<itemmetadata><qtimetadata>
${field('question_type', 'multiple_choice_question')}
${field('points_possible', '1')}
${field('original_answer_ids', ids.join(','))}
${field('assessment_question_identifierref', `${itemIdent(q)}-bank`)}
</qtimetadata></itemmetadata>
<presentation>
${mattext(textHtml(q.question))}
<response_lid ident="response1" rcardinality="Single"><render_choice shuffle="No">
${labels.join('\n')}
</render_choice></response_lid>
</presentation>
<resprocessing>
<outcomes><decvar maxvalue="100" minvalue="0" varname="SCORE" vartype="Decimal"/></outcomes>
<respcondition continue="Yes"><conditionvar><other/></conditionvar><displayfeedback feedbacktype="Response" linkrefid="general_fb"/></respcondition>
${perChoice.join('\n')}
<respcondition continue="No"><conditionvar><varequal respident="response1">${ids[q.key]}</varequal></conditionvar><setvar action="Set" varname="SCORE">100</setvar></respcondition>
</resprocessing>
<itemfeedback ident="general_fb"><flow_mat>${mattext(generalFeedbackHtml(q))}</flow_mat></itemfeedback>
${q.choices.map((c, i) => `<itemfeedback ident="${ids[i]}_fb"><flow_mat>${mattext(choiceFeedbackHtml(q, c, i))}</flow_mat></itemfeedback>`).join('\n')}
</item>`;
}

export const assessmentIdent = (qs: ExportQuestion[], meta: ExportMeta): string =>
  `kap-${(require('node:crypto') as typeof import('node:crypto')).createHash('sha256').update([meta.title, meta.seed, ...qs.map((q) => q.id)].join('\0')).digest('hex').slice(0, 16)}`;

export function qtiFiles(qs: ExportQuestion[], meta: ExportMeta): { name: string; data: string }[] {
  const id = assessmentIdent(qs, meta);
  const title = oneLine(meta.title);
  const assessment = `<?xml version="1.0" encoding="UTF-8"?>
<questestinterop>
<qticomment>${xmlText(`${title} · seed ${oneLine(meta.seed)} · ${countQuestions(qs.length)}. ${NOTICE}`)}</qticomment>
<assessment ident="${id}" title="${xmlAttr(title)}">
<rubric>${mattext(`<p>${escHtml(NOTICE)}</p>`)}</rubric>
<section ident="root_section">
${qs.map(item).join('\n')}
</section>
</assessment>
</questestinterop>
`;
  const manifest = `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${id}-manifest" xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" xmlns:imsmd="http://www.imsglobal.org/xsd/imsmd_v1p2">
<metadata>
<schema>IMS Content</schema>
<schemaversion>1.1.3</schemaversion>
<imsmd:lom><imsmd:general>
<imsmd:title><imsmd:string>${xmlText(title)}</imsmd:string></imsmd:title>
<imsmd:description><imsmd:string>${xmlText(NOTICE)}</imsmd:string></imsmd:description>
</imsmd:general></imsmd:lom>
</metadata>
<organizations/>
<resources>
<resource identifier="${id}" type="imsqti_xmlv1p2">
<file href="${id}/${id}.xml"/>
</resource>
</resources>
</manifest>
`;
  return [
    { name: 'imsmanifest.xml', data: manifest },
    { name: `${id}/${id}.xml`, data: assessment },
  ];
}

/**
 * The package's files are text a reader sees, zipped: scrubbed here like every output (the zip
 * itself is bytes, which the --out writer takes as they are). The title is the trainer's own
 * argument, never cleaned on the way in.
 */
export const qti = (qs: ExportQuestion[], meta: ExportMeta): Uint8Array => zip(qtiFiles(qs, meta).map((f) => ({ ...f, data: typeof f.data === 'string' ? scrub(f.data) : f.data })));
