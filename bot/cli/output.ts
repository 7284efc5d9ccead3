// CLI output: data on stdout, diagnostics on stderr, so `unit list | cut -f1` stays clean.
export type CliIo = {
  readonly out: (line: string) => void;
  readonly error: (line: string) => void;
};

export const processIo: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  error: (line) => process.stderr.write(`${line}\n`),
};

export class CliUsageError extends Error {}
