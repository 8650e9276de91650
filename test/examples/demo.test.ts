import { describe, expect, it } from 'vitest';
import { monthOfCalls } from '../../examples/month-of-calls.js';

describe('npm run demo (examples/month-of-calls.ts), at a smaller size', () => {
  it('prints the same output twice for the same seed, byte for byte, and another for another seed', async () => {
    // Large recordings, so that 1 500 calls fill all nine packs and evict, as 30 000 do.
    const options = { calls: 1_500, seed: 42, bytesPerSecond: 400_000 };
    const first = await monthOfCalls(options);
    const second = await monthOfCalls(options);
    expect(second).toBe(first);
    expect(first).toContain('Подключено пакетов: 9');
    expect(first).toMatch(/удалено старых, чтобы освободить место: [1-9]/);
    const other = await monthOfCalls({ calls: 1_500, seed: 43 });
    expect(other).not.toBe(first);
  });

  it("prints the source's screens", async () => {
    const output = await monthOfCalls({ calls: 1_000, seed: 7 });
    for (const line of [
      'Мой тариф: «Базовый»',
      'Оплачен до 21.05.2025',
      'Всего 142 номера',
      'Итого в месяц: ',
      'Объем: ',
      'Подключено пакетов: ',
      'Плата в месяц: ',
      'Объём тарифа: свободно ',
      'ДОСТУПНО SMS: ',
      'СЧЁТ ЗА ПЕРИОД 21.04.2025–20.05.2025 (30 ДНЕЙ)',
      'Тариф «Базовый»',
      'Пакет 3\u00a0000 SMS',
      'ИСТОРИЯ (ПОСЛЕДНИЕ 12 ИЗ ',
      'Отказано в командах: нет',
    ]) {
      expect(output).toContain(line);
    }
    expect(output).toMatch(/ДОСТУПНО SMS: [\d\u00a0]+ ИЗ 3\u00a0000/);
    expect(output).toMatch(/Перезвонили и попали к своему оператору: [1-9]/);
  });
});
