/**
 * What every screen's forms share: a form posts one action, and carries a fresh command id, so
 * a form sent twice (a double click, a reload) is handled once. The page works without
 * JavaScript: forms post, the server answers with the page.
 * @module
 */
import { randomUUID } from 'node:crypto';
import { type Html, html } from './html.js';

/** The page's sections, by their anchors. */
export type SectionId = 'tariff' | 'storage' | 'sms' | 'numbers' | 'bill';

/** A refusal shown in the section whose form was sent. */
export interface Notice {
  readonly section: SectionId;
  readonly text: string;
}

/**
 * A command refused because it would delete recordings: the page asks before sending it again
 * with the confirmation.
 */
export interface Confirmation {
  readonly section: SectionId;
  readonly action: string;
  /** The form's fields as sent (to send the same command again). */
  readonly fields: ReadonlyArray<readonly [string, string]>;
  /** What the refusal said would be deleted. */
  readonly text: string;
}

/** A form that posts `action` with a new command id. */
export const actionForm = (action: string, body: Html, className = 'inline'): Html =>
  html`<form method="post" action="/actions/${action}" class="${className}"><input type="hidden" name="commandId" value="${randomUUID()}">${body}</form>`;

/** Hidden inputs with the values a form always sends (which number, which scenario…). */
export const hidden = (fields: Readonly<Record<string, string>>): Html =>
  html`${Object.entries(fields).map(([name, value]) => html`<input type="hidden" name="${name}" value="${value}">`)}`;

/** An on/off switch: a button that sends the opposite of `on` as `enabled`. */
export const switchForm = (action: string, label: string, on: boolean, testId: string): Html =>
  actionForm(
    action,
    html`<button type="submit" name="enabled" value="${on ? 'false' : 'true'}" class="switch" role="switch" aria-checked="${on ? 'true' : 'false'}" data-testid="${testId}"><span class="knob"></span>${label}</button>`,
  );

/** The refusal of a section, if it is this one. */
export const noticeFor = (section: SectionId, notice: Notice | null): Html | null =>
  notice?.section === section
    ? html`<p class="refusal" role="alert" data-testid="refusal">${notice.text}</p>`
    : null;

/** The question before deleting recordings, if this section asked it. */
export const confirmationFor = (section: SectionId, confirmation: Confirmation | null): Html | null => {
  if (confirmation?.section !== section) return null;
  const fields = Object.fromEntries([...confirmation.fields, ['confirmEviction', 'true']]);
  return html`<div class="confirm" role="alertdialog" data-testid="confirm-eviction">
    <p>${confirmation.text}</p>
    ${actionForm(confirmation.action, html`${hidden(fields)}<button type="submit" class="danger">ДА, УДАЛИТЬ ЗАПИСИ</button>`)}
    <a class="button secondary" href="/#${section}">ОТМЕНА</a>
  </div>`;
};
