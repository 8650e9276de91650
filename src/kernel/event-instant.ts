/**
 * Epoch milliseconds of the instants events carry, as recipes read them: a replay reads one or
 * two per event, so this is on the hottest path there is. An event's instant was checked when
 * the event was, so it is read by position, without the full parser's checks, when it has the
 * shape services write (seconds, then `Z` or `±hh:mm`); the day number of the last date read is
 * remembered (a month of events has thirty dates). Any other shape goes to the full parser.
 * Remembering the last text read as well did not pay: consecutive reads are mostly of different
 * instants (a call's start, then its notice's), and telling two equal-length texts apart costs
 * about what reading one does.
 * @module
 */
import { instantMs } from './codecs.js';
import { daysFromCivil } from './instant.js';

const MS_PER_DAY = 86_400_000;

// The date last read, as the number YYYYMMDD, and its day number since 1970-01-01.
let lastDate = -1;
let lastDays = 0;

const digitAt = (s: string, at: number): number => s.charCodeAt(at) - 48;
const twoAt = (s: string, at: number): number => digitAt(s, at) * 10 + digitAt(s, at + 1);

/**
 * {@link instantMs} of an instant already validated (an event's): the same number, read faster.
 * `YYYY-MM-DDTHH:mm:ss` then `Z` (20 characters) or `±hh:mm` (25) is read by position. Not for
 * unchecked input: a text of the right length is not checked character by character.
 */
export const eventInstantMs = (s: string): number => {
  const n = s.length;
  let offsetMinutes = 0;
  if (n === 25) {
    const sign = s.charCodeAt(19);
    if (sign !== 43 && sign !== 45) return instantMs(s); // '+', '-'; else a fraction
    offsetMinutes = twoAt(s, 20) * 60 + twoAt(s, 23);
    if (sign === 45) offsetMinutes = -offsetMinutes;
  } else if (n !== 20 || s.charCodeAt(19) !== 90) {
    return instantMs(s); // not `…:ssZ`
  }
  const year = twoAt(s, 0) * 100 + twoAt(s, 2);
  const month = twoAt(s, 5);
  const day = twoAt(s, 8);
  const date = year * 10_000 + month * 100 + day;
  if (date !== lastDate) {
    lastDays = daysFromCivil(year, month, day);
    lastDate = date;
  }
  const minutes = twoAt(s, 11) * 60 + twoAt(s, 14) - offsetMinutes;
  return lastDays * MS_PER_DAY + (minutes * 60 + twoAt(s, 17)) * 1000;
};
