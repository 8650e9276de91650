/**
 * Snapshot texts are written in ASCII only: the same JSON value, read back faster. Checked on
 * any JSON value (Cyrillic, emoji, lone surrogates, control characters, DEL) without a server.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asciiJson } from '../../src/postgres/ascii-json.js';

describe('ASCII-only JSON text', () => {
  it('means the same JSON value and holds no character past U+007F', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.string({ unit: 'binary' }), (value, text) => {
        for (const json of [JSON.stringify(value), JSON.stringify({ [text]: [text, value] })]) {
          const ascii = asciiJson(json);
          expect(JSON.parse(ascii)).toEqual(JSON.parse(json));
          expect([...ascii].every((c) => c.charCodeAt(0) < 0x80)).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('escapes each UTF-16 unit, and leaves ASCII (DEL included) as it is', () => {
    expect(asciiJson('{"name":"Бизнес 🙂"}')).toBe(
      '{"name":"\\u0411\\u0438\\u0437\\u043d\\u0435\\u0441 \\ud83d\\ude42"}',
    );
    const ascii = '\u007f{"a":[1,"b\\n",null]}';
    expect(asciiJson(ascii)).toBe(ascii);
  });
});
