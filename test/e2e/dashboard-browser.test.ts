// Issue #17, acceptance 2: a real browser (Debian's chromium, driven by playwright-core, which
// downloads nothing) opens the dashboard served by the real process with seeded data, at a
// phone's 390×844: with valid initData in the #tgWebAppData hash (as Telegram provides it) the
// seeded ranking rows appear; with forged initData the page shows the refusal. The screenshot
// goes to test-results/dashboard-ranking.png. In CI the test never skips; locally it skips only
// when chromium is not installed (`apt-get install -y chromium`).
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TelegramServer } from '../support/telegram-test-server.ts';
import { startBotProcess, waitFor, type BotProcess } from '../support/bot-process.ts';
import { prepareDashboardDatabase, PROVINCE_TELEGRAM_ID, SUBMITTED, type DashboardFixture } from '../support/dashboard-fixture.ts';
import { createSignedLinks } from '../../bot/platform/signed-links.ts';
import { createDashboardLinks } from '../../bot/platform/dashboard/dashboard-link.ts';
import { initDataFor, signInitData } from '../support/init-data.ts';
import { testPortBase } from '../support/test-port.ts';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const inCi = process.env['CI'] === 'true';
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium && !inCi) console.warn(`dashboard browser test skipped: no chromium at ${CHROMIUM} (apt-get install -y chromium)`);

const token = '123456:E2E-dashboard-browser';
const linkSecret = 'dashboard-browser-secret-0123456789abcdef';

/** The width an <img> was drawn from (0 while loading or broken); evaluated by the page's own engine, not eval (the CSP forbids it). */
const drawnWidth = (img: Locator): Promise<number> =>
  img.evaluate((node) => {
    const i = node as unknown as { complete: boolean; naturalWidth: number };
    return i.complete ? i.naturalWidth : 0;
  });
const resultsDir = path.resolve('test-results');

describe.skipIf(!haveChromium && !inCi)('dashboard in a real browser (chromium)', () => {
  let server: TelegramServer;
  let bot: BotProcess;
  let browser: Browser;
  let fixture: DashboardFixture;
  const apiPort = testPortBase();
  const port = apiPort + 1;
  const base = `http://127.0.0.1:${port}`;

  beforeAll(async () => {
    server = new TelegramServer({ port: apiPort, host: '127.0.0.1', storeTimeout: 600 });
    await server.start();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'egov-dash-br-'));
    const env = {
      DATABASE_URL: `file:${path.join(dir, 'dash.db')}`,
      TELEGRAM_BOT_TOKEN: token,
      TELEGRAM_API_ROOT: `http://127.0.0.1:${apiPort}`,
      PORT: String(port),
      FILE_LINK_SECRET: linkSecret,
      PUBLIC_BASE_URL: base,
      EVIDENCE_DIR: path.join(dir, 'evidence'),
    };
    fixture = await prepareDashboardDatabase(env.DATABASE_URL, new Date(), env.EVIDENCE_DIR);
    bot = startBotProcess(env);
    await waitFor(
      async () =>
        fetch(`${base}/readyz`).then(
          (r) => r.ok,
          () => false,
        ),
      20_000,
      'ready',
    );
    // In CI a missing chromium fails here, loudly, instead of skipping.
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'] });
  });
  afterAll(async () => {
    await browser?.close();
    if (bot?.proc.exitCode === null) await bot.stop();
    await server?.stop();
  });

  const phone = () => browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });

  it('with valid initData the seeded ranking is shown; a screenshot is written', async () => {
    const page = await phone();
    const initData = initDataFor(token, PROVINCE_TELEGRAM_ID);
    await page.goto(`${base}/app/#tgWebAppData=${encodeURIComponent(initData)}&tgWebAppVersion=8.0&tgWebAppPlatform=android`);
    const rows = page.locator('#ranking-rows tr');
    await rows.first().waitFor({ state: 'visible', timeout: 20_000 });
    const codes = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-code')));
    expect(codes).toHaveLength(8);
    // The seeded submissions lead, best answers first, each with its rank.
    const best = [...SUBMITTED].sort((a, b) => b[1] - a[1]).map(([code]) => code);
    expect(codes.slice(0, 3)).toEqual(best);
    expect(await rows.first().locator('td').first().textContent()).toBe('1');
    expect(await rows.first().textContent()).toContain('Xã Thạch Đài');
    mkdirSync(resultsDir, { recursive: true });
    await page.screenshot({ path: path.join(resultsDir, 'dashboard-ranking.png'), fullPage: false });
    // The chart comes through a signed link from this server (the page's CSP allows nothing else).
    await expect.poll(() => drawnWidth(page.locator('img.chart')), { timeout: 20_000 }).toBeGreaterThan(0);
    // A tap on a row opens the unit's answers; the status tab shows the countdown.
    await rows.first().click();
    await page.locator('#unit .criterion, .criterion').first().waitFor({ state: 'visible', timeout: 20_000 });
    expect(await page.locator('#unit h2').textContent()).toBe('Xã Thạch Đài');
    expect(await page.locator('.criterion').first().textContent()).toContain('Giải trình của đơn vị.');
    // The stored photo is drawn inline through its signed link.
    await expect.poll(() => drawnWidth(page.locator('.thumbs img').first()), { timeout: 20_000 }).toBe(48);
    await page.screenshot({ path: path.join(resultsDir, 'dashboard-unit.png') });
    await page.locator('#tab-status').click();
    await page.locator('section[data-level="commune"] .countdown').waitFor({ state: 'visible', timeout: 20_000 });
    expect(await page.locator('section[data-level="commune"] .countdown').textContent()).toMatch(/Còn \d+ ngày làm việc/);
    await page.screenshot({ path: path.join(resultsDir, 'dashboard-status.png') });
    // English: the words come from locales/en/dashboard.json, the figures stay.
    await page.locator('#lang').click();
    await page.locator('#tab-ranking:text-is("Ranking")').waitFor({ timeout: 20_000 });
    await page.locator('section[data-level="commune"] .countdown').waitFor({ state: 'visible', timeout: 20_000 });
    expect(await page.locator('section[data-level="commune"] .countdown').textContent()).toMatch(/\d+ working days left/);
    await page.close();
  });

  it('a /dashboard link (other channels) opens the same page for its person, in a plain browser', async () => {
    const links = createSignedLinks(linkSecret);
    const link = createDashboardLinks(links, base, 600).link(fixture.districtPersonId, new Date());
    const page = await phone();
    await page.goto(link.url);
    const rows = page.locator('#ranking-rows tr');
    await rows.first().waitFor({ state: 'visible', timeout: 20_000 });
    // Thạch Hà's coordinator: its three communes only.
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-code')))).toEqual(['X-THACHDAI', 'X-THACHKHE', 'X-THACHLIEN']);
    // The page keeps working on its session (another tab, a reload), while the link itself is spent.
    await page.click('#tab-status');
    await page.locator('section[data-level="commune"] .countdown').waitFor({ state: 'visible', timeout: 20_000 });
    await page.reload();
    await rows.first().waitFor({ state: 'visible', timeout: 20_000 });
    await page.close();
    const other = await phone();
    await other.goto(link.url);
    const refusal = other.locator('#refusal');
    await refusal.waitFor({ state: 'visible', timeout: 20_000 });
    expect(await refusal.getAttribute('data-error')).toBe('used');
    expect(await refusal.textContent()).toContain('đã được mở một lần');
    await other.close();
  });

  it('forged initData shows the refusal and no ranking', async () => {
    const page = await phone();
    const forged = signInitData('999999:not-this-bot', {
      auth_date: String(Math.floor(Date.now() / 1000)),
      user: JSON.stringify({ id: PROVINCE_TELEGRAM_ID, first_name: 'Lan' }),
    });
    await page.goto(`${base}/app/#tgWebAppData=${encodeURIComponent(forged)}`);
    const refusal = page.locator('#refusal');
    await refusal.waitFor({ state: 'visible', timeout: 20_000 });
    expect(await refusal.textContent()).toContain('Từ chối truy cập');
    expect(await page.locator('#ranking-rows tr').count()).toBe(0);
    mkdirSync(resultsDir, { recursive: true });
    await page.screenshot({ path: path.join(resultsDir, 'dashboard-refused.png') });
    await page.close();
  });
});
