// cli-table3 measures cells with string-width, whose emoji regular expression costs several
// milliseconds to compile on first use. This version counts the same way for kap's text:
// ANSI codes and zero-width marks count 0, East Asian wide and emoji code points count 2.
'use strict';
const ANSI = /\u001b\[[0-9;]*m|\u001b\]8;[^\u0007\u001b]*(?:\u0007|\u001b\\)/g;

function isWide(c) {
  return (
    (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0x303e) || (c >= 0x3041 && c <= 0x33ff) ||
    (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xa000 && c <= 0xa4cf) ||
    (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || (c >= 0x1f300 && c <= 0x1f64f) ||
    (c >= 0x1f900 && c <= 0x1f9ff) || (c >= 0x20000 && c <= 0x3fffd)
  );
}

function isZeroWidth(c) {
  return c <= 0x1f || (c >= 0x7f && c <= 0x9f) || (c >= 0x300 && c <= 0x36f) || (c >= 0x200b && c <= 0x200f) || (c >= 0xfe00 && c <= 0xfe0f);
}

module.exports = function stringWidth(s) {
  if (typeof s !== 'string' || s.length === 0) return 0;
  const plain = s.includes('\u001b') ? s.replace(ANSI, '') : s;
  let width = 0;
  for (const ch of plain) {
    const c = ch.codePointAt(0);
    if (!isZeroWidth(c)) width += isWide(c) ? 2 : 1;
  }
  return width;
};
