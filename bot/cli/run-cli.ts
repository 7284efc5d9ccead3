// The command-line interface: `npm run cli -- <verb> …` (entry point: bot/cli/main.ts).
import { parseConfig } from '../platform/config.ts';
import { openDatabase, type Database } from '../db/database.ts';
import { migrateDatabase } from '../db/migrate.ts';
import { createTranslator } from '../platform/i18n.ts';
import type { Repositories } from '../app/ports.ts';
import { createRepositories } from '../db/create-repositories.ts';
import { parseArgs } from './args.ts';
import type { CliCommand, CliContext } from './cli-context.ts';
import { dbBackup, dbMigrate, dbRestore } from './commands/db-commands.ts';
import { demoSeed } from './commands/demo-commands.ts';
import { unitExclude, unitImport, unitInclude, unitList, unitMerge } from './commands/unit-commands.ts';
import { inviteBulk, inviteCreate, inviteRevoke } from './commands/invite-commands.ts';
import { memberList, memberRemove } from './commands/member-commands.ts';
import { remindDryRun, remindRun } from './commands/remind-cli.ts';
import { exportCommandCli } from './commands/export-cli.ts';
import { formCli } from './commands/form-cli.ts';
import { chartCli } from './commands/chart-cli.ts';
import { criteriaImport, criteriaList, criteriaValidate, periodList } from './commands/criteria-commands.ts';
import { criteriaDiff, criteriaExport, criteriaTemplate } from './commands/criteria-workbook-commands.ts';
import { CliUsageError, type CliIo } from './output.ts';
import type { WorkingCalendar } from '../../core/calendar/working-days.ts';
import { loadWorkingCalendar } from '../app/admin/load-calendar.ts';
import { calendarImport, calendarList } from './commands/calendar-commands.ts';
import { periodCreate, periodShow, periodUpdate } from './commands/period-commands.ts';
import { periodClose, periodCopy, periodOpen } from './commands/period-lifecycle-commands.ts';
import { periodPublish } from './commands/period-publish-command.ts';

const commands: Record<string, CliCommand> = {
  'db migrate': dbMigrate,
  'db backup': dbBackup,
  'db restore': dbRestore,
  'demo seed': demoSeed,
  'unit list': unitList,
  'unit import': unitImport,
  'unit exclude': unitExclude,
  'unit include': unitInclude,
  'unit merge': unitMerge,
  'invite create': inviteCreate,
  'invite bulk': inviteBulk,
  'invite revoke': inviteRevoke,
  'member list': memberList,
  'member remove': memberRemove,
  'criteria validate': criteriaValidate,
  'criteria import': criteriaImport,
  'criteria list': criteriaList,
  'criteria template': criteriaTemplate,
  'criteria export': criteriaExport,
  'criteria diff': criteriaDiff,
  'period list': periodList,
  'period create': periodCreate,
  'period show': periodShow,
  'period update': periodUpdate,
  'period open': periodOpen,
  'period close': periodClose,
  'period copy': periodCopy,
  'period publish': periodPublish,
  'calendar import': calendarImport,
  'calendar list': calendarList,
  remind: remindDryRun,
  'remind run': remindRun,
  export: exportCommandCli,
  form: formCli,
  chart: chartCli,
};

const usage = `usage: npm run cli -- <command>
  db migrate
  db backup --out <file>   (SQLite; PostgreSQL: pg_dump, see docs/deploy.md)
  db restore <file> [--force]   (SQLite; stop the bot first)
  demo seed
  unit list [--level province|department|district|commune]
  unit import <file.csv>   (code,name,level,parent_code[,excluded])
  unit exclude <code> --reason "…" | unit include <code>
  unit merge <A> <B>… --into <C> --from <YYYY-MM-DD>
  criteria validate <file> | criteria import <file>   (.yaml, .json or .xlsx)
  criteria list | criteria template --out <file.xlsx>
  criteria export <key>[@version] --out <file.xlsx> | criteria diff <key@v1> <key@v2>
  period list | period show <id>
  period create <file.yaml> | period update <id> <file.yaml>
  period open <id> | period close <id> | period copy <id> --year <YYYY>
  period publish <id>   (freezes the results, notifies reporters, makes answers read-only)
  calendar import <file.yaml|file.json> | calendar list
  invite create --unit <CODE> --role reporter|coordinator|assessor [--uses N] [--days D]
  invite bulk --level <level> [--district <CODE>] --role reporter|coordinator --out <invites.csv> [--uses N] [--days D]
  invite revoke <code>
  member list <unit> | member remove <unit> <person id>
  remind --dry-run [--at <ISO time>] | remind run
  export --period <id> [--level <level>] [--format xlsx|csv] --out <file>
  chart --period <id> --level <level> --out <file.png> [--all]
  form --period <id> --unit <code> --out <file.pdf|file.docx>`;

export const runCli = async (argv: readonly string[], env: Record<string, string | undefined>, io: CliIo): Promise<number> => {
  const config = parseConfig(env);
  if (!config.ok) {
    io.error(config.error);
    return 2;
  }
  const args = parseArgs(argv);
  const command = commands[args.words.slice(0, 2).join(' ')] ?? commands[args.words[0] ?? ''];
  if (!command) {
    io.error(usage);
    return 2;
  }
  let database: Database | undefined;
  let repos: Repositories | undefined;
  let calendar: WorkingCalendar | undefined;
  const db = async (): Promise<Database> => {
    if (!database) {
      await migrateDatabase(config.value.DATABASE_URL);
      database = openDatabase(config.value.DATABASE_URL);
    }
    return database;
  };
  const ctx: CliContext = {
    config: config.value,
    io,
    args,
    translator: createTranslator(config.value.DEFAULT_LOCALE),
    locale: config.value.DEFAULT_LOCALE,
    now: () => new Date(),
    db,
    repos: async () => (repos ??= createRepositories((await db()).prisma)),
    calendar: async () => (calendar ??= await loadWorkingCalendar((await ctx.repos()).calendar)),
  };
  try {
    return await command(ctx);
  } catch (error) {
    if (error instanceof CliUsageError) {
      io.error(error.message);
      return 2;
    }
    io.error(`error: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    return 1;
  } finally {
    await database?.close();
  }
};
