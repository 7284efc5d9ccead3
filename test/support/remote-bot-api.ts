// The loopback Bot API in its own thread, for the bench's wave and the tests that count the
// platform's limits: the platform is remote, so the times it counts its limits by must not
// stall when the sender's thread is busy (database work, GC, a CLI starting up).
// In the sender's thread, a stall would stamp every request read after it with the same
// arrival time and pack a rolling second over the limit that the wire never carried.
import { Worker } from 'node:worker_threads';

export type RemoteBotApi = {
  readonly url: string;
  /** Accepted messages and 429s so far, as the API thread recorded them. */
  readonly stats: () => Promise<{ accepted: { chatId: string; at: number }[]; received429: number; rejected: { chatId: string; at: number; limit: string }[] }>;
  readonly close: () => Promise<void>;
};

export const startRemoteBotApi = async (options: { perSecond: number; latencyMs: number }): Promise<RemoteBotApi> => {
  const worker = new Worker(new URL('./remote-bot-api-worker.mjs', import.meta.url), { workerData: options });
  const replies: ((value: unknown) => void)[] = [];
  const ready = new Promise<string>((resolve, reject) => {
    worker.once('error', reject);
    worker.once('message', (m: { url: string }) => resolve(m.url));
  });
  const url = await ready;
  worker.on('message', (m: unknown) => replies.shift()?.(m));
  const ask = <T>(cmd: string): Promise<T> =>
    new Promise<T>((resolve) => {
      replies.push(resolve as (value: unknown) => void);
      worker.postMessage(cmd);
    });
  return {
    url,
    stats: () => ask('stats'),
    close: async () => {
      await ask('close');
      await worker.terminate();
    },
  };
};
