// Demo installation: Hà Tĩnh before the 2025 reform (three levels), with real district,
// commune and department names (DOMAIN.md F-54, F-44). Profiles are plausible sizes (F-22).
import type { NewUnit } from '../../core/units/unit.ts';

const commune = (code: string, name: string, parentCode: string, officials: number, villages: number, population: number): NewUnit => ({
  code,
  name,
  level: 'commune',
  parentCode,
  profile: { officials, villages, population, enterprises: Math.round(population / 600) },
});

export const demoUnits: readonly NewUnit[] = [
  { code: 'HATINH', name: 'Tỉnh Hà Tĩnh', level: 'province', parentCode: null },
  { code: 'S-KHCN', name: 'Sở Khoa học và Công nghệ', level: 'department', parentCode: 'HATINH', profile: { officials: 86 } },
  { code: 'S-TUPHAP', name: 'Sở Tư pháp', level: 'department', parentCode: 'HATINH', profile: { officials: 54 } },
  { code: 'S-NOIVU', name: 'Sở Nội vụ', level: 'department', parentCode: 'HATINH', profile: { officials: 71 } },
  { code: 'H-THACHHA', name: 'Huyện Thạch Hà', level: 'district', parentCode: 'HATINH', profile: { officials: 120, villages: 190 } },
  { code: 'H-CANLOC', name: 'Huyện Can Lộc', level: 'district', parentCode: 'HATINH', profile: { officials: 110, villages: 170 } },
  { code: 'H-LOCHA', name: 'Huyện Lộc Hà', level: 'district', parentCode: 'HATINH', profile: { officials: 95, villages: 120 } },
  commune('X-THACHDAI', 'Xã Thạch Đài', 'H-THACHHA', 21, 12, 9800),
  commune('X-THACHKHE', 'Xã Thạch Khê', 'H-THACHHA', 20, 10, 8700),
  commune('X-THACHLIEN', 'Xã Thạch Liên', 'H-THACHHA', 19, 9, 6400),
  commune('X-THIENLOC', 'Xã Thiên Lộc', 'H-CANLOC', 20, 11, 7900),
  commune('X-TUNGLOC', 'Xã Tùng Lộc', 'H-CANLOC', 21, 13, 9100),
  commune('X-VUONGLOC', 'Xã Vượng Lộc', 'H-CANLOC', 19, 10, 7200),
  commune('X-THACHKIM', 'Xã Thạch Kim', 'H-LOCHA', 18, 8, 6100),
  commune('X-HODO', 'Xã Hộ Độ', 'H-LOCHA', 19, 9, 6900),
];
