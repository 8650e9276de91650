import { expect, it } from 'vitest';
import { quickStart } from '../../examples/quick-start.js';

it('the README example runs: a refusal with its reason, then the storage volume and the SMS balance', async () => {
  const printed: string[] = [];
  await quickStart((line) => printed.push(line));
  expect(printed).toHaveLength(3);
  expect(printed[0]).toMatch(/^UnknownSmsPackage: /);
  expect(printed.slice(1)).toEqual(['Объем: 6.0 ГБ', 'ДОСТУПНО SMS: 3\u00a0000 ИЗ 3\u00a0000']);
});
