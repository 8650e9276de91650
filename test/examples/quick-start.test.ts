import { afterEach, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.restoreAllMocks();
});

it('the README example runs as a program: a refusal with its reason, then the storage volume and the SMS balance', async () => {
  const printed: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((line: string) => {
    printed.push(line);
  });
  await import('../../examples/quick-start.js');
  expect(printed).toHaveLength(3);
  expect(printed[0]).toMatch(/^UnknownSmsPackage: /);
  expect(printed.slice(1)).toEqual(['Объем: 6.0 ГБ', 'ДОСТУПНО SMS: 3\u00a0000 ИЗ 3\u00a0000']);
});
