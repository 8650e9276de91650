/**
 * Counts as the seed's screens write them: thousands grouped with a no-break space (`3 000`).
 * (The library groups the same way inside its own texts; this is for counts the page shows
 * on their own.)
 * @module
 */

/** `3000` → `3 000`, `142` → `142`. */
export const grouped = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
