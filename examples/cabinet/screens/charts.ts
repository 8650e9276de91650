/**
 * Two inline-SVG charts over the days of the current period: storage used against the quota,
 * and the SMS balance — each day's value as it stood at the end of the day (the timeline the
 * page records from the read models). Days still ahead are left blank.
 * @module
 */
import { formatCount, formatGigabytes, GIB, type Period } from '../../../src/index.js';
import { moscowInstant } from '../../month/session.js';
import type { PageContext } from '../context.js';
import { type Html, html } from '../html.js';

const WIDTH = 640;
const HEIGHT = 180;
const PAD = { left: 48, right: 12, top: 12, bottom: 24 };

interface Series {
  readonly name: string;
  readonly className: string;
  /** One value per day of the period; `undefined` where there is none (yet). */
  readonly values: readonly (number | undefined)[];
}

/** A line chart of `series` over `days`, its y axis from 0 to the largest value. */
const lineChart = (
  title: string,
  days: readonly string[],
  series: readonly Series[],
  label: (value: number) => string,
): Html => {
  const top = Math.max(1, ...series.flatMap((s) => s.values.filter((v): v is number => v !== undefined)));
  const x = (i: number) => PAD.left + (i * (WIDTH - PAD.left - PAD.right)) / Math.max(1, days.length - 1);
  const y = (v: number) => HEIGHT - PAD.bottom - (v * (HEIGHT - PAD.top - PAD.bottom)) / top;
  const path = (values: readonly (number | undefined)[]) =>
    values
      .map((v, i) => (v === undefined ? '' : `${x(i).toFixed(1)},${y(v).toFixed(1)}`))
      .filter((p) => p !== '')
      .join(' ');
  const ticks = [0, Math.floor((days.length - 1) / 2), days.length - 1];
  return html`<figure class="chart"><figcaption>${title}</figcaption>
  <svg viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${title}">
    <line class="axis" x1="${PAD.left}" y1="${y(0)}" x2="${WIDTH - PAD.right}" y2="${y(0)}"></line>
    <line class="grid" x1="${PAD.left}" y1="${y(top)}" x2="${WIDTH - PAD.right}" y2="${y(top)}"></line>
    <text class="tick" x="${PAD.left - 6}" y="${y(top) + 4}" text-anchor="end">${label(top)}</text>
    <text class="tick" x="${PAD.left - 6}" y="${y(0) + 4}" text-anchor="end">0</text>
    ${ticks.map(
      (i) =>
        html`<text class="tick" x="${x(i)}" y="${HEIGHT - 6}" text-anchor="${i === 0 ? 'start' : i === days.length - 1 ? 'end' : 'middle'}">${(days[i] ?? '').slice(8, 10)}.${(days[i] ?? '').slice(5, 7)}</text>`,
    )}
    ${series.map((s) => html`<polyline class="${s.className}" points="${path(s.values)}"></polyline>`)}
  </svg>
  <p class="legend">${series.map((s) => html`<span class="${s.className}">${s.name}</span>`)}</p></figure>`;
};

/** The charts of `period`, up to the latest action. */
export const chartsScreen = (ctx: PageContext, period: Period): Html => {
  const today = ctx.now.slice(0, 10);
  // Each day's date in the account's zone (Moscow: the demo writes every instant with its offset).
  const days = period.dayStarts.slice(0, period.days).map((ms) => moscowInstant(ms).slice(0, 10));
  const samples = days.map((day) => (day <= today ? ctx.timeline.at(day) : undefined));
  const gigabytes = (v: number) => `${formatGigabytes(v, 0)} ГБ`;
  return html`<div class="charts">
  ${lineChart(
    'Хранилище записей',
    days,
    [
      { name: 'занято', className: 'used', values: samples.map((s) => s?.usedBytes) },
      { name: 'объём', className: 'quota', values: samples.map((s) => s?.quotaBytes) },
    ],
    (v) => gigabytes(Math.ceil(v / GIB) * GIB),
  )}
  ${lineChart(
    'Баланс SMS',
    days,
    [{ name: 'доступно SMS', className: 'sms', values: samples.map((s) => s?.smsAvailable) }],
    (v) => formatCount(v),
  )}
</div>`;
};
