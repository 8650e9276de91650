/**
 * Bundles the page's browser script with esbuild (what tsup builds with), in memory, once at
 * start: the library's SMS counter and nothing else (the rest of the package is shaken off).
 * @module
 */
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/** The browser script, as JavaScript. */
export const bundleBrowserScript = async (): Promise<string> => {
  const result = await build({
    entryPoints: [fileURLToPath(new URL('./browser/counter.ts', import.meta.url))],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    logLevel: 'silent',
  });
  const [output] = result.outputFiles;
  if (output === undefined) throw new Error('esbuild produced no output for the browser script');
  return output.text;
};
