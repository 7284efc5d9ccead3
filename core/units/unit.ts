import { z } from 'zod';

export const unitLevels = ['province', 'department', 'district', 'commune'] as const;
export const unitLevelSchema = z.enum(unitLevels);
export type UnitLevel = z.infer<typeof unitLevelSchema>;

export type Unit = {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly level: UnitLevel;
  readonly parentId: string | null;
  readonly excluded: boolean;
  /** Why the unit is excluded (`unit exclude --reason`); absent on units read without it. */
  readonly excludedReason?: string | null;
  readonly effectiveFrom: Date | null;
  readonly effectiveTo: Date | null;
  readonly profile: Readonly<Record<string, number>> | null;
};

export type NewUnit = {
  readonly code: string;
  readonly name: string;
  readonly level: UnitLevel;
  readonly parentCode: string | null;
  readonly excluded?: boolean;
  readonly profile?: Readonly<Record<string, number>>;
};

export const unitCodeSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/);

/** Which parent levels a unit of a level may have (two-level installations: commune → province). */
export const allowedParentLevels: Readonly<Record<UnitLevel, readonly (UnitLevel | null)[]>> = {
  province: [null],
  department: ['province'],
  district: ['province'],
  commune: ['district', 'province'],
};
