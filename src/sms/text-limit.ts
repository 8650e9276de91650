/**
 * How long a notification text may be. The decider refuses longer texts with it, and a browser
 * form shows it without loading the rest of the library (the limits table is a leaf module).
 * @module
 */
import { LIMITS } from '../kernel/limits.js';

/**
 * The longest text a notice may have, counted in characters as a person sees them (Unicode code
 * points, so an emoji counts once): the notification text's entry in the table of limits.
 */
export const MAX_NOTIFICATION_TEXT: number = LIMITS.notificationText;
