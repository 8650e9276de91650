/**
 * Commands of SMS packages.
 * @module
 */
import { PositiveInt, strictType } from '../kernel/codecs.js';

/** Command payload codecs of this capability, by command type. */
export const smsCommands = {
  /** Buys a catalogue package (100, 500, 1 000 or 3 000 SMS); it becomes the one that renews. */
  PurchaseSmsPackage: strictType({ size: PositiveInt }),
};
