/** kap(1), in roff (man macros), from the command definitions: written by the build to dist/kap.1. */
import { COMMANDS, ENVIRONMENT, GLOBAL_OPTIONS } from './command-table.js';
import type { CommandSpec, OptionSpec } from './command-def.js';
import { EXIT_CODES } from './exit-codes.js';

/** Text safe in roff: backslashes, a leading dot or quote, and dashes that are options. */
export function roff(s: string): string {
  const t = s.replaceAll('\\', '\\e').replaceAll('-', '\\-');
  return t.replace(/^([.'])/gm, '\\&$1');
}

const bold = (s: string) => `\\fB${roff(s)}\\fR`;

function optionItem(o: OptionSpec): string {
  const [flag, value] = o.flags.split(' ');
  const choices = o.choices ?? o.values;
  const extra = [choices && `one of: ${choices.join(', ')}`, o.default !== undefined && `default: ${String(o.default)}`].filter(Boolean).join('; ');
  return `.TP\n${bold(flag!)}${value ? ` \\fI${roff(value.slice(1, -1))}\\fR` : ''}\n${roff(o.description)}${extra ? ` (${roff(extra)})` : ''}`;
}

function commandSection(path: string[], c: CommandSpec): string[] {
  if (c.hidden) return [];
  const name = [...path, c.name].join(' ');
  const out = [`.SS "${roff(`kap ${name}`)}${c.args.length ? ` ${roff(c.args.map((a) => a.syntax).join(' '))}` : ''}"`, roff(c.description.replace(/^./, (ch) => ch.toUpperCase())) + '.'];
  for (const a of c.args) out.push(`.TP\n\\fI${roff(a.syntax)}\\fR\n${roff(a.description)}${a.default ? ` (default: ${roff(a.default)})` : ''}`);
  out.push(...c.options.map(optionItem));
  if (c.help) out.push('.PP', ...c.help.split('\n').map(roff));
  if (c.examples?.length) out.push('.PP', 'Examples:', '.RS', '.nf', ...c.examples.map(roff), '.fi', '.RE');
  for (const s of c.subcommands ?? []) out.push(...commandSection([...path, c.name], s));
  return out;
}

export function manPage(version: string, date: Date, commands: readonly CommandSpec[] = COMMANDS): string {
  const day = date.toISOString().slice(0, 10);
  const visible = commands.filter((c) => !c.hidden);
  return [
    `.TH KAP 1 "${day}" "kap ${roff(version)}" "User Commands"`,
    '.SH NAME',
    'kap \\- ketamine\\-assisted psychotherapy, explained: topics with their evidence, quizzes and citations',
    '.SH SYNOPSIS',
    `${bold('kap')} [\\fIoptions\\fR] \\fIcommand\\fR [\\fIarguments\\fR]`,
    '.br',
    `${bold('kap')} ${bold('--version')} | ${bold('--help')}`,
    '.SH DESCRIPTION',
    'kap is psychoeducation and reference on ketamine\\-assisted psychotherapy in the terminal: each topic with its evidence and sources, a quiz, and formatted citations.',
    'It is education, not medical advice.',
    '.SH COMMANDS',
    ...visible.map((c) => `.TP\n${bold(c.name)}\n${roff(c.description)}`),
    '.SH GLOBAL OPTIONS',
    ...GLOBAL_OPTIONS.map(optionItem),
    '.TP\n\\fB\\-v\\fR, \\fB\\-\\-version\\fR\nprint the version',
    '.TP\n\\fB\\-h\\fR, \\fB\\-\\-help\\fR\nshow help (also: \\fBkap help\\fR \\fIcommand\\fR)',
    '.SH COMMAND DETAILS',
    ...visible.flatMap((c) => commandSection([], c)),
    '.SH EXIT STATUS',
    ...EXIT_CODES.map(([code, what]) => `.TP\n${code}\n${roff(what)}`),
    '.SH ENVIRONMENT',
    ...ENVIRONMENT.map(([name, what]) => `.TP\n${bold(name)}\n${roff(what)}`),
    '.SH SEE ALSO',
    `${bold('less')}(1); shell completion: ${bold('kap completion bash|zsh|fish')}`,
    '',
  ].join('\n');
}
