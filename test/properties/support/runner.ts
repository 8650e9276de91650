/**
 * Runs generated steps the way a service would: raw input through `decodeCommand`, then
 * `decide` against the current (deep-frozen) state, then each event through `evolve`, one at a
 * time. Every event is checked where it stands, every state after it, a refusal must leave
 * nothing behind, and replaying the log must give the state the steps built.
 */
import { isLeft } from 'fp-ts/lib/Either.js';
import { type AccountCommand, decodeCommand } from '../../../src/account/commands.js';
import { type AccountDecider, createAccountDecider, replay } from '../../../src/account/decider.js';
import { type AccountEvent, decodeEvent } from '../../../src/account/events.js';
import type { AccountState } from '../../../src/account/state.js';
import type { Catalogue } from '../../../src/catalogue/catalogue.js';
import { defaultCatalogue } from '../../../src/catalogue/default-catalogue.js';
import { deepFreeze } from '../../../src/kernel/decider.js';
import { checkBilling } from './billing-checks.js';
import { firstDifference } from './compare.js';
import { checkEffect } from './effect-checks.js';
import { applyToModel, checkAlert, checkEvent, fail } from './event-checks.js';
import { emptyModel, type Model } from './model.js';
import { checkState } from './state-checks.js';
import type { Step } from './steps.js';
import { checkSuspended, checkTimeOrder } from './time-checks.js';

/** The account the sequences run on, and another one commands are sometimes sent to by mistake. */
export const ACCOUNT = 'acc-1';
const OTHER_ACCOUNT = 'acc-2';

/** Counts across runs: what the generator reached (so a weak generator shows). */
export interface Stats {
  readonly accepted: Record<string, number>;
  readonly refused: Record<string, number>;
  readonly invalid: Record<string, number>;
  readonly events: Record<string, number>;
  sequences: number;
  steps: number;
}

/** Empty statistics. */
export const emptyStats = (): Stats => ({
  accepted: {},
  refused: {},
  invalid: {},
  events: {},
  sequences: 0,
  steps: 0,
});

const bump = (counts: Record<string, number>, key: string) => {
  counts[key] = (counts[key] ?? 0) + 1;
};

/** The event's type, qualified by its reason where the reason matters for reach. */
const eventKey = (event: AccountEvent): string => {
  switch (event.type) {
    case 'SmsPackagePurchased':
    case 'IncomingCallRouted':
    case 'RecordingsEvicted':
    case 'NotificationSkipped':
    case 'StoragePackAdded':
      return `${event.type}:${event.data.reason}`;
    case 'NotificationSent':
      return `${event.type}:${event.data.channel}`;
    default:
      return event.type;
  }
};

/** An instant `ms` written with `offset` (`Z` or `±hh:mm`). */
export const instantAt = (ms: number, offset: string): string => {
  if (offset === 'Z') return new Date(ms).toISOString();
  const sign = offset.startsWith('-') ? -1 : 1;
  const minutes = sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
  return new Date(ms + minutes * 60_000).toISOString().replace('Z', offset);
};

/** A copy of plain data (the generated payloads are shared by fast-check between runs). */
const copy = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(copy);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) out[key] = copy(inner);
  return out;
};

/** The instant a step is stamped with when the sequence's clock reads `atMs`. */
export const stampOf = (step: Step, atMs: number): number => atMs - (step.rewindMs ?? 0);

/** The raw command a step stands for, at `atMs` (corrupted if the step says so). */
export const rawCommand = (step: Step, index: number, atMs: number): Record<string, unknown> => {
  const data = copy(step.data) as Record<string, unknown>;
  if (step.type === 'StoreRecording') data.recordedAt = instantAt(atMs + step.recordedOffsetMs, step.offset);
  const times = step.callTimes;
  if (step.type === 'RegisterCall' && times != null) {
    const startMs = atMs + times.startOffsetMs;
    data.startedAt = instantAt(startMs, step.offset);
    data.endedAt = instantAt(Math.min(atMs, startMs + times.durationMs), step.offset);
  }
  const raw: Record<string, unknown> = {
    type: step.type,
    data,
    metadata: {
      commandId: `cmd-${index}`,
      accountId: step.account === 'own' ? ACCOUNT : OTHER_ACCOUNT,
      at: instantAt(atMs, step.offset),
      actor: 'user-1',
    },
  };
  const c = step.corruption;
  if (c === null) return raw;
  const keys = Object.keys(data);
  const key = keys.length === 0 ? undefined : keys[('index' in c ? c.index : 0) % keys.length];
  switch (c.kind) {
    case 'drop-field':
      if (key === undefined) delete raw.data;
      else delete data[key];
      break;
    case 'wrong-type':
      if (key === undefined) raw.data = c.value;
      else data[key] = c.value;
      break;
    case 'extra-field':
      data[c.key] = 1;
      break;
    case 'unknown-type':
      raw.type = `${step.type}X`;
      break;
    case 'bad-instant':
      (raw.metadata as Record<string, unknown>).at = c.at;
      break;
  }
  return raw;
};

/** Corruptions that can never decode. */
const alwaysInvalid = (step: Step) =>
  step.corruption !== null && ['extra-field', 'unknown-type', 'bad-instant'].includes(step.corruption.kind);

/** What a run produced. */
export interface RunResult {
  readonly state: AccountState;
  readonly log: readonly AccountEvent[];
  readonly model: Model;
}

const deciders = new WeakMap<Catalogue, AccountDecider>();
const deciderFor = (catalogue: Catalogue): AccountDecider => {
  let decider = deciders.get(catalogue);
  if (decider === undefined) {
    decider = createAccountDecider(catalogue);
    deciders.set(catalogue, decider);
  }
  return decider;
};

/** Checks a refusal and the reason the decider gives before any capability is asked. */
const checkRefusal = (command: AccountCommand, state: AccountState, error: unknown): void => {
  const e = error as { _tag?: unknown; code?: unknown; message?: unknown; details?: { field?: unknown } };
  if (e._tag !== 'DomainError' || typeof e.code !== 'string' || e.code === '')
    fail('a refusal without a code');
  if (typeof e.message !== 'string' || e.message === '') fail(`${String(e.code)} without a message`);
  const field = e.details?.field;
  if (field !== undefined && (typeof field !== 'string' || !/^(data|metadata)(\.|$)/.test(field)))
    fail(`${String(e.code)} names field ${String(field)}`);
  const opened = state.tariff.accountId;
  if (command.type === 'OpenAccount') return;
  if (opened === null && e.code !== 'AccountNotOpened')
    fail(`${String(e.code)} before the account was opened`);
};

const checkAcceptance = (command: AccountCommand, state: AccountState): void => {
  const opened = state.tariff.accountId;
  if (command.type === 'OpenAccount') return;
  if (opened === null) fail(`${command.type} accepted before the account was opened`);
  if (opened !== command.metadata.accountId) fail(`${command.type} for another account accepted`);
};

/** The event round-trips through JSON and `decodeEvent` unchanged. */
const checkCodec = (event: AccountEvent): void => {
  const decoded = decodeEvent(JSON.parse(JSON.stringify(event)));
  if (isLeft(decoded)) fail(`${event.type} does not pass its own codec: ${decoded.left.message}`);
  else {
    const difference = firstDifference(decoded.right, event);
    if (difference !== undefined) fail(`${event.type} changes through its codec at ${difference}`);
  }
};

/** Options of {@link runSteps}. */
export interface RunOptions {
  /** Compare a full replay with the state every so many steps (always at the end); default 100. */
  readonly replayEvery?: number;
  readonly stats?: Stats;
  /** Prices the decider decides with (default `defaultCatalogue`). */
  readonly catalogue?: Catalogue;
  /** Check the bill at the end (default `true`; statements in one sequence out of five). */
  readonly billing?: boolean;
}

/** Runs `steps` from `startMs` (the instant of the first step), checking after every event. */
export const runSteps = (steps: readonly Step[], startMs: number, options: RunOptions = {}): RunResult => {
  const { stats, replayEvery = 100, catalogue = defaultCatalogue } = options;
  const decider = deciderFor(catalogue);
  const model = emptyModel();
  const log: AccountEvent[] = [];
  let state = deepFreeze(decider.initialState);
  let atMs = startMs;
  let latestMs = Number.NEGATIVE_INFINITY;
  steps.forEach((step, index) => {
    atMs += step.gapMs;
    const where = `step ${index} (${step.type})`;
    const stampMs = stampOf(step, atMs);
    const raw = rawCommand(step, index, stampMs);
    const decoded = decodeCommand(raw);
    if (isLeft(decoded)) {
      const { issues } = decoded.left;
      if (issues.length === 0) fail(`${where}: a validation error without issues`);
      for (const issue of issues)
        if (typeof issue.path !== 'string' || issue.path === '') fail(`${where}: an issue without a path`);
      if (stats !== undefined) bump(stats.invalid, step.type);
      return;
    }
    if (alwaysInvalid(step)) fail(`${where}: ${step.corruption?.kind} decoded`);
    const command = decoded.right;
    // The state is deep-frozen: a decision that writes to it throws here.
    const decision = decider.decide(command, state);
    try {
      checkTimeOrder(command, state, decision, stampMs, latestMs);
    } catch (error) {
      fail(`${where}: ${(error as Error).message}`);
    }
    if (isLeft(decision)) {
      try {
        checkRefusal(command, state, decision.left);
      } catch (error) {
        fail(`${where}: ${(error as Error).message}`);
      }
      if (stats !== undefined) bump(stats.refused, `${step.type}:${decision.left.code}`);
      return;
    }
    const events = decision.right;
    const before = state;
    try {
      checkAcceptance(command, state);
      events.forEach((event, i) => {
        const { metadata } = event;
        if (metadata.at !== command.metadata.at || metadata.commandId !== command.metadata.commandId)
          fail(`${event.type}: metadata is not the command's`);
        checkCodec(event);
        checkEvent(state, event, {
          command,
          atMs: Date.parse(command.metadata.at),
          model,
          events,
          index: i,
          catalogue,
        });
        applyToModel(model, event);
        state = deepFreeze(decider.evolve(state, event));
        checkState(state, model, catalogue);
        log.push(event);
        if (stats !== undefined) bump(stats.events, eventKey(event));
      });
      checkAlert(before, state, command, events);
      checkEffect(before, state, command, events);
      checkSuspended(before, command, events);
    } catch (error) {
      fail(`${where}, command ${JSON.stringify(command)}: ${(error as Error).message}`);
    }
    if (events.length > 0) latestMs = stampMs;
    if (stats !== undefined) bump(stats.accepted, step.type);
    if ((index + 1) % replayEvery === 0) checkReplay(log, state, where);
  });
  checkReplay(log, state, 'end');
  if (options.billing !== false) {
    try {
      checkBilling(log, state, atMs, steps.length % 5 === 0);
    } catch (error) {
      fail(`billing after ${steps.length} steps: ${(error as Error).message}`);
    }
  }
  if (stats !== undefined) {
    stats.sequences++;
    stats.steps += steps.length;
  }
  return { state, log, model };
};

/** Replaying the log from scratch gives the state built step by step. */
export const checkReplay = (log: readonly AccountEvent[], state: AccountState, where: string): void => {
  const difference = firstDifference(replay(log), state);
  if (difference !== undefined) fail(`${where}: replay differs from the step-by-step state at ${difference}`);
};
