/**
 * The page: the source's «ТАРИФ И ОПЦИИ» with its tabs, then each screen in turn. Everything
 * is rendered on the server; `/cabinet.js` only adds the live SMS counter.
 * @module
 */
import type { PageContext } from './context.js';
import { type Html, html } from './html.js';
import { billScreen } from './screens/bill.js';
import { numbersScreen } from './screens/numbers.js';
import { smsScreen } from './screens/sms.js';
import { storageScreen } from './screens/storage.js';
import { tariffScreen } from './screens/tariff.js';

/** The whole page. */
export const renderPage = (ctx: PageContext): Html => html`<!doctype html>
<html lang="ru">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Тариф и опции — Корпоративная АТС «Ромашка»</title>
<link rel="stylesheet" href="/cabinet.css">
<script type="module" src="/cabinet.js"></script>
</head>
<body>
<header class="top">
  <p class="back">← НАСТРОЙКА АТС</p>
  <h1>ТАРИФ И ОПЦИИ</h1>
  <nav class="tabs">
    <a href="#tariff">Тариф и опции АТС</a>
    <a href="#numbers">Опции для номеров</a>
    <a href="#bill">Счёт и графики</a>
  </nav>
</header>
<main>
${tariffScreen(ctx)}
${storageScreen(ctx)}
${smsScreen(ctx)}
${numbersScreen(ctx)}
${billScreen(ctx)}
</main>
</body>
</html>
`;
