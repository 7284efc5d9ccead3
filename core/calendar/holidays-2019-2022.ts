// Holiday breaks for civil servants (Mon–Fri schedule), 2019–2022, under Labour Code 2012 (10
// holidays, until 2020) and Labour Code 2019 (11 holidays from 2021: 2/9 gets an adjacent day).
// A holiday on a weekend gives a compensation day ("nghỉ bù") on the next working day.
import type { YearCalendar } from './calendar.schema.ts';
import { day, days, span } from './holiday-days.ts';
import * as N from './holiday-names.ts';

// 2019: Văn phòng Chính phủ 6519/VPCP-KGVX (11/7/2018). Tết DL 29/12/2018–1/1/2019 with
// 31/12/2018 swapped for Saturday 5/1/2019 (the 2018 days lie in no shipped year). Tết Kỷ Hợi
// 2/2–10/2 (9 days). Giỗ Tổ on Sunday 14/4 → nghỉ bù 15/4. 30/4: 27/4–1/5, Monday 29/4
// swapped for Saturday 4/5. Quốc khánh Monday 2/9 (31/8–2/9).
export const CALENDAR_2019: YearCalendar = {
  year: 2019,
  holidays: days(
    day('2019-01-01', N.NEW_YEAR),
    span('2019-02-02', '2019-02-10', N.TET),
    span('2019-04-13', '2019-04-15', N.HUNG_KINGS_BREAK),
    day('2019-04-14', N.HUNG_KINGS),
    day('2019-04-15', N.HUNG_KINGS_COMP),
    span('2019-04-27', '2019-04-28', N.APRIL_BREAK),
    day('2019-04-29', N.HOLIDAY_SWAP_APRIL),
    day('2019-04-30', N.REUNIFICATION),
    day('2019-05-01', N.LABOUR),
    span('2019-08-31', '2019-09-01', N.NATIONAL_DAY_BREAK),
    day('2019-09-02', N.NATIONAL_DAY),
  ),
  workingSaturdays: ['2019-01-05', '2019-05-04'],
};

// 2020 (announcement number not verified here): Tết Canh Tý 23/1–29/1 (7 days). Giỗ Tổ
// Thursday 2/4. 30/4–1/5 Thu–Fri (30/4–3/5). Quốc khánh Wednesday 2/9.
export const CALENDAR_2020: YearCalendar = {
  year: 2020,
  holidays: days(
    day('2020-01-01', N.NEW_YEAR),
    span('2020-01-23', '2020-01-29', N.TET),
    day('2020-04-02', N.HUNG_KINGS),
    day('2020-04-30', N.REUNIFICATION),
    day('2020-05-01', N.LABOUR),
    span('2020-05-02', '2020-05-03', N.APRIL_BREAK),
    day('2020-09-02', N.NATIONAL_DAY),
  ),
  workingSaturdays: [],
};

// 2021: first year of Labour Code 2019 (announcement number not verified here). Tết DL 1/1–3/1.
// Tết Tân Sửu 10/2–16/2 (7 days). Giỗ Tổ Wednesday 21/4. 30/4–3/5: 1/5 on Saturday → nghỉ bù
// Monday 3/5. Quốc khánh 2/9 + 3/9 (2/9–5/9).
export const CALENDAR_2021: YearCalendar = {
  year: 2021,
  holidays: days(
    day('2021-01-01', N.NEW_YEAR),
    span('2021-01-02', '2021-01-03', N.NEW_YEAR_BREAK),
    span('2021-02-10', '2021-02-16', N.TET),
    day('2021-04-21', N.HUNG_KINGS),
    day('2021-04-30', N.REUNIFICATION),
    day('2021-05-01', N.LABOUR),
    day('2021-05-02', N.APRIL_BREAK),
    day('2021-05-03', N.LABOUR_COMP),
    day('2021-09-02', N.NATIONAL_DAY),
    day('2021-09-03', N.NATIONAL_DAY_EXTRA),
    span('2021-09-04', '2021-09-05', N.NATIONAL_DAY_BREAK),
  ),
  workingSaturdays: [],
};

// 2022 (announcement number not verified here): 1/1 Saturday → nghỉ bù 3/1. Tết Nhâm Dần
// 29/1–6/2 (9 days). Giỗ Tổ Sunday 10/4 → 11/4 (9/4–11/4). 30/4 Sat + 1/5 Sun → 2/5 and 3/5.
// Quốc khánh 1/9 + 2/9 (1/9–4/9).
export const CALENDAR_2022: YearCalendar = {
  year: 2022,
  holidays: days(
    day('2022-01-01', N.NEW_YEAR),
    day('2022-01-02', N.NEW_YEAR_BREAK),
    day('2022-01-03', N.NEW_YEAR_COMP),
    span('2022-01-29', '2022-02-06', N.TET),
    day('2022-04-09', N.HUNG_KINGS_BREAK),
    day('2022-04-10', N.HUNG_KINGS),
    day('2022-04-11', N.HUNG_KINGS_COMP),
    day('2022-04-30', N.REUNIFICATION),
    day('2022-05-01', N.LABOUR),
    day('2022-05-02', N.REUNIFICATION_COMP),
    day('2022-05-03', N.LABOUR_COMP),
    day('2022-09-01', N.NATIONAL_DAY_EXTRA),
    day('2022-09-02', N.NATIONAL_DAY),
    span('2022-09-03', '2022-09-04', N.NATIONAL_DAY_BREAK),
  ),
  workingSaturdays: [],
};
