/**
 * A seeded month of calls, played through the command handler in time order. Calls arrive on
 * the МКН (routed first: `RouteIncomingCall`, so a client calling back within the window reaches
 * the operator who called), directly on employees' numbers, or go out from operators. A finished
 * call is reported with `RegisterCall`; an answered call that is recorded is stored with
 * `StoreRecording` (PCM 8 kHz 16-bit: 16 000 bytes a second), so storage fills, packs are added
 * automatically up to nine, and then the oldest recordings are evicted.
 * @module
 */
import { createAgenda } from './agenda.js';
import type { Prng } from './prng.js';
import type { Session } from './session.js';
import type { Roster } from './setup.js';

/** Bytes of recording per second of conversation. */
export const RECORDING_BYTES_PER_SECOND = 16_000;

/** What the month consists of. */
export interface MonthPlan {
  /** Calls planned (callbacks come on top). */
  readonly calls: number;
  /** Midnight (Moscow) of the first day of calls. */
  readonly firstDayMs: number;
  readonly days: number;
  readonly mainMkn: string;
  readonly freeMkn: string;
  /** Recording bytes per second of conversation (default {@link RECORDING_BYTES_PER_SECOND}). */
  readonly bytesPerSecond?: number;
  /**
   * When the first paid period ends: the scheduler sends `RenewSubscription` then, and at each
   * new `paidUntil` while it falls within the plan's days. Omit it for no renewals.
   */
  readonly renewAtMs?: number;
}

/** Hooks of {@link playMonth}. */
export interface PlayHooks {
  /** Told when a new day of calls starts (`day` of `days`), and at the end (`days` of `days`). */
  readonly onProgress?: (day: number, days: number) => void;
  /** Checked before each step; `true` ends the month early (e.g. a log generator has enough events). */
  readonly stop?: () => boolean;
}

/** What the month came to, counted from the commands' outcomes. */
export interface MonthStats {
  readonly commands: number;
  readonly calls: { incoming: number; direct: number; outgoing: number; callbacks: number };
  readonly outcomes: Record<string, number>;
  /** Events appended, by type. */
  readonly events: Record<string, number>;
  /** Commands refused, by error code. */
  readonly refused: Record<string, number>;
}

type Outcome = 'answered' | 'missed' | 'rejected' | 'busy' | 'failed';

interface Finish {
  readonly kind: 'finish';
  readonly callId: string;
  readonly direction: 'incoming' | 'outgoing';
  readonly line: 'multichannel' | 'direct';
  readonly mkn: string | null;
  readonly client: string;
  readonly operator: string;
  readonly outcome: Outcome;
  readonly startMs: number;
  readonly seconds: number;
  /** Where the recording comes from, if the call is recorded. */
  readonly recorded: { readonly kind: 'multichannel' | 'user'; readonly number: string } | null;
}

type Planned =
  | { readonly kind: 'renew' }
  | { readonly kind: 'incoming'; readonly client: string; readonly mkn: string; readonly callback: boolean }
  | { readonly kind: 'direct'; readonly client: string; readonly operator: string }
  | { readonly kind: 'outgoing'; readonly client: string; readonly operator: string }
  | Finish;

const DAY_MS = 86_400_000;
const OPENING_MS = 9 * 3_600_000;
const WORKING_SECONDS = 11 * 3_600;

/** Clients: `+792X XXX XX XX`, a permutation of indexes so numbers never repeat. */
const clientNumber = (index: number): string =>
  `+792${String((index * 7_919 + 1_234_567) % 100_000_000).padStart(8, '0')}`;

/** Calls per day: weekdays weigh 10, weekends 4; the remainder goes to the first days. */
const callsPerDay = (plan: MonthPlan): number[] => {
  const weights = Array.from({ length: plan.days }, (_, d) => {
    const weekday = new Date(plan.firstDayMs + d * DAY_MS + 3 * 3_600_000).getUTCDay();
    return weekday === 0 || weekday === 6 ? 4 : 10;
  });
  const total = weights.reduce((a, b) => a + b, 0);
  const counts = weights.map((w) => Math.floor((plan.calls * w) / total));
  let left = plan.calls - counts.reduce((a, b) => a + b, 0);
  for (let d = 0; left > 0; d = (d + 1) % plan.days, left--) counts[d] = (counts[d] ?? 0) + 1;
  return counts;
};

const bump = (counts: Record<string, number>, key: string, by = 1) => {
  counts[key] = (counts[key] ?? 0) + by;
};

/** Plays the month through `session`, drawing everything from `random`. */
export const playMonth = async (
  session: Session,
  roster: Roster,
  plan: MonthPlan,
  random: Prng,
  hooks: PlayHooks = {},
): Promise<MonthStats> => {
  const { onProgress, stop } = hooks;
  const endMs = plan.firstDayMs + plan.days * DAY_MS;
  const agenda = createAgenda<Planned>();
  // Few clients call often, many call once: the index is the lower of two uniform draws.
  const clients = Math.max(300, Math.floor(plan.calls / 4));
  const pickClient = () => clientNumber(Math.min(random.int(clients), random.int(clients)));
  const pickOperator = () => random.pick(roster.operators);

  if (plan.renewAtMs !== undefined && plan.renewAtMs < endMs) agenda.plan(plan.renewAtMs, { kind: 'renew' });
  for (const [day, count] of callsPerDay(plan).entries()) {
    const opensMs = plan.firstDayMs + day * DAY_MS + OPENING_MS;
    for (let i = 0; i < count; i++) {
      const atMs = opensMs + random.int(WORKING_SECONDS) * 1000;
      const r = random.int(1000);
      if (r < 550) {
        const mkn = random.chance(900) ? plan.mainMkn : plan.freeMkn;
        agenda.plan(atMs, { kind: 'incoming', client: pickClient(), mkn, callback: false });
      } else if (r < 650)
        agenda.plan(atMs, { kind: 'direct', client: pickClient(), operator: pickOperator() });
      else agenda.plan(atMs, { kind: 'outgoing', client: pickClient(), operator: pickOperator() });
    }
  }

  const stats = {
    calls: { incoming: 0, direct: 0, outgoing: 0, callbacks: 0 },
    outcomes: {} as Record<string, number>,
    events: {} as Record<string, number>,
    refused: {} as Record<string, number>,
  };
  let callNo = 0;
  let currentDay = -1;

  const send = async (type: string, data: unknown, atMs: number) => {
    const result = await session.send(
      type,
      data,
      atMs,
      type === 'RenewSubscription' ? 'billing' : 'telephony',
    );
    if (!result.ok) {
      bump(stats.refused, result.error.code);
      return [];
    }
    for (const event of result.handled.events) bump(stats.events, event.type);
    return result.handled.events;
  };
  const talk = () => 15 + random.int(90) + random.int(150) + random.int(210);
  const ring = () => 5 + random.int(30);

  for (let next = agenda.take(); next !== undefined && stop?.() !== true; next = agenda.take()) {
    const { atMs, item } = next;
    const today = Math.floor((atMs - plan.firstDayMs) / DAY_MS);
    if (today > currentDay) {
      currentDay = today;
      onProgress?.(today, plan.days);
    }
    switch (item.kind) {
      case 'renew': {
        const renewed = (await send('RenewSubscription', {}, atMs)).find(
          (e) => e.type === 'SubscriptionRenewed',
        );
        const paidUntilMs =
          renewed?.type === 'SubscriptionRenewed' ? Date.parse(renewed.data.paidUntil) : endMs;
        if (paidUntilMs < endMs) agenda.plan(paidUntilMs, { kind: 'renew' });
        break;
      }
      case 'incoming': {
        if (item.callback) stats.calls.callbacks += 1;
        else stats.calls.incoming += 1;
        const events = await send(
          'RouteIncomingCall',
          { client: item.client, multichannelNumber: item.mkn },
          atMs,
        );
        const routed = events.find((e) => e.type === 'IncomingCallRouted');
        const queue = routed?.type === 'IncomingCallRouted' ? routed.data.operator : null;
        // A call routed to the operator who called is answered more often: they expect it.
        const answered = random.chance(queue === null ? 780 : 920);
        const seconds = answered ? talk() : 0;
        agenda.plan(atMs + (ring() + seconds) * 1000, {
          kind: 'finish',
          callId: `call-${++callNo}`,
          direction: 'incoming',
          line: 'multichannel',
          mkn: item.mkn,
          client: item.client,
          operator: queue ?? pickOperator(),
          outcome: answered ? 'answered' : 'missed',
          startMs: atMs,
          seconds,
          recorded: answered ? { kind: 'multichannel', number: item.mkn } : null,
        });
        break;
      }
      case 'direct':
      case 'outgoing': {
        const outgoing = item.kind === 'outgoing';
        stats.calls[item.kind] += 1;
        const r = random.int(1000);
        const outcome: Outcome = outgoing
          ? r < 600
            ? 'answered'
            : r < 820
              ? 'missed'
              : r < 920
                ? 'rejected'
                : 'busy'
          : r < 700
            ? 'answered'
            : 'missed';
        const seconds = outcome === 'answered' ? talk() : 0;
        const shown = outgoing ? roster.callerId.get(item.operator) : undefined;
        const recorded = outcome === 'answered' && roster.recorded.has(item.operator);
        agenda.plan(atMs + (ring() + seconds) * 1000, {
          kind: 'finish',
          callId: `call-${++callNo}`,
          direction: outgoing ? 'outgoing' : 'incoming',
          line: shown === undefined ? 'direct' : 'multichannel',
          mkn: shown ?? null,
          client: item.client,
          operator: item.operator,
          outcome,
          startMs: atMs,
          seconds,
          recorded: recorded ? { kind: 'user', number: item.operator } : null,
        });
        break;
      }
      case 'finish': {
        bump(stats.outcomes, item.outcome);
        await send(
          'RegisterCall',
          {
            callId: item.callId,
            direction: item.direction,
            line: item.line,
            client: item.client,
            outcome: item.outcome,
            operator: item.operator,
            ...(item.mkn === null ? {} : { multichannelNumber: item.mkn }),
          },
          atMs,
        );
        if (item.recorded !== null) {
          await send(
            'StoreRecording',
            {
              recordingId: `rec-${item.callId}`,
              callId: item.callId,
              source: item.recorded,
              sizeBytes: item.seconds * (plan.bytesPerSecond ?? RECORDING_BYTES_PER_SECOND),
              durationSeconds: item.seconds,
              recordedAt: new Date(item.startMs).toISOString(),
            },
            atMs,
          );
        }
        // An unreached client with a caller-ID operator often calls the МКН back, sometimes too late.
        if (
          item.direction === 'outgoing' &&
          item.outcome !== 'answered' &&
          item.mkn !== null &&
          random.chance(450)
        ) {
          agenda.plan(atMs + random.between(2, 45) * 60_000, {
            kind: 'incoming',
            client: item.client,
            mkn: item.mkn,
            callback: true,
          });
        }
        break;
      }
    }
  }
  onProgress?.(plan.days, plan.days);
  return { commands: session.sent(), ...stats };
};
