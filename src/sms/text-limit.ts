/**
 * How long a notification text may be. A leaf module: the decider refuses longer texts with it,
 * and a browser form shows it without loading the rest of the library.
 * @module
 */

/**
 * The longest text a notice may have, counted in characters as a person sees them (Unicode code
 * points, so an emoji counts once).
 */
export const MAX_NOTIFICATION_TEXT = 210;
