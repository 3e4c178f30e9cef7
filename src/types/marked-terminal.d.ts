declare module 'marked-terminal' {
  const Renderer: new (options: Record<string, unknown>, highlightOptions?: Record<string, unknown>) => unknown;
  export default Renderer;
  export function markedTerminal(options?: Record<string, unknown>, highlightOptions?: Record<string, unknown>): unknown;
}
