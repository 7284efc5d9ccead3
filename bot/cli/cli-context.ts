import type { WorkingCalendar } from '../../core/calendar/working-days.ts';
import type { Repositories } from '../app/ports.ts';
import type { Config } from '../platform/config.ts';
import type { Database } from '../db/database.ts';
import type { Translator, Locale } from '../platform/i18n.ts';
import type { ParsedArgs } from './args.ts';
import type { CliIo } from './output.ts';

export type CliContext = {
  readonly config: Config;
  readonly io: CliIo;
  readonly args: ParsedArgs;
  readonly translator: Translator;
  readonly locale: Locale;
  /** Opens the database, applying pending migrations first (idempotent). */
  readonly db: () => Promise<Database>;
  /** The repositories over that database, built once per run. */
  readonly repos: () => Promise<Repositories>;
  /** The working calendar: shipped holiday years plus the ones imported into the database. */
  readonly calendar: () => Promise<WorkingCalendar>;
  readonly now: () => Date;
};

export type CliCommand = (ctx: CliContext) => Promise<number>;
