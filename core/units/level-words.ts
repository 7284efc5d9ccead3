// Coordinators type levels and roles the way they say them: "/missing xã", "/ranking cấp huyện",
// "/invite X-THACHDAI cán bộ". Words are compared without diacritics; the English codes keep working.
import { foldText } from '../criteria/fold-text.ts';
import type { AssessedLevel } from '../periods/period.schema.ts';

const LEVELS: Readonly<Record<string, AssessedLevel>> = {
  commune: 'commune',
  xa: 'commune',
  'cap xa': 'commune',
  phuong: 'commune',
  district: 'district',
  huyen: 'district',
  'cap huyen': 'district',
  department: 'department',
  so: 'department',
  'cap so': 'department',
  nganh: 'department',
  'so nganh': 'department',
};

export type InviteRole = 'reporter' | 'coordinator';

const ROLES: Readonly<Record<string, InviteRole>> = {
  reporter: 'reporter',
  'can bo': 'reporter',
  'can bo bao cao': 'reporter',
  'bao cao': 'reporter',
  coordinator: 'coordinator',
  'dau moi': 'coordinator',
  'dau moi tong hop': 'coordinator',
  'tong hop': 'coordinator',
};

export const parseLevelWord = (words: string): AssessedLevel | null => LEVELS[foldText(words)] ?? null;

export const parseRoleWord = (words: string): InviteRole | null => ROLES[foldText(words)] ?? null;
