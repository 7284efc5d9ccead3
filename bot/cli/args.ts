// Minimal flag parsing: `--name value`, `--flag`; the rest are positional words.
export type ParsedArgs = { readonly words: string[]; readonly flags: Map<string, string | true> };

export const parseArgs = (argv: readonly string[]): ParsedArgs => {
  const words: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg.startsWith('--')) {
      const [name, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
      const next = argv[i + 1];
      if (inline !== undefined) flags.set(name, inline);
      else if (next !== undefined && !next.startsWith('--')) {
        flags.set(name, next);
        i += 1;
      } else flags.set(name, true);
    } else words.push(arg);
  }
  return { words, flags };
};

export const stringFlag = (args: ParsedArgs, name: string): string | undefined => {
  const v = args.flags.get(name);
  return typeof v === 'string' ? v : undefined;
};
