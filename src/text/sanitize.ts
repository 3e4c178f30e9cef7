/**
 * Content and user input may carry terminal escape sequences (a hostile content pack could
 * clear the screen or plant hyperlinks). Everything printed from data passes through here.
 */
// C0 controls except tab and newline, DEL, and C1 controls (0x9B is an 8-bit CSI).
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

export function clean(s: string): string {
  return s.replace(CONTROL, (c) => (c === '\u001b' ? '␛' : ''));
}
