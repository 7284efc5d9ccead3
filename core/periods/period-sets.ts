// Which levels of a period would get different criteria sets from an update. Once a submission
// of the period has an answer the sets are frozen: scores must stay recomputable from the
// definition the answers were given against.
export type SetLink = { readonly level: string; readonly key: string; readonly version: number };

const byLevel = (links: readonly SetLink[]): Map<string, string> => {
  const out = new Map<string, string[]>();
  for (const l of links) out.set(l.level, [...(out.get(l.level) ?? []), `${l.key}@${l.version}`]);
  return new Map([...out].map(([level, refs]) => [level, refs.sort().join(',')]));
};

/** Levels whose set(s) differ, in the order department, district, commune, then others. */
export const changedSetLevels = (current: readonly SetLink[], next: readonly SetLink[]): string[] => {
  const a = byLevel(current);
  const b = byLevel(next);
  const order = ['department', 'district', 'commune'];
  const levels = [...new Set([...a.keys(), ...b.keys()])].sort((x, y) => (order.indexOf(x) + 1 || 99) - (order.indexOf(y) + 1 || 99));
  return levels.filter((l) => a.get(l) !== b.get(l));
};
