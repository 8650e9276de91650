import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const ENTRY = 'src/sms/entry.ts';
const LIMIT_BYTES = 10 * 1024;

/** The entry bundled as a web page would bundle it: minified, for the browser, tree-shaken. */
const bundle = async (contents?: string) => {
  const result = await build({
    ...(contents === undefined
      ? { entryPoints: [ENTRY] }
      : { stdin: { contents, resolveDir: process.cwd(), loader: 'ts' as const } }),
    bundle: true,
    minify: true,
    platform: 'browser',
    format: 'esm',
    write: false,
    metafile: true,
    charset: 'utf8',
    logLevel: 'silent',
  });
  const [output] = result.outputFiles;
  if (output === undefined) throw new Error('esbuild wrote nothing');
  return {
    bytes: output.contents.byteLength,
    inputs: Object.keys(result.metafile.inputs),
    code: output.text,
  };
};

describe('the pbx-options/sms entry point', () => {
  it('bundles to at most 10 KB minified for the browser', async () => {
    const { bytes } = await bundle();
    expect(bytes).toBeGreaterThan(0);
    expect(bytes).toBeLessThanOrEqual(LIMIT_BYTES);
  });

  it('loads nothing of phone numbers, dates, io-ts, fp-ts or the read models: only SMS code and the limits table', async () => {
    const { inputs } = await bundle();
    expect(inputs.filter((path) => path.includes('node_modules'))).toEqual([]);
    expect(inputs.filter((path) => !/^src\/(sms|texts)\/|^src\/kernel\/limits\.ts$/.test(path))).toEqual([]);
    expect(inputs).toContain('src/sms/segments.ts');
  });

  it('importing only countSmsSegments keeps the dialog texts out', async () => {
    const { code } = await bundle(
      `import { countSmsSegments } from './${ENTRY}'; console.log(countSmsSegments('Привет'));`,
    );
    expect(code).not.toContain('символ');
    expect(code).toContain('GSM-7');
  });

  it('runs in the bundle as it does from source', async () => {
    const { code } = await bundle();
    const url = `data:text/javascript;base64,${Buffer.from(code).toString('base64')}`;
    const sms = (await import(url)) as typeof import('../../src/sms/entry.js');
    expect(
      sms.describeSmsText('Спасибо за звонок! Мы перезвоним вам в течение 15 минут. Компания').counter,
    ).toBe('65 символов (1 SMS-сообщение)');
    expect(sms.countSmsSegments('a'.repeat(161))).toEqual({
      encoding: 'GSM-7',
      segments: 2,
      characters: 161,
    });
    expect(sms.MAX_NOTIFICATION_TEXT).toBe(210);
  });
});
