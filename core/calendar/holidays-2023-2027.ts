// Holiday breaks for civil servants (Mon–Fri schedule), 2023–2027, Labour Code 2019 (11
// holidays). Years whose schedule was not announced when this was written are marked ESTIMATE:
// replace them (or add an override year from the database) once the schedule is published.
import type { YearCalendar } from './calendar.schema.ts';
import { day, days, span } from './holiday-days.ts';
import * as N from './holiday-names.ts';

// 2023 (announcement number not verified here): 1/1 Sunday → nghỉ bù 2/1. Tết Quý Mão
// 20/1–26/1 (7 days). Giỗ Tổ Saturday 29/4 and 30/4 Sunday → nghỉ bù 2/5 and 3/5: 29/4–3/5
// with no swap. Quốc khánh 1/9 + 2/9 (Saturday) → nghỉ bù Monday 4/9 (1/9–4/9).
export const CALENDAR_2023: YearCalendar = {
  year: 2023,
  holidays: days(
    day('2023-01-01', N.NEW_YEAR),
    day('2023-01-02', N.NEW_YEAR_COMP),
    span('2023-01-20', '2023-01-26', N.TET),
    day('2023-04-29', N.HUNG_KINGS),
    day('2023-04-30', N.REUNIFICATION),
    day('2023-05-01', N.LABOUR),
    day('2023-05-02', N.HUNG_KINGS_COMP),
    day('2023-05-03', N.REUNIFICATION_COMP),
    day('2023-09-01', N.NATIONAL_DAY_EXTRA),
    day('2023-09-02', N.NATIONAL_DAY),
    day('2023-09-03', N.NATIONAL_DAY_BREAK),
    day('2023-09-04', N.NATIONAL_DAY_COMP),
  ),
  workingSaturdays: [],
};

// 2024 (announcement numbers not verified here): Tết Giáp Thìn 8/2–14/2 (7 days). Giỗ Tổ
// Thursday 18/4. 30/4: 27/4–1/5, Monday 29/4 swapped for Saturday 4/5. Quốc khánh 2/9 + 3/9
// (31/8–3/9).
export const CALENDAR_2024: YearCalendar = {
  year: 2024,
  holidays: days(
    day('2024-01-01', N.NEW_YEAR),
    span('2024-02-08', '2024-02-14', N.TET),
    day('2024-04-18', N.HUNG_KINGS),
    span('2024-04-27', '2024-04-28', N.APRIL_BREAK),
    day('2024-04-29', N.HOLIDAY_SWAP_APRIL),
    day('2024-04-30', N.REUNIFICATION),
    day('2024-05-01', N.LABOUR),
    span('2024-08-31', '2024-09-01', N.NATIONAL_DAY_BREAK),
    day('2024-09-02', N.NATIONAL_DAY),
    day('2024-09-03', N.NATIONAL_DAY_EXTRA),
  ),
  workingSaturdays: ['2024-05-04'],
};

// 2025 (announcement numbers not verified here): Tết Ất Tỵ 25/1–2/2 (9 days). Giỗ Tổ Monday
// 7/4 (5/4–7/4). 30/4–4/5, Friday 2/5 swapped for Saturday 26/4. Quốc khánh 1/9 + 2/9
// (30/8–2/9).
export const CALENDAR_2025: YearCalendar = {
  year: 2025,
  holidays: days(
    day('2025-01-01', N.NEW_YEAR),
    span('2025-01-25', '2025-02-02', N.TET),
    span('2025-04-05', '2025-04-06', N.HUNG_KINGS_BREAK),
    day('2025-04-07', N.HUNG_KINGS),
    day('2025-04-30', N.REUNIFICATION),
    day('2025-05-01', N.LABOUR),
    day('2025-05-02', N.HOLIDAY_SWAP_APRIL),
    span('2025-05-03', '2025-05-04', N.APRIL_BREAK),
    span('2025-08-30', '2025-08-31', N.NATIONAL_DAY_BREAK),
    day('2025-09-01', N.NATIONAL_DAY_EXTRA),
    day('2025-09-02', N.NATIONAL_DAY),
  ),
  workingSaturdays: ['2025-04-26'],
};

// 2026: Tết DL per Văn phòng Chính phủ 12729/VPCP-KGVX (25/12/2025): 1/1–4/1, Friday 2/1
// swapped for Saturday 10/1. Tết Bính Ngọ 14/2–22/2 (9 days, Bộ Nội vụ plan approved).
// Giỗ Tổ Sunday 26/4 → nghỉ bù 27/4 (25/4–27/4); 30/4–3/5. UNCERTAIN: Quốc khánh's adjacent
// day is taken as Tuesday 1/9; a Bộ Nội vụ proposal mentioned a 5-day break, which would add a
// swap of Monday 31/8 for a Saturday not known here. Ngày Văn hóa Việt Nam (24/11) was
// announced by the Politburo as a future paid holiday; it is NOT listed until a legal text
// makes it a day off.
export const CALENDAR_2026: YearCalendar = {
  year: 2026,
  holidays: days(
    day('2026-01-01', N.NEW_YEAR),
    day('2026-01-02', N.NEW_YEAR_SWAP),
    span('2026-01-03', '2026-01-04', N.NEW_YEAR_BREAK),
    span('2026-02-14', '2026-02-22', N.TET),
    day('2026-04-25', N.HUNG_KINGS_BREAK),
    day('2026-04-26', N.HUNG_KINGS),
    day('2026-04-27', N.HUNG_KINGS_COMP),
    day('2026-04-30', N.REUNIFICATION),
    day('2026-05-01', N.LABOUR),
    span('2026-05-02', '2026-05-03', N.APRIL_BREAK),
    day('2026-09-01', N.NATIONAL_DAY_EXTRA),
    day('2026-09-02', N.NATIONAL_DAY),
  ),
  workingSaturdays: ['2026-01-10'],
};

// 2027: ESTIMATE from the Labour Code only (no announcement known). Tết Đinh Mùi is Saturday
// 6/2: assumed 30 Tết (5/2) + mùng 1–4, mùng 1–2 on the weekend compensated on 10–11/2.
// Giỗ Tổ Friday 16/4. 1/5 Saturday → nghỉ bù 3/5. Quốc khánh 2/9 (Thu) + 3/9 assumed.
export const CALENDAR_2027: YearCalendar = {
  year: 2027,
  holidays: days(
    day('2027-01-01', N.NEW_YEAR),
    span('2027-01-02', '2027-01-03', N.NEW_YEAR_BREAK),
    span('2027-02-05', '2027-02-11', N.TET_ESTIMATE),
    day('2027-04-16', N.HUNG_KINGS),
    span('2027-04-17', '2027-04-18', N.HUNG_KINGS_BREAK),
    day('2027-04-30', N.REUNIFICATION),
    day('2027-05-01', N.LABOUR),
    day('2027-05-02', N.APRIL_BREAK),
    day('2027-05-03', N.LABOUR_COMP),
    day('2027-09-02', N.NATIONAL_DAY),
    day('2027-09-03', N.NATIONAL_DAY_EXTRA),
    span('2027-09-04', '2027-09-05', N.NATIONAL_DAY_BREAK),
  ),
  workingSaturdays: [],
};
