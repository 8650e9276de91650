/**
 * Regenerates docs/images/cabinet.png: the page of the demo account (3 000 calls, seed 42) in
 * the system Chromium, from the top through the storage and SMS dialogs.
 *
 *     npx tsx examples/cabinet/screenshot.ts [output.png]
 * @module
 */
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInMemoryEventStore } from '../../src/index.js';
import { openCabinet } from './cabinet.js';
import { launchChromium } from './chromium.js';
import { startServer } from './server.js';

const output = process.argv[2] ?? fileURLToPath(new URL('../../docs/images/cabinet.png', import.meta.url));
const cabinet = await openCabinet(createInMemoryEventStore(), { calls: 3000, seed: 42 });
const server = await startServer(cabinet, 0);
const browser = await launchChromium();
try {
  const page = await browser.context.newPage();
  await page.goto(server.url);
  await mkdir(dirname(output), { recursive: true });
  // From the top through the SMS dialog: the numbers table and the bill follow below.
  const sms = await page.locator('#sms').boundingBox();
  if (sms === null) throw new Error('the page has no SMS dialog');
  const height = Math.ceil(sms.y + sms.height + 20);
  await page.screenshot({ path: output, fullPage: true, clip: { x: 0, y: 0, width: 1280, height } });
  console.log(`saved ${output}`);
} finally {
  await browser.close();
  await server.close();
}
