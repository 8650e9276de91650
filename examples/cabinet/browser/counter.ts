/// <reference lib="dom" />
/**
 * The page's live part, bundled for the browser: under each notification text, the counter
 * «71 символ (2 SMS-сообщения)» and «71 / 210» are recounted as the user types, by the very
 * function the server rendered them with (the library's `describeSmsText`, GSM 03.38 / UCS-2).
 * @module
 */
import { describeSmsText } from '../../../src/sms/entry.js'; // pbx-options/sms: a few KB, no phone or date code

const recount = (textarea: HTMLTextAreaElement): void => {
  const form = textarea.closest('form');
  const counter = form?.querySelector('[data-sms-counter]');
  const limit = form?.querySelector('[data-sms-limit]');
  if (!counter || !limit) return;
  const described = describeSmsText(textarea.value);
  counter.textContent = described.counter;
  limit.textContent = described.limit;
  limit.classList.toggle('over', !described.fits);
};

document.addEventListener('input', (event) => {
  if (event.target instanceof HTMLTextAreaElement && event.target.hasAttribute('data-sms-text')) {
    recount(event.target);
  }
});
