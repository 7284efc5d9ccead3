// The slice of a pino logger the Zalo transport needs. pino.Logger satisfies it, and tests can
// pass a recording stub. Nothing here ever receives the bot token or a request URL.
export type ZaloLogger = {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
};

const noop = (): void => {};

export const silentZaloLogger: ZaloLogger = { debug: noop, info: noop, warn: noop, error: noop };
