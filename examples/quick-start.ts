/**
 * The README's example, a whole program: a service that takes commands through the command
 * handler and keeps read models up to date by following the event store, then prints them. Run
 * with `npx tsx examples/quick-start.ts`; test/examples/quick-start.test.ts runs it and checks
 * what it prints. The region `service` is embedded in README.md by `npm run docs:embed`.
 * @module
 */
// #region service
import {
  type AccountEvent,
  createCommandHandler,
  createInMemoryEventStore,
  formatQuota,
  formatSmsBalance,
  quotaUsage,
  smsBalance,
} from '../src/index.js';

const eventStore = createInMemoryEventStore<AccountEvent>(); // or pbx-options/postgres
const handler = createCommandHandler({ eventStore });

// Read models follow the store: a catch-up subscription applies each event as it is appended.
let quota = quotaUsage.initial;
let sms = smsBalance.initial;
const subscription = eventStore.subscribe({
  onEvent: (event) => {
    quota = quotaUsage.apply(quota, event);
    sms = smsBalance.apply(sms, event);
  },
});

// Commands come from outside (HTTP, a queue): untrusted JSON, validated by the handler.
let n = 0;
const send = (type: string, data: unknown) =>
  handler.handleUnknown({
    type,
    data,
    metadata: {
      commandId: `cmd-${++n}`,
      accountId: 'acme',
      at: '2025-04-21T10:00:00+03:00',
      actor: 'admin',
    },
  })();

await send('OpenAccount', { tariffId: 'basic' });
await send('AddStoragePack', {});
await send('PurchaseSmsPackage', { size: 3000 });
const refused = await send('PurchaseSmsPackage', { size: 250 });
// UnknownSmsPackage: there is no package of 250 SMS (offered: 100, 500, 1000, 3000)
if (refused._tag === 'Left') console.log(`${refused.left.code}: ${refused.left.message}`);

await subscription.caughtUp();
await subscription.stop();
console.log(formatQuota(quota).volume); // Объем: 6.0 ГБ
console.log(formatSmsBalance(sms)); // ДОСТУПНО SMS: 3 000 ИЗ 3 000
// #endregion service
