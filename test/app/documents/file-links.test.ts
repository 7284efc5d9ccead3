// Zalo gets generated files as expiring signed links: a coordinator's /export, /chart and a
// reporter's /form become URLs; the HTTP route (bot/platform/signed-file-route.ts) rebuilds the
// file for that person within their current scope; a forged, expired or out-of-scope link is
// refused. Served by a real node:http server on a free port.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoordinationDeps } from '../../../bot/app/coordination/coordination-context.ts';
import { FILES_PATH, linkReplies, produceLinkedFile } from '../../../bot/app/coordination/linked-files.ts';
import { localDateTime } from '../../../bot/app/coordination/form-document.ts';
import type { Attachment } from '../../../bot/app/command-port.ts';
import { createTranslator } from '../../../bot/platform/i18n.ts';
import { createSignedFileRoute } from '../../../bot/platform/signed-file-route.ts';
import { createSignedLinks } from '../../../bot/platform/signed-links.ts';
import { parseConfig } from '../../../bot/platform/config.ts';
import { submitDirectly } from '../support/submit-directly.ts';
import { createHarness, type Harness } from '../support/use-case-harness.ts';

const start = new Date('2026-11-24T03:00:00.000Z');
const links = createSignedLinks('k'.repeat(40));

describe('signed file links', { timeout: 60_000 }, () => {
  let h: Harness;
  let server: http.Server;
  let base: string;
  let clock = start;
  const t = createTranslator('vi');

  beforeAll(async () => {
    h = await createHarness(start);
    const deps: CoordinationDeps = {
      repos: h.repos,
      calendar: h.app.deps.calendar,
      botUsername: 'egov_bot',
      remind: async () => ({ queued: 0 }),
      notify: async () => undefined,
      translate: t.t,
    };
    const route = createSignedFileRoute({
      links,
      now: () => clock,
      produce: produceLinkedFile(deps, 'vi', () => clock),
      label: (k) => t.t('vi', `documents:${k}`),
    });
    server = http.createServer((req, res) => {
      if (new URL(req.url ?? '/', 'http://x').pathname === FILES_PATH) void route(req, res);
      else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    await h.join(1, 'H-THACHHA', 'coordinator');
    await h.join(10, 'X-THACHDAI', 'reporter');
    await h.join(11, 'X-THIENLOC', 'reporter');
    await submitDirectly(h, 'X-THACHDAI', 0.9, new Date('2026-11-25T03:00:00Z'));
    await submitDirectly(h, 'X-THIENLOC', 0.8, new Date('2026-11-25T03:00:00Z'));
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const urlsOf = (files: readonly Attachment[]): string[] =>
    linkReplies(files, links.sign, base, clock, localDateTime).map((r) => String(r.params?.['url'] ?? ''));

  it('serves the export, the chart and the form behind their links, with the file name and type', async () => {
    const exported = (await h.send(1, { kind: 'text', text: '/export commune' }))!.attachments!;
    const [xlsxUrl, csvUrl] = urlsOf(exported);
    const xlsx = await fetch(xlsxUrl!);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    expect(
      Buffer.from(await xlsx.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
    const csv = await (await fetch(csvUrl!)).text();
    expect(csv).toContain('Xã Thạch Đài');
    expect(csv).not.toContain('Xã Thiên Lộc');
    const [chartUrl] = urlsOf((await h.send(1, { kind: 'text', text: '/chart commune' }))!.attachments!);
    const png = Buffer.from(await (await fetch(chartUrl!)).arrayBuffer());
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    const [pdfUrl] = urlsOf((await h.send(10, { kind: 'text', text: '/form pdf' }))!.attachments!);
    const pdf = await fetch(pdfUrl!);
    expect(pdf.headers.get('content-disposition')).toContain('phieu-tu-danh-gia-x-thachdai.pdf');
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  });

  it('refuses a forged link, an expired one, and a form outside the person’s scope', async () => {
    const [pdfUrl] = urlsOf((await h.send(10, { kind: 'text', text: '/form pdf' }))!.attachments!);
    expect((await fetch(`${pdfUrl!.slice(0, -3)}AAA`)).status).toBe(403);
    const other = links.sign({
      kind: 'form_pdf',
      periodId: h.seed.period.id,
      unitId: await h.unitId('X-THIENLOC'),
      personId: (await h.repos.people.findAccount('telegram', '10'))!.personId,
      expiresAt: new Date(clock.getTime() + 60_000),
    });
    expect((await fetch(`${base}${FILES_PATH}?t=${other}`)).status).toBe(404);
    clock = new Date(clock.getTime() + 25 * 3_600_000);
    expect((await fetch(pdfUrl!)).status).toBe(410);
  });

  it('needs FILE_LINK_SECRET and PUBLIC_BASE_URL together, the secret long enough', () => {
    expect(parseConfig({ FILE_LINK_SECRET: 'x'.repeat(40), PUBLIC_BASE_URL: 'https://bot.example.vn' }).ok).toBe(true);
    expect(parseConfig({ FILE_LINK_SECRET: 'x'.repeat(40) }).ok).toBe(false);
    expect(parseConfig({ FILE_LINK_SECRET: 'short', PUBLIC_BASE_URL: 'https://bot.example.vn' }).ok).toBe(false);
  });
});
