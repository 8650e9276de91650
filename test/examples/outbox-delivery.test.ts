import { expect, it } from 'vitest';
import { accountWithMissedCall, startDelivery } from '../../examples/outbox-delivery.js';
import type { OutboxNotice } from '../../src/index.js';

it('delivers a due notice once, and keeps it pending while the provider fails', async () => {
  const eventStore = await accountWithMissedCall();
  const sent: OutboxNotice[] = [];
  let failing = true;
  const delivery = startDelivery(
    eventStore,
    async (notice) => {
      if (failing) throw new Error('provider down');
      sent.push(notice);
    },
    () => '2025-04-21T10:01:00+03:00',
  );
  await delivery.subscription.caughtUp();
  await expect(delivery.deliverDue()).rejects.toThrow('provider down');
  expect(delivery.pending()).toBe(1);

  failing = false;
  await delivery.deliverDue();
  await delivery.deliverDue();
  await delivery.subscription.stop();
  expect(sent).toEqual([
    expect.objectContaining({
      id: 'call-1/incoming-missed-call/sms',
      recipient: '+79161234567',
      channel: 'sms',
      text: 'Вы звонили в «Ромашку». Мы перезвоним.',
    }),
  ]);
  expect(delivery.pending()).toBe(0);
});
