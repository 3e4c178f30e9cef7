/**
 * One self-contained page for projecting or printing: inline CSS and JS, no external
 * resources (links to sources are links, nothing is loaded). On screen: one question at a
 * time; Space/Enter or the button shows and hides the answer; arrows, Page Up/Down, Home and
 * End move. In print: every question, then the answer key on its own page.
 */
import { CSS, JS } from './html-assets.js';
import { blockHtml, helpFor, NOTICE } from './help.js';
import { escHtml, linkedHtml, textHtml } from './html-text.js';
import { countQuestions, letter, type ExportQuestion, type Exporter } from './types.js';

const esc = (s: string) => escHtml(s).replace(/'/g, '&#39;');

function whyNots(q: ExportQuestion): string {
  const items = q.choices.map((c, i) => (i !== q.key && c.why ? `<li>${letter(i)}: ${textHtml(c.why)}</li>` : '')).filter(Boolean);
  return items.length ? `<p class="why">Why not the others:</p>\n<ul class="why">${items.join('')}</ul>` : '';
}

function questionSection(q: ExportQuestion): string {
  const choices = q.choices.map((c, i) => `<li${i === q.key ? ' class="key"' : ''}><span class="l">${letter(i)}</span>${textHtml(c.text)}</li>`).join('\n');
  const help = helpFor(q).map((b) => `<div class="helpblock" role="note">${blockHtml(b)}</div>`).join('\n');
  return `<section class="q" id="${esc(q.id)}" data-key="${letter(q.key)}">
<div class="num">Question ${q.n} · ${textHtml(q.moduleTitle)}</div>
<h2>${textHtml(q.question)}</h2>
<ol class="choices" type="A">
${choices}
</ol>
<button class="reveal" type="button" aria-expanded="false">Show answer</button>
<div class="answer" hidden aria-live="polite">
<p class="verdict">Answer: ${letter(q.key)}) ${textHtml(q.choices[q.key]!.text)}</p>
<p>${textHtml(q.explanation)}</p>
${whyNots(q)}
${q.sources.map((s) => `<p class="source">Source: ${linkedHtml(s.reference)}</p>`).join('\n')}
<p class="source">Read more: <code>kap explain ${esc(q.module)}</code></p>
</div>
${help}
</section>`;
}

// The key's list has no markers of its own: "1. C" is written once, in the text.
function keyItem(q: ExportQuestion): string {
  return `<li><b>${q.n}. ${letter(q.key)}</b> (${textHtml(q.choices[q.key]!.text)}). ${textHtml(q.explanation)}${q.sources.map((s) => ` <span class="source">Source: ${linkedHtml(s.reference)}</span>`).join('')}</li>`;
}

export const html: Exporter = (qs, meta) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(meta.title)}</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>${esc(meta.title)}</h1>
<p class="meta">${countQuestions(qs.length)} · seed ${esc(meta.seed)}</p>
<p class="notice">${esc(NOTICE)}</p>
</header>
<main>
${qs.map(questionSection).join('\n')}
<nav><button id="prev" type="button">← Previous</button><span id="pos" aria-live="polite"></span><button id="next" type="button">Next →</button></nav>
</main>
<footer>
<p class="help">Space or Enter: show or hide the answer · → / ←: next / previous · Home / End: first / last · Print for a handout with the key on a separate page.</p>
</footer>
<section class="key-page" aria-label="Answer key">
<h2>Answer key</h2>
<ul class="key-list">
${qs.map(keyItem).join('\n')}
</ul>
</section>
<script>${JS}</script>
</body>
</html>
`;
