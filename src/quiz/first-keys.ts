/**
 * The keys of a terminal quiz from the moment its first question is painted (before inquirer
 * and readline load: prompt-view.ts firstFrame) until that question's prompt reads them. The
 * prompt library drops what a terminal had buffered when a prompt starts (keys typed before it
 * was shown); here that happens before the paint, so a key pressed once the question is on
 * screen reaches the prompt as it would have had the prompt drawn the question itself.
 */
// node:events, not node:stream: loaded with Node already (node:stream costs a few ms to load).
import { EventEmitter } from 'node:events';

export type KeyInput = NodeJS.ReadableStream & { isTTY: true; setRawMode(mode: boolean): KeyInput };

/** Raw mode (as the prompt sets it) and the buffered keys dropped now; resolves once they are. */
export async function holdKeys(stdin: NodeJS.ReadStream): Promise<KeyInput> {
  stdin.setRawMode(true);
  const stale = () => {};
  stdin.on('data', stale);
  // One turn of the event loop reads what was waiting (the prompt library waits the same turn).
  await new Promise((r) => setImmediate(r));
  stdin.removeListener('data', stale);
  const held: Buffer[] = [];
  let reading = false;
  // An old-style stream (events only), like the library's own output stream: the prompt reads
  // it at once, without the turn that would drop the keys held here.
  const relay = new EventEmitter() as unknown as KeyInput & EventEmitter;
  const forward = (d: Buffer) => (reading ? relay.emit('data', d) : held.push(d));
  stdin.on('data', forward);
  return Object.assign(relay, {
    isTTY: true as const,
    get isRaw() {
      return stdin.isRaw;
    },
    setRawMode(mode: boolean) {
      stdin.setRawMode(mode);
      return relay;
    },
    // readline resumes its input when it starts, before the prompt listens for keys: held keys
    // follow once the prompt is set up.
    resume() {
      if (!reading) process.nextTick(() => held.splice(0).forEach((d) => relay.emit('data', d)));
      reading = true;
      return relay;
    },
    // The prompt is done: the terminal's stream is the next prompt's, as it would have been.
    pause() {
      stdin.removeListener('data', forward);
      stdin.pause();
      return relay;
    },
  });
}
