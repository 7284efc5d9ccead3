// The one sleep / backoff / retry helper of the shell (Zalo sends and polling, the outbox).
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/** Resolves after `ms`, or at once when `signal` aborts (never rejects). */
export const sleep: Sleep = (ms, signal) =>
  new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });

export type Backoff = { readonly baseMs: number; readonly maxMs: number };

/** Delay before attempt `attempt + 1` (1-based): doubling from baseMs, at least what the server asked, at most maxMs. */
export const backoffMs = (attempt: number, backoff: Backoff, serverAskedMs = 0): number =>
  Math.min(backoff.maxMs, Math.max(serverAskedMs, backoff.baseMs * 2 ** Math.max(0, attempt - 1)));

export type RetryOptions<E> = {
  readonly maxAttempts: number;
  /** Whether this failure may be tried again (e.g. the platform surely did not act on it). */
  readonly retryable: (error: unknown) => error is E;
  /** Delay before the next attempt after `error` at (1-based) `attempt`. */
  readonly delayMs: (error: E, attempt: number) => number;
  readonly sleep?: Sleep;
  readonly signal?: AbortSignal;
};

export const retry = async <T, E>(operation: () => Promise<T>, options: RetryOptions<E>): Promise<T> => {
  const pause = options.sleep ?? sleep;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await operation();
    } catch (error) {
      if (!options.retryable(error) || attempt >= options.maxAttempts || options.signal?.aborted) throw error;
      await pause(options.delayMs(error, attempt), options.signal);
    }
  }
};

export type KeepTryingOptions = {
  readonly what: string;
  readonly logger: { warn: (fields: object, message: string) => void };
  readonly backoff?: Backoff;
  readonly sleep?: Sleep;
  readonly signal?: AbortSignal;
};

/**
 * Tries `operation` until it succeeds (or `signal` aborts), logging each failure with its
 * cause and the wait before the next attempt, which doubles up to a bound (start-up against
 * a platform that is not reachable yet).
 */
export const keepTrying = async <T>(operation: () => Promise<T>, options: KeepTryingOptions): Promise<T> => {
  const pause = options.sleep ?? sleep;
  const backoff = options.backoff ?? { baseMs: 1_000, maxMs: 60_000 };
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await operation();
    } catch (error) {
      if (options.signal?.aborted) throw error;
      const retryInMs = backoffMs(attempt, backoff);
      const cause = error instanceof Error ? error.message : String(error);
      options.logger.warn({ attempt, cause, retryInMs }, `${options.what} failed; retrying`);
      await pause(retryInMs, options.signal);
    }
  }
};
