// The project's root folder (the nearest one holding package.json above this file), so that
// shipped data (locales/, core/criteria/sets, prisma migrations) is found the same way from the
// sources (tsx) and from a compiled build under dist/.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

export const projectRoot = (): string => {
  if (cached) return cached;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error('package.json not found above bot/platform');
    dir = up;
  }
  cached = dir;
  return dir;
};
