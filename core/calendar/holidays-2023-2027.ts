// Days off for civil servants (Mon–Fri schedule), 2023–2027, Labour Code 2019 (11 holidays).
// Years whose schedule was not announced when this was written are marked ESTIMATE: replace
// them (or add an override year from the database) once the government publishes the schedule.
import type { YearCalendar } from './calendar.schema.ts';
import * as N from './holiday-names.ts';

const h = (date: string, name: { vi: string; en: string }) => ({ date, name });

// 2023 (announcement number not verified here): 1/1 Sunday → nghỉ bù 2/1. Tết Quý Mão
// 20/1–26/1 (7 days). Giỗ Tổ Saturday 29/4 and 30/4 Sunday → nghỉ bù 2/5 and 3/5, giving
// 29/4–3/5 with no swap. Quốc khánh 1/9 + 2/9 (Saturday) → nghỉ bù Monday 4/9.
export const CALENDAR_2023: YearCalendar = {
  year: 2023,
  holidays: [
    h('2023-01-02', N.NEW_YEAR_COMP),
    ...['2023-01-20', '2023-01-23', '2023-01-24', '2023-01-25', '2023-01-26'].map((d) => h(d, N.TET)),
    h('2023-05-01', N.LABOUR),
    h('2023-05-02', N.HUNG_KINGS_COMP),
    h('2023-05-03', N.REUNIFICATION_COMP),
    h('2023-09-01', N.NATIONAL_DAY_EXTRA),
    h('2023-09-04', N.NATIONAL_DAY_COMP),
  ],
  workingSaturdays: [],
};

// 2024 (announcement numbers not verified here): Tết Giáp Thìn 8/2–14/2 (7 days). Giỗ Tổ
// Thursday 18/4. 30/4: Monday 29/4 swapped with Saturday 4/5 (27/4–1/5, 5 days).
// Quốc khánh 2/9 + 3/9 (31/8–3/9).
export const CALENDAR_2024: YearCalendar = {
  year: 2024,
  holidays: [
    h('2024-01-01', N.NEW_YEAR),
    ...['2024-02-08', '2024-02-09', '2024-02-12', '2024-02-13', '2024-02-14'].map((d) => h(d, N.TET)),
    h('2024-04-18', N.HUNG_KINGS),
    h('2024-04-29', N.HOLIDAY_SWAP_APRIL),
    h('2024-04-30', N.REUNIFICATION),
    h('2024-05-01', N.LABOUR),
    h('2024-09-02', N.NATIONAL_DAY),
    h('2024-09-03', N.NATIONAL_DAY_EXTRA),
  ],
  workingSaturdays: ['2024-05-04'],
};

// 2025 (announcement numbers not verified here): Tết Ất Tỵ 25/1–2/2 (9 days). Giỗ Tổ Monday
// 7/4. 30/4: Friday 2/5 swapped with Saturday 26/4 (30/4–4/5). Quốc khánh 1/9 + 2/9.
export const CALENDAR_2025: YearCalendar = {
  year: 2025,
  holidays: [
    h('2025-01-01', N.NEW_YEAR),
    ...['2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31'].map((d) => h(d, N.TET)),
    h('2025-04-07', N.HUNG_KINGS),
    h('2025-04-30', N.REUNIFICATION),
    h('2025-05-01', N.LABOUR),
    h('2025-05-02', N.HOLIDAY_SWAP_APRIL),
    h('2025-09-01', N.NATIONAL_DAY_EXTRA),
    h('2025-09-02', N.NATIONAL_DAY),
  ],
  workingSaturdays: ['2025-04-26'],
};

// 2026: Tết DL per Văn phòng Chính phủ 12729/VPCP-KGVX (25/12/2025): 1/1–4/1, Friday 2/1
// swapped with Saturday 10/1. Tết Bính Ngọ 14/2–22/2 (9 days, Bộ Nội vụ plan approved).
// Giỗ Tổ Sunday 26/4 → nghỉ bù 27/4. UNCERTAIN: Quốc khánh's adjacent day is taken as 1/9;
// the Bộ Nội vụ proposal mentioned a 5-day break (which would add a swap of Monday 31/8 with
// a Saturday not known here). Ngày Văn hóa Việt Nam (24/11) was announced as a future paid
// holiday by the Politburo; it is NOT included until a legal text makes it a day off.
export const CALENDAR_2026: YearCalendar = {
  year: 2026,
  holidays: [
    h('2026-01-01', N.NEW_YEAR),
    h('2026-01-02', N.NEW_YEAR_SWAP),
    ...['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20'].map((d) => h(d, N.TET)),
    h('2026-04-27', N.HUNG_KINGS_COMP),
    h('2026-04-30', N.REUNIFICATION),
    h('2026-05-01', N.LABOUR),
    h('2026-09-01', N.NATIONAL_DAY_EXTRA),
    h('2026-09-02', N.NATIONAL_DAY),
  ],
  workingSaturdays: ['2026-01-10'],
};

// 2027: ESTIMATE from the Labour Code only (no announcement known). Tết Đinh Mùi is Saturday
// 6/2: assumed 30 Tết (5/2) + mùng 1–4, with mùng 1–2 on the weekend compensated on 10–11/2.
// Giỗ Tổ Friday 16/4. 1/5 Saturday → nghỉ bù 3/5. Quốc khánh 2/9 (Thu) + 3/9 assumed.
export const CALENDAR_2027: YearCalendar = {
  year: 2027,
  holidays: [
    h('2027-01-01', N.NEW_YEAR),
    ...['2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11'].map((d) => h(d, N.TET_ESTIMATE)),
    h('2027-04-16', N.HUNG_KINGS),
    h('2027-04-30', N.REUNIFICATION),
    h('2027-05-03', N.LABOUR_COMP),
    h('2027-09-02', N.NATIONAL_DAY),
    h('2027-09-03', N.NATIONAL_DAY_EXTRA),
  ],
  workingSaturdays: [],
};
