// A level's own data window and opening day, falling back to the period's shared ones (periods
// stored before per-level schedules existed, or files that give every level the same dates).
import type { AssessedLevel, Period } from './period.schema.ts';

type Schedule = Pick<Period, 'dataWindow' | 'opensAt' | 'levels'>;

export const dataWindowFor = (period: Schedule, level: AssessedLevel): Period['dataWindow'] => period.levels?.[level]?.dataWindow ?? period.dataWindow;

export const opensAtFor = (period: Schedule, level: AssessedLevel): string => period.levels?.[level]?.opensAt ?? period.opensAt;
