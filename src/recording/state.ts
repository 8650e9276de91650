/**
 * Recording of incoming calls to МКН: the part of the state it owns.
 * @module
 */

/** The recording option. */
export interface RecordingSlice {
  enabled: boolean;
  /** Play "this call is recorded" to callers (on by default). */
  notice: boolean;
  /** Monthly price in effect when it was enabled. */
  monthlyFee: number;
}

/** Recording off. */
export const initialRecordingSlice = (): RecordingSlice => ({ enabled: false, notice: true, monthlyFee: 0 });
