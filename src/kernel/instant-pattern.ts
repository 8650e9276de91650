/**
 * The instants the `Instant` codec admits, as one regular expression a JSON Schema validator in
 * any language can run: `YYYY-MM-DDTHH:mm`, optional `:ss` and a fraction of 1 to 9 digits, then
 * `Z` or an offset within ±18:00. Month lengths and leap years are in it (29 February only in a
 * leap year), so it admits exactly the real calendar instants the hand parser does.
 * @module
 */

/** Days 01–31 of the long months, 01–30 of the others, 01–28 of February. */
const ORDINARY_DATE =
  '[0-9]{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))';
/** 29 February: years divisible by 4 but not by 100, and years divisible by 400. */
const LEAP_DAY = '(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)-02-29';
const TIME = '(?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\\.[0-9]{1,9})?)?';
const OFFSET = '(?:Z|[+-](?:(?:0[0-9]|1[0-7]):[0-5][0-9]|18:00))';

/** The pattern (ECMA-262 syntax without lookaround, so portable to most regex engines). */
export const INSTANT_PATTERN = `^(?:${ORDINARY_DATE}|${LEAP_DAY})T${TIME}${OFFSET}$`;
