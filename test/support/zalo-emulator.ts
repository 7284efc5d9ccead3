// Loopback emulator of the Zalo Bot Platform API (shared/ZALO.md), for tests only.
// POST /bot<token>/<method> with JSON; answers {ok, result} or {ok:false, error_code, description}
// with the HTTP status equal to error_code (as the doc-modelled crabline mock does).
// - getUpdates hands out one queued update per call, 408 after a short wait when none;
// - with a webhook set, pushed updates are POSTed to it (X-Bot-Api-Secret-Token) in order;
// - failNext(method, status, {retryAfter, times}) injects 429/5xx before the call is performed;
// - GET /files/<name> serves bytes registered with servePhoto().
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type EmulatedUpdate = { event_name: string; message: Record<string, unknown> };
export type SentRecord = {
  readonly method: 'sendMessage' | 'sendPhoto';
  readonly chatId: string;
  readonly messageId: string;
  readonly date: number;
  readonly text?: string;
  readonly photo?: string;
  readonly caption?: string;
};
export type WebhookDelivery = { readonly update: EmulatedUpdate; readonly status: number | 'error' };
type Failure = { status: number; retryAfter?: number; times: number; description?: string };
type Call = { readonly method: string; readonly body: Record<string, unknown>; readonly status: number };
type Waiter = (update: EmulatedUpdate) => boolean;

export type ZaloEmulatorOptions = {
  readonly token?: string;
  /** How long an empty getUpdates waits before 408 (capped by the requested timeout). */
  readonly emptyPollWaitMs?: number;
  /** 'http408': HTTP 408 + ok:false; 'ok-false-200': HTTP 200 + ok:false, error_code 408. */
  readonly emptyPollStyle?: 'http408' | 'ok-false-200';
  readonly webhookBodyShape?: 'wrapped' | 'bare';
};

export class ZaloEmulator {
  readonly token: string;
  url = '';
  readonly calls: Call[] = [];
  readonly deliveries: WebhookDelivery[] = [];
  private readonly server: Server;
  private readonly queue: EmulatedUpdate[] = [];
  private readonly waiters: Waiter[] = [];
  private readonly sentMessages: SentRecord[] = [];
  private readonly failures = new Map<string, Failure>();
  private readonly files = new Map<string, { bytes: Buffer; mime: string; omitLength: boolean }>();
  private webhook: { url: string; secret: string; updatedAt: number } | undefined;
  private deliveryChain: Promise<void> = Promise.resolve();
  private idCounter = 0;

  constructor(private readonly options: ZaloEmulatorOptions = {}) {
    this.token = options.token ?? '1234567890:emulator-secret-token-abcdef';
    this.server = createServer((req, res) => void this.route(req, res));
  }

  async listen(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  pushUserText(userId: string, text: string, extra: { displayName?: string; chatId?: string } = {}): EmulatedUpdate {
    return this.push({ event_name: 'message.text.received', message: { ...this.base(userId, extra), text } });
  }

  pushUserImage(userId: string, photoUrl: string, extra: { caption?: string; field?: 'photo_url' | 'photo'; displayName?: string } = {}): EmulatedUpdate {
    const message = { ...this.base(userId, extra), [extra.field ?? 'photo_url']: photoUrl, message_type: 'CHAT_PHOTO' };
    if (extra.caption !== undefined) Object.assign(message, { caption: extra.caption });
    return this.push({ event_name: 'message.image.received', message });
  }

  /** Queues (or delivers) any update, e.g. a sticker or a replayed duplicate. */
  push(update: EmulatedUpdate): EmulatedUpdate {
    if (this.webhook) this.deliver(update);
    else if (!this.waiters.some((waiter) => waiter(update))) this.queue.push(update); // a waiter removes itself
    return update;
  }

  sent(chatId: string): SentRecord[] {
    return this.sentMessages.filter((m) => m.chatId === chatId);
  }

  sentTexts(chatId: string): string[] {
    return this.sent(chatId).flatMap((m) => (m.text === undefined ? [] : [m.text]));
  }

  callCount(method: string): number {
    return this.calls.filter((c) => c.method === method).length;
  }

  failNext(method: string, status: number, options: { retryAfter?: number; times?: number; description?: string } = {}): void {
    this.failures.set(method, { status, times: options.times ?? 1, ...options });
  }

  servePhoto(name: string, bytes: Buffer, options: { mime?: string; omitLength?: boolean } = {}): string {
    this.files.set(name, { bytes, mime: options.mime ?? 'image/jpeg', omitLength: options.omitLength ?? false });
    return `${this.url}/files/${encodeURIComponent(name)}`;
  }

  webhookInfo(): { url: string; secret: string } | undefined {
    return this.webhook && { url: this.webhook.url, secret: this.webhook.secret };
  }

  /** Resolves once every webhook delivery queued so far has been answered. */
  async idle(): Promise<void> {
    await this.deliveryChain;
  }

  private base(userId: string, extra: { displayName?: string; chatId?: string }): Record<string, unknown> {
    return {
      message_id: this.nextId(),
      date: Date.now(),
      from: { id: userId, display_name: extra.displayName ?? `User ${userId}`, is_bot: false },
      chat: { id: extra.chatId ?? userId, chat_type: 'PRIVATE' },
    };
  }

  private nextId(): string {
    this.idCounter += 1;
    return this.idCounter.toString(16).padStart(20, '0');
  }

  private deliver(update: EmulatedUpdate): void {
    const hook = this.webhook!;
    const body = this.options.webhookBodyShape === 'bare' ? update : { ok: true, result: update };
    this.deliveryChain = this.deliveryChain.then(async () => {
      let status: number | 'error';
      try {
        const res = await fetch(hook.url, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Bot-Api-Secret-Token': hook.secret },
          body: JSON.stringify(body),
        });
        await res.arrayBuffer();
        status = res.status;
      } catch {
        status = 'error';
      }
      this.deliveries.push({ update, status });
    });
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]!);
    if (req.method === 'GET' && path.startsWith('/files/')) return this.serveFile(path.slice('/files/'.length), res);
    const match = /^\/bot(.+)\/([A-Za-z]+)$/.exec(path);
    const raw = await readAll(req);
    if (!match || req.method !== 'POST') return send(res, 404, { ok: false, error_code: 404, description: 'Not found' });
    const [, token, method] = match as unknown as [string, string, string];
    let body: Record<string, unknown> = {};
    try {
      body = raw === '' ? {} : (JSON.parse(raw) as Record<string, unknown>);
    } catch {
      return this.answer(res, method, body, 400, { description: 'Bad request' });
    }
    if (token !== this.token) return this.answer(res, method, body, 401, { description: 'Unauthorized' });
    const failure = this.failures.get(method);
    if (failure) {
      failure.times -= 1;
      if (failure.times <= 0) this.failures.delete(method);
      const extra = failure.retryAfter === undefined ? {} : { parameters: { retry_after: failure.retryAfter } };
      const headers: Record<string, string> = failure.retryAfter === undefined ? {} : { 'Retry-After': String(failure.retryAfter) };
      const description = failure.description ?? (failure.status === 429 ? 'Quota exceeded' : 'Internal server error');
      return this.answer(res, method, body, failure.status, { description, ...extra }, headers);
    }
    return this.perform(res, method, body);
  }

  private async perform(res: ServerResponse, method: string, body: Record<string, unknown>): Promise<void> {
    const now = Date.now();
    switch (method) {
      case 'getMe':
        return this.ok(res, method, body, { id: this.token.split(':')[0], account_name: 'bot.Emulated', account_type: 'BASIC', can_join_groups: false });
      case 'getUpdates': {
        if (this.webhook) return this.answer(res, method, body, 409, { description: 'Webhook is active' });
        const queued = this.queue.shift();
        if (queued) return this.ok(res, method, body, queued);
        const waitMs = Math.min(Number(body['timeout'] ?? 30) * 1000 || Infinity, this.options.emptyPollWaitMs ?? 100);
        const update = await this.waitForUpdate(res, waitMs);
        if (update) return this.ok(res, method, body, update);
        if (res.destroyed) return;
        const status = this.options.emptyPollStyle === 'ok-false-200' ? 200 : 408;
        return this.answer(res, method, body, status, { error_code: 408, description: 'Request timeout' });
      }
      case 'sendMessage':
      case 'sendPhoto': {
        const chatId = body['chat_id'];
        const text = method === 'sendMessage' ? body['text'] : body['caption'];
        const textOk = method === 'sendPhoto' && text === undefined ? true : typeof text === 'string' && text.length >= 1 && text.length <= 2000;
        const photoOk = method === 'sendMessage' || typeof body['photo'] === 'string';
        if (typeof chatId !== 'string' || chatId === '' || !textOk || !photoOk) {
          return this.answer(res, method, body, 400, { description: 'Bad request' });
        }
        const record: SentRecord = {
          method,
          chatId,
          messageId: this.nextId(),
          date: now,
          ...(method === 'sendMessage' ? { text: text as string } : { photo: body['photo'] as string }),
          ...(method === 'sendPhoto' && typeof text === 'string' ? { caption: text } : {}),
        };
        this.sentMessages.push(record);
        return this.ok(res, method, body, { message_id: record.messageId, date: now });
      }
      case 'sendChatAction':
        return this.ok(res, method, body, undefined);
      case 'setWebhook': {
        const { url, secret_token: secret } = body;
        if (typeof url !== 'string' || !/^https?:\/\//.test(url) || typeof secret !== 'string' || secret.length < 8 || secret.length > 256) {
          return this.answer(res, method, body, 400, { description: 'Bad request' });
        }
        this.webhook = { url, secret, updatedAt: now };
        this.ok(res, method, body, { url, updated_at: now });
        for (const update of this.queue.splice(0)) this.deliver(update);
        return;
      }
      case 'deleteWebhook':
        this.webhook = undefined;
        return this.ok(res, method, body, { url: '', updated_at: now });
      case 'getWebhookInfo':
        return this.ok(res, method, body, { url: this.webhook?.url ?? '', updated_at: this.webhook?.updatedAt ?? now });
      default:
        return this.answer(res, method, body, 400, { description: 'Bad request: unknown method' });
    }
  }

  private waitForUpdate(res: ServerResponse, waitMs: number): Promise<EmulatedUpdate | undefined> {
    return new Promise((resolve) => {
      let done = false;
      const waiter: Waiter = (update) => {
        if (done || res.destroyed) return false; // a cancelled poll must not swallow it
        finish(update);
        return true;
      };
      const finish = (update: EmulatedUpdate | undefined): void => {
        done = true;
        clearTimeout(timer);
        const i = this.waiters.indexOf(waiter);
        if (i >= 0) this.waiters.splice(i, 1);
        resolve(update);
      };
      const timer = setTimeout(() => finish(undefined), waitMs);
      res.once('close', () => finish(undefined));
      this.waiters.push(waiter);
    });
  }

  private ok(res: ServerResponse, method: string, body: Record<string, unknown>, result: unknown): void {
    this.calls.push({ method, body, status: 200 });
    send(res, 200, result === undefined ? { ok: true } : { ok: true, result });
  }

  private answer(
    res: ServerResponse,
    method: string,
    body: Record<string, unknown>,
    status: number,
    fields: Record<string, unknown>,
    headers: Record<string, string> = {},
  ): void {
    this.calls.push({ method, body, status });
    send(res, status, { ok: false, error_code: status, ...fields }, headers);
  }

  private serveFile(name: string, res: ServerResponse): void {
    const file = this.files.get(name);
    if (!file) return send(res, 404, { ok: false });
    const headers: Record<string, string> = { 'Content-Type': file.mime };
    if (!file.omitLength) headers['Content-Length'] = String(file.bytes.length);
    res.writeHead(200, headers);
    res.end(file.bytes);
  }
}

export async function startZaloEmulator(options: ZaloEmulatorOptions = {}): Promise<ZaloEmulator> {
  return new ZaloEmulator(options).listen();
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.destroyed || res.headersSent) return;
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

function readAll(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on('data', (chunk: Buffer) => parts.push(chunk));
    req.on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
    req.on('error', reject);
  });
}
