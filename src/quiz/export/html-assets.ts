/**
 * The HTML export's inline CSS and script. Sizes follow the viewport's height, so that on a
 * 1280x720 projector the question, its choices, the "Show answer" button and the explanation
 * fit above the fold; print shows every question, then the key on its own page.
 */
export const CSS = `
:root { color-scheme: light; --fg: #111; --bg: #fff; --muted: #555; --accent: #0b5cad; --ok: #0a6b2d; --warn: #8a1c00; }
* { box-sizing: border-box; }
body { margin: 0; font: 1.1rem/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: var(--bg); }
header, main, footer { max-width: 64rem; margin: 0 auto; padding: .4rem 2rem; }
header { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0 1rem; }
header h1 { font-size: 1.2rem; margin: 0; }
.meta, .help, .notice { color: var(--muted); font-size: .95rem; margin: 0; }
.q { display: none; }
.q.current { display: block; }
.q h2 { font-size: clamp(1.2rem, 3.1vh + .35vw, 2.2rem); line-height: 1.22; margin: .25rem 0 .6rem; }
.q .num { color: var(--muted); font-size: 1rem; }
ol.choices { list-style: none; padding: 0; margin: 0; }
ol.choices li { font-size: clamp(1rem, 2.4vh + .25vw, 1.8rem); line-height: 1.3; margin: .3rem 0; padding: .15rem .7rem; border: 2px solid #ccc; border-radius: .5rem; }
ol.choices li .l { font-weight: 700; margin-right: .6rem; }
.q.revealed li.key { border-color: var(--ok); background: #e8f5ec; }
.q.revealed li.key::after { content: "  \\2713  correct"; color: var(--ok); font-weight: 700; }
.answer { margin-top: .6rem; padding: .4rem .9rem; border-left: 6px solid var(--ok); background: #f4f8f5; }
.answer[hidden] { display: none; }
.answer p { margin: .25rem 0; }
.answer .verdict { font-weight: 700; color: var(--ok); }
.answer ul { margin: .2rem 0; padding-left: 1.4rem; }
.source, .why { color: var(--muted); font-size: .95rem; }
.helpblock { margin-top: .6rem; padding: .4rem .9rem; border-left: 6px solid var(--warn); background: #fdf3ef; font-size: 1rem; }
.helpblock p { margin: .2rem 0; }
nav { display: flex; gap: 1rem; align-items: center; margin-top: .8rem; }
button { font: inherit; padding: .3rem 1.1rem; border-radius: .4rem; border: 2px solid var(--accent); background: #fff; color: var(--accent); cursor: pointer; }
button.reveal { margin-top: .6rem; }
button:focus-visible { outline: 3px solid #f90; outline-offset: 2px; }
.key-page { display: none; }
@media print {
  body { font-size: 11pt; }
  header, main, footer { max-width: none; padding: 0; }
  nav, .help, .answer, button { display: none !important; }
  .q { display: block !important; break-inside: avoid; page-break-inside: avoid; margin-bottom: 1.2rem; }
  .q h2 { font-size: 13pt; margin: .3rem 0; }
  ol.choices li { font-size: 11pt; border: none; padding: 0 0 0 1rem; margin: .1rem 0; }
  .q.revealed li.key { background: none; }
  .q.revealed li.key::after { content: none; }
  .key-page { display: block; break-before: page; page-break-before: always; }
  .key-page h2 { font-size: 14pt; }
  .key-list { list-style: none; padding: 0; }
  .key-page li { margin-bottom: .6rem; break-inside: avoid; }
}`;

export const JS = `
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
  function toggle(q) {
    var open = !q.classList.contains('revealed');
    q.classList.toggle('revealed', open);
    q.querySelector('.answer').hidden = !open;
    var b = q.querySelector('.reveal');
    b.setAttribute('aria-expanded', String(open));
    b.textContent = open ? 'Hide answer' : 'Show answer';
  }
  qs.forEach(function (q) { q.querySelector('.reveal').addEventListener('click', function () { toggle(q); }); });
  document.getElementById('prev').addEventListener('click', function () { show(at - 1); });
  document.getElementById('next').addEventListener('click', function () { show(at + 1); });
  document.addEventListener('keydown', function (e) {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.target && e.target.tagName === 'BUTTON' && (e.key === 'Enter' || e.key === ' ')) return;
    if (e.key === ' ' || e.key === 'Enter' || e.key === 'r') { e.preventDefault(); toggle(qs[at]); }
    else if (e.key === 'ArrowRight' || e.key === 'PageDown' || e.key === 'n') { e.preventDefault(); show(at + 1); }
    else if (e.key === 'ArrowLeft' || e.key === 'PageUp' || e.key === 'p') { e.preventDefault(); show(at - 1); }
    else if (e.key === 'Home') { e.preventDefault(); show(0); }
    else if (e.key === 'End') { e.preventDefault(); show(qs.length - 1); }
  });
  show(0);
})();`;
