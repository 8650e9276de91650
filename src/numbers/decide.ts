/**
 * Decisions of multichannel numbers, user numbers and their options.
 * @module
 */
import type { Decisions } from '../account/decision.js';
import type { numbersCommands } from './commands.js';
import { decideAddMultichannelNumber, decideSetMainMultichannelNumber } from './multichannel.js';
import { decideDisableNumberOption, decideEnableNumberOption } from './number-options.js';
import {
  decideAssignShortNumber,
  decideSetCallerIdNumber,
  decideSetNumberMelody,
  decideUploadMelody,
} from './option-settings.js';
import { decideRemoveMultichannelNumber } from './remove-multichannel.js';
import { decideAddNumber, decideRemoveNumber } from './user-numbers.js';

/** Decisions of this capability, by command type. */
export const numbersDecisions: Decisions<keyof typeof numbersCommands> = {
  AddMultichannelNumber: decideAddMultichannelNumber,
  SetMainMultichannelNumber: decideSetMainMultichannelNumber,
  RemoveMultichannelNumber: decideRemoveMultichannelNumber,
  AddNumber: decideAddNumber,
  RemoveNumber: decideRemoveNumber,
  EnableNumberOption: decideEnableNumberOption,
  DisableNumberOption: decideDisableNumberOption,
  SetCallerIdNumber: decideSetCallerIdNumber,
  AssignShortNumber: decideAssignShortNumber,
  UploadMelody: decideUploadMelody,
  SetNumberMelody: decideSetNumberMelody,
};
