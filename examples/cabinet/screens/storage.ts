/**
 * The storage dialog «Хранение записей разговоров»: volume, packs connected, monthly charge, a
 * bar per part with «свободно X из Y ГБ», the auto-add flag, ПОДКЛЮЧИТЬ / ОТКЛЮЧИТЬ per pack,
 * and the question before a removal deletes recordings — from the quota usage read model.
 * @module
 */
import {
  defaultCatalogue,
  formatCount,
  formatGigabytes,
  formatPrice,
  formatQuota,
  heldCount,
  quotaParts,
} from '../../../src/index.js';
import type { PageContext } from '../context.js';
import { actionForm, confirmationFor, noticeFor, switchForm } from '../forms.js';
import { type Html, html } from '../html.js';

/** `Объем: 6.0 ГБ` → «Объем:» and a bold «6.0 ГБ», as the dialog sets them. */
const labelled = (text: string, testId: string): Html => {
  const at = text.indexOf(': ');
  return html`<span>${text.slice(0, at + 1)} <b data-testid="${testId}">${text.slice(at + 2)}</b></span>`;
};

const packCard = (title: string, fee: number, button: Html | null): Html =>
  html`<div class="pack"><p><b>${title}</b></p><p class="muted">Абонентская плата</p><p>${formatPrice(fee)}</p>${button}</div>`;

/** The storage dialog. */
export const storageScreen = (ctx: PageContext): Html => {
  const view = ctx.views.quotaUsage;
  const text = formatQuota(view);
  const parts = quotaParts(view);
  const offer = defaultCatalogue.storagePack;
  const packTitle = (bytes: number) => `Пакет +${formatGigabytes(bytes, 0)} ГБ`;
  const last = view.packs.length - 1;
  return html`<section id="storage" class="card">
  <header class="section-head"><h2>Хранение записей разговоров</h2></header>
  ${noticeFor('storage', ctx.notice)}${confirmationFor('storage', ctx.confirmation)}
  <p class="figures-line">${labelled(text.volume, 'storage-volume')} ${labelled(text.packs, 'storage-packs')} ${labelled(text.monthlyCharge, 'storage-fee')}</p>
  <div class="parts">${parts.map(
    (part, i) => html`<div class="part">
      <span class="part-name">${part.kind === 'base' ? 'Тариф' : `Пакет ${part.index}`}</span>
      <progress value="${part.usedBytes}" max="${part.totalBytes}" title="занято ${formatGigabytes(part.usedBytes, 2)} ГБ"></progress>
      <small>${text.parts[i] ?? ''}</small>
    </div>`,
  )}</div>
  <p class="muted">Записей хранится: ${formatCount(heldCount(view))}. Удалено старых, чтобы освободить место: ${formatCount(view.evicted.length)}.</p>
  ${switchForm('auto-add-packs', 'Автоматическое подключение дополнительных пакетов при заполнении хранилища', ctx.views.settings.autoAddPacks, 'auto-add-packs')}
  <h3>Подключённые пакеты</h3>
  <div class="packs">
    ${view.packs.map((pack, i) =>
      packCard(
        packTitle(pack.sizeBytes),
        pack.monthlyFee,
        i === last
          ? actionForm('remove-pack', html`<button type="submit" class="secondary">ОТКЛЮЧИТЬ</button>`)
          : null,
      ),
    )}
    ${packCard(
      packTitle(offer.sizeBytes),
      offer.monthlyFee,
      actionForm('add-pack', html`<button type="submit" data-testid="add-pack">ПОДКЛЮЧИТЬ</button>`),
    )}
  </div>
  <p class="muted small">Пакеты отключаются по одному, начиная с подключённого последним.</p>
</section>`;
};
