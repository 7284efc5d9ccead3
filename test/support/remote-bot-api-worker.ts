// The API thread of remote-bot-api.ts: the same rate-limited loopback Bot API the tests use.
import { parentPort, workerData } from 'node:worker_threads';
import { startRateLimitedBotApi } from './rate-limited-bot-api.ts';

const api = await startRateLimitedBotApi(workerData as { perSecond: number; latencyMs: number });
parentPort!.on('message', (cmd: string) => {
  if (cmd === 'stats')
    parentPort!.postMessage({ accepted: api.accepted.map((m) => ({ chatId: m.chatId, at: m.at })), received429: api.received429, rejected: api.rejected });
  if (cmd === 'close') void api.close().then(() => parentPort!.postMessage('closed'));
});
parentPort!.postMessage({ url: api.url });
