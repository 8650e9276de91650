/**
 * A delivery service: it follows the log, keeps the outbox of notices due (`notifications`), and
 * hands each notice to an SMS or Telegram provider, acknowledging it once sent. Embedded in
 * docs/integrating.md and run by test/examples/outbox-delivery.test.ts.
 * @module
 */
import {
  type AccountEvent,
  acknowledge,
  createCommandHandler,
  createInMemoryEventStore,
  dueNotices,
  type EventStore,
  notifications,
  type OutboxNotice,
} from '../src/index.js';

/** What a provider needs; `id` is stable per notice and channel, so the provider can deduplicate. */
export type Send = (notice: OutboxNotice) => Promise<void>;

// #region delivery
/** Follows `eventStore` and delivers notices that are due by `now()` through `send`. */
export const startDelivery = (eventStore: EventStore<AccountEvent>, send: Send, now: () => string) => {
  let outbox = notifications.initial; // one account here; keep one outbox per stream for many
  const subscription = eventStore.subscribe({
    onEvent: (event) => {
      outbox = notifications.apply(outbox, event);
    },
  });
  const deliverDue = async () => {
    for (const notice of dueNotices(outbox, now(), 100)) {
      await send(notice); // a failure leaves the notice pending: it is tried again next time
      outbox = acknowledge(outbox, notice);
    }
  };
  return { deliverDue, subscription, pending: () => dueNotices(outbox).length };
};
// #endregion delivery

/** An account whose missed call is due a notice; returns the store. */
export const accountWithMissedCall = async (): Promise<EventStore<AccountEvent>> => {
  const eventStore = createInMemoryEventStore<AccountEvent>();
  const handler = createCommandHandler({ eventStore });
  let n = 0;
  const send = async (type: string, data: unknown) => {
    const at = '2025-04-21T10:00:00+03:00';
    const result = await handler.handleUnknown({
      type,
      data,
      metadata: { commandId: `c${++n}`, accountId: 'acme', at, actor: 'admin' },
    })();
    if (result._tag === 'Left') throw new Error(result.left.message);
  };
  await send('OpenAccount', { tariffId: 'basic' });
  await send('AddMultichannelNumber', { number: '+7 495 100-00-00' });
  await send('PurchaseSmsPackage', { size: 500 });
  await send('ConfigureNotification', {
    scenario: 'incoming-missed-call',
    sms: true,
    telegram: false,
    text: 'Вы звонили в «Ромашку». Мы перезвоним.',
  });
  await send('RegisterCall', {
    callId: 'call-1',
    direction: 'incoming',
    line: 'multichannel',
    multichannelNumber: '+74951000000',
    client: '8 (916) 123-45-67',
    outcome: 'missed',
  });
  return eventStore;
};
