/**
 * Smart callback ("Умный перезвон"): the part of the state it owns.
 * @module
 */
import { type ChunkedMap, emptyChunkedMap } from '../kernel/collections/chunked-map.js';
import type { E164 } from '../numbers/phone-number.js';

/** An open window: a call back from `client` before `expiresAtMs` goes to `operator`'s queue. */
export interface CallbackWindow {
  operator: E164;
  /** The call that opened it. */
  callId: string;
  /** When the opening call ended. */
  openedAtMs: number;
  expiresAtMs: number;
  /** The МКН the client saw the call from (`null` when unknown). */
  multichannelNumber: E164 | null;
}

/** Smart callback of the account. */
export interface SmartCallbackSlice {
  enabled: boolean;
  /** 1–1 440 minutes, default 60. */
  windowMinutes: number;
  /** Monthly price in effect when enabled. */
  monthlyFee: number;
  /** The latest window per client. */
  windows: ChunkedMap<CallbackWindow>;
}

/** Off, 60-minute window. */
export const initialSmartCallbackSlice = (): SmartCallbackSlice => ({
  enabled: false,
  windowMinutes: 60,
  monthlyFee: 0,
  windows: emptyChunkedMap(),
});
