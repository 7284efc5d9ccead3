// The command-line interface: `npm run cli -- <verb> …` (entry point: bot/cli/main.ts).
import { parseConfig } from '../platform/config.ts';
import { openDatabase, type Database } from '../db/database.ts';
import { migrateDatabase } from '../db/migrate.ts';
import { createTranslator } from '../platform/i18n.ts';
import type { Repositories } from '../app/ports.ts';
import { createRepositories } from '../db/create-repositories.ts';
import { parseArgs } from './args.ts';
import type { CliCommand, CliContext } from './cli-context.ts';
import { CliUsageError, type CliIo } from './output.ts';
import type { WorkingCalendar } from '../../core/calendar/working-days.ts';
import { loadWorkingCalendar } from '../app/admin/load-calendar.ts';

/**
 * A command's module is imported only when that command runs: the document commands alone pull
 * in pdfkit, docx, resvg, node-forge and exceljs, about 60 MB of a process that `export` needs
 * for its own data (DESIGN: under 300 MB at 10,000 units).
 */
const lazy =
  <K extends string, M extends Record<K, CliCommand>>(load: () => Promise<M>, name: K): CliCommand =>
  async (ctx) =>
    (await load())[name](ctx);

const dbCommands = () => import('./commands/db-commands.ts');
const demoCommands = () => import('./commands/demo-commands.ts');
const unitCommands = () => import('./commands/unit-commands.ts');
const inviteCommands = () => import('./commands/invite-commands.ts');
const memberCommands = () => import('./commands/member-commands.ts');
const criteriaCommands = () => import('./commands/criteria-commands.ts');
const criteriaWorkbookCommands = () => import('./commands/criteria-workbook-commands.ts');
const periodCommands = () => import('./commands/period-commands.ts');
const periodLifecycleCommands = () => import('./commands/period-lifecycle-commands.ts');
const periodPublishCommand = () => import('./commands/period-publish-command.ts');
const calendarCommands = () => import('./commands/calendar-commands.ts');
const remindCli = () => import('./commands/remind-cli.ts');
const exportCli = () => import('./commands/export-cli.ts');
const formCli = () => import('./commands/form-cli.ts');
const chartCli = () => import('./commands/chart-cli.ts');

const commands: Record<string, CliCommand> = {
  'db migrate': lazy(dbCommands, 'dbMigrate'),
  'db backup': lazy(dbCommands, 'dbBackup'),
  'db restore': lazy(dbCommands, 'dbRestore'),
  'demo seed': lazy(demoCommands, 'demoSeed'),
  'unit list': lazy(unitCommands, 'unitList'),
  'unit import': lazy(unitCommands, 'unitImport'),
  'unit exclude': lazy(unitCommands, 'unitExclude'),
  'unit include': lazy(unitCommands, 'unitInclude'),
  'unit merge': lazy(unitCommands, 'unitMerge'),
  'invite create': lazy(inviteCommands, 'inviteCreate'),
  'invite bulk': lazy(inviteCommands, 'inviteBulk'),
  'invite revoke': lazy(inviteCommands, 'inviteRevoke'),
  'member list': lazy(memberCommands, 'memberList'),
  'member remove': lazy(memberCommands, 'memberRemove'),
  'criteria validate': lazy(criteriaCommands, 'criteriaValidate'),
  'criteria import': lazy(criteriaCommands, 'criteriaImport'),
  'criteria list': lazy(criteriaCommands, 'criteriaList'),
  'criteria template': lazy(criteriaWorkbookCommands, 'criteriaTemplate'),
  'criteria export': lazy(criteriaWorkbookCommands, 'criteriaExport'),
  'criteria diff': lazy(criteriaWorkbookCommands, 'criteriaDiff'),
  'period list': lazy(criteriaCommands, 'periodList'),
  'period create': lazy(periodCommands, 'periodCreate'),
  'period show': lazy(periodCommands, 'periodShow'),
  'period update': lazy(periodCommands, 'periodUpdate'),
  'period open': lazy(periodLifecycleCommands, 'periodOpen'),
  'period close': lazy(periodLifecycleCommands, 'periodClose'),
  'period copy': lazy(periodLifecycleCommands, 'periodCopy'),
  'period publish': lazy(periodPublishCommand, 'periodPublish'),
  'calendar import': lazy(calendarCommands, 'calendarImport'),
  'calendar list': lazy(calendarCommands, 'calendarList'),
  remind: lazy(remindCli, 'remindDryRun'),
  'remind run': lazy(remindCli, 'remindRun'),
  export: lazy(exportCli, 'exportCommandCli'),
  form: lazy(formCli, 'formCli'),
  chart: lazy(chartCli, 'chartCli'),
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
