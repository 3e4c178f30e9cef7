/** kap's version, put in by the build (esbuild's define); tests that import the source see the dev one. */
declare const __KAP_VERSION__: string;
export const VERSION = typeof __KAP_VERSION__ === 'string' ? __KAP_VERSION__ : '0.0.0-dev';
