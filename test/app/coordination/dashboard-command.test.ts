// Issue #17: /dashboard answers a coordinator with a signed link for them only (any channel);
// /status, /ranking and /dashboard offer the Mini App button; others are refused.
import { beforeAll, describe, expect, it } from 'vitest';
import { dashboardCommand } from '../../../bot/app/coordination/dashboard-command.ts';
import type { CoordinationDeps } from '../../../bot/app/coordination/coordination-context.ts';
import { VIETNAM_CALENDAR } from '../../../core/calendar/working-days.ts';
import { createDashboardLinks, webAppUrl } from '../../../bot/platform/dashboard/dashboard-link.ts';
import { createSignedLinks } from '../../../bot/platform/signed-links.ts';
import { createTranslator } from '../../../bot/platform/i18n.ts';
import type { CommandContext } from '../../../bot/app/command-port.ts';
import { createHarness, type Harness } from '../support/use-case-harness.ts';

const start = new Date('2026-11-24T03:00:00.000Z');
const links = createSignedLinks('dashboard-command-secret-0123456789abcdef');

describe('/dashboard', () => {
  let h: Harness;
  let coordinator: string;
  beforeAll(async () => {
    h = await createHarness(start);
    coordinator = await h.join(1, 'H-THACHHA', 'coordinator');
    await h.join(2, 'X-THACHDAI', 'reporter');
  });
  const deps = (withLinks: boolean): CoordinationDeps => ({
    repos: h.repos,
    calendar: VIETNAM_CALENDAR,
    botUsername: 'b',
    translate: (_l, k) => k,
    notify: async () => undefined,
    remind: async () => ({ queued: 0 }),
    ...(withLinks ? { dashboard: createDashboardLinks(links, 'https://bot.example.vn/', 900) } : {}),
  });
  const ctx = async (personId: string): Promise<CommandContext> => ({
    personId,
    accountId: 'a',
    channel: 'zalo',
    locale: 'vi',
    now: start,
    memberships: await h.repos.people.listMemberships(personId),
    args: [],
    rawArgs: '',
  });

  it('gives a coordinator a signed link to /app/ naming them, valid for the configured time', async () => {
    const out = await dashboardCommand(deps(true))(await ctx(coordinator));
    expect(out.replies[0]?.key).toBe('coord:dashboard.link');
    expect(out.dashboardButton).toBe(true);
    const url = new URL(String(out.replies[0]?.params?.['url']));
    expect(url.origin + url.pathname).toBe('https://bot.example.vn/app/');
    const verified = links.verify(url.searchParams.get('t')!, start);
    expect(verified.ok && verified.value).toMatchObject({ kind: 'dashboard', personId: coordinator, expiresAt: new Date(start.getTime() + 900_000) });
    expect(links.verify(url.searchParams.get('t')!, new Date(start.getTime() + 900_000)).ok).toBe(false);
  });

  it('says so when links are not configured, and refuses a reporter', async () => {
    expect((await dashboardCommand(deps(false))(await ctx(coordinator))).replies[0]?.key).toBe('coord:dashboard.unavailable');
    const reporter = (await h.repos.people.findAccount('telegram', '2'))!.personId;
    expect((await dashboardCommand(deps(true))(await ctx(reporter))).replies[0]?.key).toBe('coord:only_coordinators');
  });

  it('/status and /ranking offer the dashboard button through the dialogue; /help lists /dashboard', async () => {
    for (const text of ['/status', '/ranking']) {
      const out = await h.send(1, { kind: 'text', text });
      expect(out?.dashboardButton, text).toBe(true);
    }
    expect((await h.send(2, { kind: 'text', text: '/help' }))?.dashboardButton).toBeUndefined();
    const tr = createTranslator('vi');
    for (const locale of ['vi', 'en'] as const) expect(tr.t(locale, 'dialogue:help.coordinator')).toContain('/dashboard');
  });

  it('the Mini App address exists only over https', () => {
    expect(webAppUrl('https://bot.example.vn')).toBe('https://bot.example.vn/app/');
    expect(webAppUrl('http://127.0.0.1:8080')).toBeUndefined();
    expect(webAppUrl(undefined)).toBeUndefined();
  });
});
