// Composition root of the command-line interface: `npm run cli -- <verb> …`.
import 'dotenv/config';
import { runCli } from './run-cli.ts';
import { processIo } from './output.ts';

// `npm run cli -- unit list | head` closes the pipe early: end quietly instead of a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await runCli(process.argv.slice(2), process.env, processIo);
