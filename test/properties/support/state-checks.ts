/**
 * Invariants of the account state, checked after every event: storage within its quota and in
 * agreement with the shadow model, a balance that is never negative, short numbers unique and
 * 4 digits, `added` numbers without caller ID or recording, settings within their bounds.
 */
import type { AccountState } from '../../../src/account/state.js';
import type { Catalogue } from '../../../src/catalogue/catalogue.js';
import { chunkedEntries } from '../../../src/kernel/collections/chunked-map.js';
import { countSmsSegments } from '../../../src/sms/segments.js';
import { fail, quotaOf } from './event-checks.js';
import type { Model } from './model.js';

const isCount = (n: number): boolean => Number.isSafeInteger(n) && n >= 0;

const checkStorage = (state: AccountState, model: Model, catalogue: Catalogue): void => {
  const { storage } = state;
  const packs = storage.packs.length;
  if (packs < 0 || packs > catalogue.storagePack.maxPacks) fail(`${packs} packs`);
  const quota = quotaOf(state);
  if (storage.usedBytes > quota) fail(`used ${storage.usedBytes} > quota ${quota}`);
  let used = 0;
  let pinned = 0;
  let count = 0;
  for (const [id, held] of chunkedEntries(storage.recordings)) {
    const expected = model.held.get(id);
    if (expected === undefined) fail(`state holds ${id}, which no event stored (or it was evicted/deleted)`);
    else if (expected.sizeBytes !== held.sizeBytes || expected.pinned !== held.pinned)
      fail(`held ${id} differs from its events`);
    used += held.sizeBytes;
    if (held.pinned) pinned += held.sizeBytes;
    count++;
  }
  if (count !== model.held.size) fail(`state holds ${count} recordings, events say ${model.held.size}`);
  if (count !== storage.recordings.size) fail('recordings.size is not the count of entries');
  if (used !== storage.usedBytes) fail(`usedBytes ${storage.usedBytes} ≠ Σ held ${used}`);
  if (pinned !== storage.pinnedBytes) fail(`pinnedBytes ${storage.pinnedBytes} ≠ Σ pinned ${pinned}`);
};

const checkNumbers = (state: AccountState): void => {
  const { users, shortNumbers, multichannel, mainMultichannel } = state.numbers;
  const codes = new Set<string>();
  for (const [number, user] of Object.entries(users)) {
    if (user.number !== number) fail(`user ${number} keyed under another number`);
    if (user.kind === 'added' && (user.callerId !== null || user.recording !== null))
      fail(`added number ${number} has caller ID or recording`);
    const cid = user.callerId?.multichannelNumber;
    if (cid != null && !multichannel.includes(cid)) fail(`${number} shows ${cid}, not an МКН of the account`);
    const code = user.shortNumber?.code ?? null;
    if (code === null) continue;
    if (!/^\d{4}$/.test(code)) fail(`short number ${code} is not 4 digits`);
    if (codes.has(code)) fail(`short number ${code} given twice`);
    codes.add(code);
    if (shortNumbers[code] !== number) fail(`short number ${code} is not indexed to ${number}`);
  }
  if (Object.keys(shortNumbers).length !== codes.size) fail('the short-number index holds freed numbers');
  if (new Set(multichannel).size !== multichannel.length) fail('an МКН listed twice');
  if (mainMultichannel === null ? multichannel.length > 0 : !multichannel.includes(mainMultichannel))
    fail(`main МКН ${mainMultichannel} is not one of the account's`);
  for (const number of multichannel) if (Object.hasOwn(users, number)) fail(`${number} is both МКН and user`);
};

const checkSettings = (state: AccountState, model: Model): void => {
  const { sms, notifications, smartCallback, tariff, calls } = state;
  if (!isCount(sms.balance)) fail(`SMS balance ${sms.balance}`);
  for (const [scenario, settings] of Object.entries(notifications.scenarios)) {
    if ((settings.sms || settings.telegram) && settings.text.trim().length === 0)
      fail(`${scenario} is on with an empty text`);
    const count = countSmsSegments(settings.text);
    if (count.characters > 210) fail(`${scenario} text has ${count.characters} characters`);
    if (settings.segments !== count.segments)
      fail(`${scenario} segments ${settings.segments} ≠ ${count.segments}`);
    if (!settings.telegram && settings.telegramMonthlyFee !== 0)
      fail(`${scenario} charges Telegram while off`);
  }
  const { incoming, outgoing } = notifications.visitCardMonths;
  if (![incoming, outgoing].every((m) => Number.isInteger(m) && m >= 1 && m <= 12)) fail('visit-card months');
  for (const minutes of Object.values(notifications.suppressionMinutes))
    if (!Number.isInteger(minutes) || minutes < 0 || minutes > 1440) fail(`suppression ${minutes}`);
  const window = smartCallback.windowMinutes;
  if (!Number.isInteger(window) || window < 1 || window > 1440) fail(`callback window ${window}`);
  if (!smartCallback.enabled && smartCallback.windows.size !== 0) fail('callback windows open while off');
  for (const [client, window] of chunkedEntries(smartCallback.windows)) {
    const mkn = window.multichannelNumber;
    if (mkn !== null && !state.numbers.multichannel.includes(mkn))
      fail(`the window of ${client} was opened through ${mkn}, no longer an МКН of the account`);
  }
  const subscription = tariff.subscription;
  if (subscription !== null && Date.parse(subscription.periodStart) >= Date.parse(subscription.paidUntil))
    fail(`period ${subscription.periodStart} – ${subscription.paidUntil} is empty`);
  if (calls.registered !== model.registered)
    fail(`${calls.registered} calls registered, events say ${model.registered}`);
};

/** Checks every state invariant; throws naming the first broken one. */
export const checkState = (state: AccountState, model: Model, catalogue: Catalogue): void => {
  checkStorage(state, model, catalogue);
  checkNumbers(state);
  checkSettings(state, model);
};
