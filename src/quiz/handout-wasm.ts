/**
 * The Markdown handout's WebAssembly module (handout-wasm-code.ts) and its memory: the compile's
 * quiz-markdown.txt is read straight into it, and the module writes the handout there from it
 * (markdown-bank.ts says where everything is), and it leaves kap from there.
 */
import { Wasm } from '../wasm-bytes.js';
import { handoutModule } from './handout-wasm-code.js';
import { latin1, type Latin1Buffer } from '../text/utf8-text.js';

/** The module's bytes, made by the build (base64); tests, which run the sources, make them. */
declare const __KAP_HANDOUT_WASM__: string;
const moduleBytes = () => (typeof __KAP_HANDOUT_WASM__ === 'string' ? Buffer.from(__KAP_HANDOUT_WASM__, 'base64') : handoutModule());

const PAGE = 65536;

export type HandoutRun = (count: number, at: number, ids: number, seed: number, seedLength: number, base: number, table: number, pieces: number, rows: number, orders: number, out: number, size: number, tableRows: number) => number;

export class HandoutMemory {
  private constructor(
    private readonly memory: { buffer: ArrayBuffer; grow(pages: number): number },
    /** handout-wasm-code.ts c(). */
    readonly run: HandoutRun,
  ) {}

  /** Undefined where WebAssembly is not available (node --jitless). */
  static open(): HandoutMemory | undefined {
    try {
      const { m, c } = new Wasm.Instance(new Wasm.Module(moduleBytes())).exports as { m: HandoutMemory['memory']; c: HandoutRun };
      return new HandoutMemory(m, c);
    } catch {
      return undefined;
    }
  }

  /** The memory, at least `n` bytes of it (grown when it is smaller); a view is good until the next call. */
  bytes(n: number): Latin1Buffer {
    const have = this.memory.buffer.byteLength;
    if (have < n) this.memory.grow(Math.ceil((n - have) / PAGE));
    return latin1(Buffer.from(this.memory.buffer));
  }
}
