/** The safety layer per content item and its painting: pure functions over plain data. */
import { describe, expect, it } from 'vitest';
import { HELP_BLOCKS, NOTICE } from '../../src/safety/index.js';
import { helpForClaim, helpForModule, helpForQuestion, helpForTerm } from '../../src/safety/items.js';
import { helpJson, helpMarkdown, helpText, safetyFields } from '../../src/safety/paint.js';
import { makeTheme } from '../../src/render/theme.js';

const q = (over: object = {}) => ({ question: 'What does the label say?', explanation: 'It says X.', choices: [{ text: 'A' }, { text: 'B', why: 'No.' }], ...over });

describe('help per item', () => {
  it('a question: its text, choices, "why not", explanation and formatted sources all count', () => {
    expect(helpForQuestion(q())).toEqual([]);
    expect(helpForQuestion(q({ choices: [{ text: 'A' }, { text: 'B', why: 'That is about overdose.' }] }))).toEqual(['emergency']);
    expect(helpForQuestion(q({ sources: [{ reference: 'Price (2009). Effects on suicidality.' }] }))).toEqual(['crisis']);
    expect(helpForQuestion(q({ sources: ['price2009'] }))).toEqual([]);
  });
  it('compiled flags are read, not recomputed', () => {
    expect(helpForQuestion(q({ help: ['crisis'] }))).toEqual(['crisis']);
    expect(helpForTerm({ term: 'Suicidal ideation', aliases: [], definition: '', help: [] })).toEqual([]);
    expect(helpForClaim({ text: 'misuse', help: [] })).toEqual([]);
  });
  it('a term: its name, aliases and definition; a claim: with the article quote and correction', () => {
    expect(helpForTerm({ term: 'SI', aliases: ['suicidal thoughts'], definition: 'x' })).toEqual(['crisis']);
    expect(helpForClaim({ text: 'x', article: { quote: 'y', correction: 'dependence is described' } })).toEqual(['emergency']);
  });
  it('a module: body, claims and the sources it lists', () => {
    const m = { title: 'T', summary: 's', body: 'b', claims: [] };
    expect(helpForModule(m)).toEqual([]);
    expect(helpForModule(m, ['Fu (2020). Patients who have active suicidal ideation.'])).toEqual(['crisis']);
  });
});

describe('painting', () => {
  it('terminal: bold spans through the theme, a blank line between blocks', () => {
    expect(helpText(['crisis', 'emergency'], makeTheme(false))).toEqual([...HELP_BLOCKS.crisis.lines, '', ...HELP_BLOCKS.emergency.lines].map((l) => l.replace(/\*\*/g, '')));
    expect(helpText(['crisis'], makeTheme(true)).join('\n')).toContain('\u001b[1m988\u001b[22m');
    expect(helpText([], makeTheme(true))).toEqual([]);
  });
  it('Markdown: one blockquote per block; JSON: plain lines and the notice', () => {
    expect(helpMarkdown(['emergency'])[0]).toBe(`> ${HELP_BLOCKS.emergency.lines[0]}\n>`);
    expect(helpJson(['crisis'])[0]!.lines.join(' ')).not.toContain('**');
    expect(safetyFields([])).toEqual({ help: [], notice: NOTICE });
  });
});
