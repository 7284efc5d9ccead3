// Background work of a running bot: the reminder tick and the outbox sender (one instance at
// a time through a database lease). Channels attach their APIs once they are started.
import type { Api } from 'grammy';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import type { Translator } from '../i18n.ts';
import type { Logger } from '../logger.ts';
import type { ZaloApi } from '../zalo/zalo-api.ts';
import type { NotifyPort } from './command-port.ts';

export type RemindInput = { readonly periodId: string; readonly unitIds: readonly string[]; readonly now: Date };

export type Background = {
  readonly start: () => Promise<void>;
  readonly stop: () => Promise<void>;
  readonly attachTelegram: (api: Api) => void;
  readonly attachZalo: (api: ZaloApi) => void;
  readonly notify: NotifyPort;
  readonly remind: (input: RemindInput) => Promise<{ queued: number }>;
};

export type BackgroundInput = {
  readonly config: Config;
  readonly database: Database;
  readonly logger: Logger;
  readonly translator: Translator;
  readonly instanceId: string;
  readonly now: () => Date;
};

export const startBackground = (input: BackgroundInput): Background => {
  const channels: { telegram?: Api; zalo?: ZaloApi } = {};
  return {
    start: async () => undefined,
    stop: async () => undefined,
    attachTelegram: (api) => void (channels.telegram = api),
    attachZalo: (api) => void (channels.zalo = api),
    notify: async (notices) => {
      input.logger.warn({ count: notices.length }, 'notifications not delivered: outbox not wired');
    },
    remind: async () => ({ queued: 0 }),
  };
};
