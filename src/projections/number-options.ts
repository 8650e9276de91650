/**
 * `numberOptions`: the PBX's "Опции для номеров" table — every user number with its full
 * name, department and kind, and its four options (АОН, call recording, short number, melody);
 * per option the count of numbers and the monthly sum (each number at the price in effect when
 * its option was turned on). Listing and search are in `number-search.ts`.
 * @module
 */
import type { AccountEvent } from '../account/events.js';
import {
  type ChunkedMap,
  deleteEntry,
  emptyChunkedMap,
  getEntry,
  setEntry,
} from '../kernel/collections/chunked-map.js';
import type { NumberKind, NumberOption } from '../numbers/state.js';
import { createProjection } from './projection.js';

/** One row of the table. An option is `null` when off, else carries its price in effect. */
export interface NumberRow {
  number: string;
  fullName: string;
  department: string;
  kind: NumberKind;
  /** Arrival order: the table lists numbers in the order they were added. */
  seq: number;
  callerId: { monthlyFee: number; multichannelNumber: string | null } | null;
  recording: { monthlyFee: number } | null;
  shortNumber: { monthlyFee: number; code: string | null } | null;
  melody: { monthlyFee: number; melodyId: string | null } | null;
}

/** Per option: how many numbers have it and their monthly sum, kopecks. */
export interface OptionTotal {
  count: number;
  monthlySum: number;
}

/** The numbers table (mutable form; callers get it read-only). */
export interface NumberOptionsDraft {
  rows: ChunkedMap<NumberRow>;
  nextSeq: number;
  totals: Record<NumberOption, OptionTotal>;
  /** Uploaded melodies: id → name. */
  melodies: ChunkedMap<string>;
}

const initial = (): NumberOptionsDraft => ({
  rows: emptyChunkedMap(),
  nextSeq: 0,
  totals: {
    callerId: { count: 0, monthlySum: 0 },
    recording: { count: 0, monthlySum: 0 },
    shortNumber: { count: 0, monthlySum: 0 },
    melody: { count: 0, monthlySum: 0 },
  },
  melodies: emptyChunkedMap(),
});

const turnOff = (view: NumberOptionsDraft, row: NumberRow, option: NumberOption): void => {
  const on = row[option];
  if (on === null) return;
  view.totals[option].count -= 1;
  view.totals[option].monthlySum -= on.monthlyFee;
  row[option] = null;
};

const turnOn = (
  view: NumberOptionsDraft,
  row: NumberRow,
  option: NumberOption,
  fee: number,
  callerId: string | null,
) => {
  turnOff(view, row, option);
  if (option === 'callerId') row.callerId = { monthlyFee: fee, multichannelNumber: callerId };
  else if (option === 'shortNumber') row.shortNumber = { monthlyFee: fee, code: null };
  else if (option === 'melody') row.melody = { monthlyFee: fee, melodyId: null };
  else row.recording = { monthlyFee: fee };
  view.totals[option].count += 1;
  view.totals[option].monthlySum += fee;
};

const recipe = (view: NumberOptionsDraft, event: AccountEvent): void => {
  switch (event.type) {
    case 'NumberAdded': {
      const d = event.data;
      setEntry(view.rows, d.number, {
        number: d.number,
        fullName: d.fullName,
        department: d.department,
        kind: d.kind,
        seq: view.nextSeq,
        callerId: null,
        recording: null,
        shortNumber: null,
        melody: null,
      });
      view.nextSeq += 1;
      return;
    }
    case 'NumberRemoved': {
      const row = getEntry(view.rows, event.data.number);
      if (row === undefined) return;
      for (const option of ['callerId', 'recording', 'shortNumber', 'melody'] as const)
        turnOff(view, row, option);
      deleteEntry(view.rows, event.data.number);
      return;
    }
    case 'NumberOptionEnabled': {
      const { option, numbers, monthlyFee, callerIdNumber } = event.data;
      for (const number of numbers) {
        const row = getEntry(view.rows, number);
        if (row !== undefined) turnOn(view, row, option, monthlyFee, callerIdNumber);
      }
      return;
    }
    case 'NumberOptionDisabled':
      for (const number of event.data.numbers) {
        const row = getEntry(view.rows, number);
        if (row !== undefined) turnOff(view, row, event.data.option);
      }
      return;
    case 'CallerIdNumberSet': {
      const callerId = getEntry(view.rows, event.data.number)?.callerId;
      if (callerId) callerId.multichannelNumber = event.data.multichannelNumber;
      return;
    }
    case 'ShortNumberAssigned': {
      const shortNumber = getEntry(view.rows, event.data.number)?.shortNumber;
      if (shortNumber) shortNumber.code = event.data.shortNumber;
      return;
    }
    case 'NumberMelodySet': {
      const melody = getEntry(view.rows, event.data.number)?.melody;
      if (melody) melody.melodyId = event.data.melodyId;
      return;
    }
    case 'MelodyUploaded':
      setEntry(view.melodies, event.data.melodyId, event.data.name);
      return;
    default:
      return;
  }
};

/** The options-for-numbers table. */
export const numberOptions = createProjection({ name: 'numberOptions', initial: initial(), recipe });

/** The numbers table view. */
export type NumberOptions = typeof numberOptions.initial;
