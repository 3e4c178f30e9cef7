// node:util as inquirer imports it (styleText, stripVTControlCharacters). Node's styleText
// decides colour through internal/util/colors, whose first use creates process.stderr: a second
// terminal stream, made before kap's first quiz question for nothing. This styleText decides
// the same way (FORCE_COLOR, else the stream's colour depth, as Node 20's shouldColorize) and
// lets Node style the text. It does not check that `stream` is a stream (inquirer passes none).
import { stripVTControlCharacters, styleText as nodeStyleText } from 'node:util';

export { stripVTControlCharacters };

function shouldColorize(stream) {
  if (process.env.FORCE_COLOR !== undefined) return require('node:tty').WriteStream.prototype.getColorDepth() > 2;
  return stream?.isTTY && (typeof stream.getColorDepth === 'function' ? stream.getColorDepth() > 2 : true);
}

export function styleText(format, text, { validateStream = true, stream = process.stdout } = {}) {
  // Node checks the format and the text first, and styles a list of formats without asking.
  const styled = nodeStyleText(format, text, { validateStream: false });
  if (Array.isArray(format) || !validateStream) return styled;
  return stream && shouldColorize(stream) ? styled : text;
}
