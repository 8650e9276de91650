/**
 * A tagged template for the page's markup: every interpolated string or number is escaped, so a
 * name, a number or a notification text typed by a user can never break out into markup.
 * Fragments built with `html` (and lists of them) are interpolated as they are.
 * @module
 */

/** Markup that is safe to interpolate as it is (built by {@link html}). */
export interface Html {
  readonly markup: string;
}

/** What may be interpolated: text (escaped), markup, lists of either, or nothing. */
export type Interpolated = string | number | Html | null | undefined | false | readonly Interpolated[];

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for an element's content or a quoted attribute value. */
export const escapeText = (text: string): string => text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);

const render = (value: Interpolated): string => {
  if (value === null || value === undefined || value === false) return '';
  if (typeof value === 'string') return escapeText(value);
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.map(render).join('');
  return (value as Html).markup;
};

/** Builds markup; interpolations are escaped unless they are markup themselves. */
export const html = (strings: TemplateStringsArray, ...values: readonly Interpolated[]): Html => {
  let markup = strings[0] ?? '';
  values.forEach((value, i) => {
    markup += render(value) + (strings[i + 1] ?? '');
  });
  return { markup };
};
