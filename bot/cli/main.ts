// Composition root of the command-line interface: `npm run cli -- <verb> …`.
import 'dotenv/config';
import { runCli } from './run-cli.ts';
import { processIo } from './output.ts';

process.exitCode = await runCli(process.argv.slice(2), process.env, processIo);
