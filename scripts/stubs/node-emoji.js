// marked-terminal's :emoji: replacement is turned off (emoji: false); this stub keeps its data out of the bundle.
export function emojify(s) {
  return s;
}
export function get() {
  return undefined;
}
