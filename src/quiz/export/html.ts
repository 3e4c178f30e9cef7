/**
 * One self-contained page for projecting or printing: inline CSS and JS, no external
 * resources. On screen: one question at a time; Space/Enter or the button reveals the
 * answer, arrows move. In print: every question, then the answer key on its own page.
 */
import { countQuestions, letter, type ExportQuestion, type Exporter } from './types.js';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

const CSS = `
:root { color-scheme: light; --fg: #111; --bg: #fff; --muted: #555; --accent: #0b5cad; --ok: #0a6b2d; }
* { box-sizing: border-box; }
body { margin: 0; font: 1.25rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: var(--bg); }
header, main, footer { max-width: 60rem; margin: 0 auto; padding: 1rem 2rem; }
header h1 { font-size: 1.5rem; margin: 0; }
.meta, .help { color: var(--muted); font-size: 1rem; }
.q { display: none; }
.q.current { display: block; }
.q h2 { font-size: 2.2rem; line-height: 1.25; margin: 1rem 0 1.5rem; }
.q .num { color: var(--muted); font-size: 1.1rem; }
ol.choices { list-style: none; padding: 0; margin: 0; }
ol.choices li { font-size: 1.8rem; margin: .6rem 0; padding: .4rem .8rem; border: 2px solid #ccc; border-radius: .5rem; }
ol.choices li .l { font-weight: 700; margin-right: .6rem; }
.q.revealed li.key { border-color: var(--ok); background: #e8f5ec; }
.q.revealed li.key::after { content: "  ✓ correct"; color: var(--ok); font-weight: 700; }
.answer { margin-top: 1.5rem; padding: 1rem; border-left: 6px solid var(--ok); background: #f4f8f5; }
.answer[hidden] { display: none; }
.answer .verdict { font-weight: 700; color: var(--ok); }
.source { color: var(--muted); font-size: 1rem; }
nav { display: flex; gap: 1rem; margin-top: 2rem; }
button { font: inherit; padding: .5rem 1.2rem; border-radius: .4rem; border: 2px solid var(--accent); background: #fff; color: var(--accent); cursor: pointer; }
button:focus-visible { outline: 3px solid #f90; outline-offset: 2px; }
.key-page { display: none; }
@media print {
  body { font-size: 11pt; }
  header, main, footer { max-width: none; padding: 0; }
  nav, .help, .answer, button { display: none !important; }
  .q { display: block !important; break-inside: avoid; margin-bottom: 1.2rem; }
  .q h2 { font-size: 13pt; margin: .3rem 0; }
  ol.choices li { font-size: 11pt; border: none; padding: 0 0 0 1rem; margin: .1rem 0; }
  .q.revealed li.key { background: none; }
  .q.revealed li.key::after { content: none; }
  .key-page { display: block; break-before: page; page-break-before: always; }
  .key-page h2 { font-size: 14pt; }
  .key-page li { margin-bottom: .6rem; break-inside: avoid; }
}`;

const JS = `
(function () {
  var qs = Array.prototype.slice.call(document.querySelectorAll('.q'));
  var at = 0;
  function show(i) {
    at = Math.max(0, Math.min(qs.length - 1, i));
    qs.forEach(function (q, j) { q.classList.toggle('current', j === at); });
    document.getElementById('pos').textContent = (at + 1) + ' / ' + qs.length;
    // A focused button in a question now hidden would still take Space (and reveal that one).
    var f = document.activeElement;
    if (f && f.closest && f.closest('.q') && !f.closest('.q').classList.contains('current')) f.blur();
  }
  function reveal(q) {
    q.classList.add('revealed');
    q.querySelector('.answer').hidden = false;
    q.querySelector('.reveal').setAttribute('aria-expanded', 'true');
  }
  qs.forEach(function (q) { q.querySelector('.reveal').addEventListener('click', function () { reveal(q); }); });
  document.getElementById('prev').addEventListener('click', function () { show(at - 1); });
  document.getElementById('next').addEventListener('click', function () { show(at + 1); });
  document.addEventListener('keydown', function (e) {
    if (e.target && e.target.tagName === 'BUTTON' && (e.key === 'Enter' || e.key === ' ')) return;
    if (e.key === ' ' || e.key === 'Enter' || e.key === 'r') { e.preventDefault(); reveal(qs[at]); }
    else if (e.key === 'ArrowRight' || e.key === 'PageDown' || e.key === 'n') show(at + 1);
    else if (e.key === 'ArrowLeft' || e.key === 'PageUp' || e.key === 'p') show(at - 1);
  });
  show(0);
})();`;

function questionSection(q: ExportQuestion): string {
  const choices = q.choices.map((c, i) => `<li${i === q.key ? ' class="key"' : ''}><span class="l">${letter(i)}</span>${esc(c.text)}</li>`).join('\n');
  return `<section class="q" id="${esc(q.id)}" data-key="${letter(q.key)}">
<div class="num">Question ${q.n} · ${esc(q.moduleTitle)}</div>
<h2>${esc(q.question)}</h2>
<ol class="choices" type="A">
${choices}
</ol>
<button class="reveal" type="button" aria-expanded="false">Show answer</button>
<div class="answer" hidden aria-live="polite">
<p class="verdict">Answer: ${letter(q.key)}) ${esc(q.choices[q.key]!.text)}</p>
<p>${esc(q.explanation)}</p>
${q.sources.map((s) => `<p class="source">Source: ${esc(s.reference)}</p>`).join('\n')}
<p class="source">Read more: <code>kap explain ${esc(q.module)}</code></p>
</div>
</section>`;
}

function keyItem(q: ExportQuestion): string {
  return `<li><b>${q.n}. ${letter(q.key)}</b> (${esc(q.choices[q.key]!.text)}). ${esc(q.explanation)}${q.sources.map((s) => ` <span class="source">Source: ${esc(s.reference)}</span>`).join('')}</li>`;
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
<p class="help">Space or Enter: show the answer · → / ←: next / previous · Print for a handout with the key on a separate page.</p>
</header>
<main>
${qs.map(questionSection).join('\n')}
<nav><button id="prev" type="button">← Previous</button><span id="pos" aria-live="polite"></span><button id="next" type="button">Next →</button></nav>
</main>
<section class="key-page" aria-label="Answer key">
<h2>Answer key</h2>
<ol class="key-list">
${qs.map(keyItem).join('\n')}
</ol>
</section>
<script>${JS}</script>
</body>
</html>
`;
