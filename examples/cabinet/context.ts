/**
 * What a screen is rendered from: the read models as of the last command, and what the last
 * request left to say (a refusal, or a question before deleting recordings).
 * @module
 */
import type { CabinetViews } from './cabinet.js';
import type { Confirmation, Notice } from './forms.js';
import type { Timeline } from './timeline.js';

/** Everything a screen reads. */
export interface PageContext {
  readonly views: CabinetViews;
  readonly timeline: Timeline;
  /** The instant of the latest action: the current period is the one containing it. */
  readonly now: string;
  /** The search in the numbers table. */
  readonly query: string;
  readonly notice: Notice | null;
  readonly confirmation: Confirmation | null;
}
