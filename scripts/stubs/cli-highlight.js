// marked-terminal imports cli-highlight (and with it highlight.js, ~1 MB) for code blocks.
// kap's content has no code to colour: code blocks are printed as they are.
export function highlight(code) {
  return code;
}
