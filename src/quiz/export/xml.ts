/** XML text for the XML formats (Moodle XML, QTI). */

// XML 1.0 allows tab, newline and carriage return among the C0 controls, and no other.
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export const xmlText = (s: string): string => s.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
export const xmlAttr = (s: string): string => xmlText(s).replace(/"/g, '&quot;');

/** An identifier safe in an XML attribute and a file name: letters, digits, `-`, `_`, `.`. */
export const xmlIdent = (s: string): string => s.replace(/[^A-Za-z0-9_.-]/g, '_');
