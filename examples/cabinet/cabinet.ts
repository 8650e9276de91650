/**
 * The account behind the page: the library's command handler over an event store, with the
 * read models kept inline (updated before `send` returns, so the page rendered right after a
 * command shows it). A new store is seeded with the demo's month first.
 *
 * Instants: the demo's month lies in April–May 2025, so the page's clock continues from the
 * account's latest event, one minute per action, rather than reading the wall clock (a real
 * service stamps each command with the time it was made). Every instant is written with
 * Moscow's offset, so its first ten characters are the account's day.
 * @module
 */
import { isLeft } from 'fp-ts/lib/Either.js';
import {
  type AccountEvent,
  type AccountHandlerError,
  accountStreamId,
  billing,
  createCommandHandler,
  createInlineProjector,
  type EventStore,
  history,
  initialViews,
  numberOptions,
  quotaUsage,
  type StoredAccountEvent,
  smsBalance,
  tariffCard,
  type ViewsOf,
  withInlineProjections,
} from '../../src/index.js';
import { moscowInstant } from '../month/session.js';
import { type SeedOptions, seedMonth } from './seed.js';
import { settings } from './settings.js';
import { createTimeline, type Timeline } from './timeline.js';

/** The read models the page is rendered from. */
export const CABINET_PROJECTIONS = {
  tariffCard,
  quotaUsage,
  smsBalance,
  numberOptions,
  billing,
  history,
  settings,
};

/** The views of {@link CABINET_PROJECTIONS}. */
export type CabinetViews = ViewsOf<typeof CABINET_PROJECTIONS>;

/** What a command sent from the page came to. */
export type Outcome =
  | { readonly ok: true; readonly events: readonly AccountEvent[] }
  | { readonly ok: false; readonly error: AccountHandlerError };

/** The demo account as the page sees it. */
export interface Cabinet {
  readonly accountId: string;
  /** The read models as of the last command. */
  views(): CabinetViews;
  readonly timeline: Timeline;
  /** The instant of the latest action: the statement's period and the charts' last day. */
  now(): string;
  /** Sends a command of the account through the handler; `commandId` makes a resubmitted form harmless. */
  send(type: string, data: unknown, commandId: string): Promise<Outcome>;
}

/** The demo's account. */
export const ACCOUNT_ID = 'romashka';
/** How far the page's clock moves per action. */
const ACTION_STEP_MS = 60_000;

const readStream = async (store: EventStore<AccountEvent>, streamId: string) => {
  const read = await store.readStream(streamId)();
  if (isLeft(read)) throw new Error(`cannot read ${streamId}: ${read.left.message}`);
  return read.right as readonly StoredAccountEvent[];
};

/** Opens the cabinet on `eventStore`, seeding the demo's month when the account is not there yet. */
export const openCabinet = async (
  eventStore: EventStore<AccountEvent>,
  seed: SeedOptions,
): Promise<Cabinet> => {
  const streamId = accountStreamId(ACCOUNT_ID);
  const handler = createCommandHandler({ eventStore });
  let stored = await readStream(eventStore, streamId);
  if (stored.length === 0) {
    await seedMonth(handler, ACCOUNT_ID, seed);
    stored = await readStream(eventStore, streamId);
  }

  // Catch up day by day, so that the charts get a sample for every day of the history.
  const projector = createInlineProjector(CABINET_PROJECTIONS);
  // The account is seeded above; before its first event is applied it reads as a new account.
  const views = () => projector.views(streamId) ?? initialViews(CABINET_PROJECTIONS);
  const timeline = createTimeline();
  let dayStart = 0;
  for (let i = 1; i <= stored.length; i++) {
    const day = stored[dayStart]?.metadata.at.slice(0, 10);
    if (i < stored.length && stored[i]?.metadata.at.slice(0, 10) === day) continue;
    projector.applyStored(stored.slice(dayStart, i));
    if (day !== undefined) timeline.record(day, views());
    dayStart = i;
  }

  const live = withInlineProjections(handler, projector);
  let lastMs = Date.parse(stored[stored.length - 1]?.metadata.at ?? '2025-04-21T09:00:00+03:00');
  return {
    accountId: ACCOUNT_ID,
    views,
    timeline,
    now: () => moscowInstant(lastMs),
    async send(type, data, commandId) {
      lastMs += ACTION_STEP_MS;
      const at = moscowInstant(lastMs);
      const metadata = { commandId, accountId: ACCOUNT_ID, at, actor: 'admin' };
      const result = await live.handleUnknown({ type, data, metadata })();
      if (isLeft(result)) return { ok: false, error: result.left };
      timeline.record(at.slice(0, 10), views());
      return { ok: true, events: result.right.events };
    },
  };
};
