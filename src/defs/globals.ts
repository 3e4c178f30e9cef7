/** The options every command takes (before or after its name), and the environment kap reads. */
import { collect, defineOptions, wholeNumber } from '../command-def.js';
import { MAX_WIDTH, MIN_WIDTH } from '../terminal.js';

export const GLOBAL_OPTIONS = defineOptions([
  { flags: '--no-color', description: 'no colour, even in a terminal' },
  { flags: '--width <columns>', description: 'wrap output at this width', parse: wholeNumber(MIN_WIDTH, MAX_WIDTH) },
  { flags: '--content <dir>', description: 'add a content pack (repeatable; later packs override earlier ones and the built-in content)', parse: collect, complete: 'dirs' },
  { flags: '--no-pager', description: 'never page long output in a terminal' },
]);

/** Every environment variable kap reads at run time (a test greps src/ for the ones it reads). */
export const ENVIRONMENT: readonly (readonly [string, string])[] = [
  ['NO_COLOR', 'no colour'],
  ['FORCE_COLOR', 'colour even when piped (0: none)'],
  ['TERM', 'dumb: no colour'],
  ['COLUMNS', 'width when stdout is not a terminal'],
  ['KAP_PAGER', 'pager for long output in a terminal (empty: none); before PAGER'],
  ['PAGER', 'pager when KAP_PAGER is unset (default: less -R -F -K)'],
  ['LESSCHARSET', 'passed to less (default UTF-8)'],
  ['KAP_CONTENT_PATH', 'content packs, colon-separated (before any --content)'],
  ['KAP_CACHE_DIR', 'where compiled packs are cached'],
  ['XDG_CACHE_HOME', 'cache base when KAP_CACHE_DIR is unset (else ~/.cache)'],
  ['XDG_DATA_HOME', 'data base when KAP_DATA_DIR is unset (else ~/.local/share)'],
  ['HOME', 'home folder, for the default cache'],
  ['KAP_DATA', 'a compiled content folder instead of the packaged one'],
  ['KAP_DEBUG', '1: stack traces for internal errors'],
  ['KAP_DATA_DIR', "where kap review keeps each student's history (else $XDG_DATA_HOME/kap, else ~/.local/share/kap)"],
];
