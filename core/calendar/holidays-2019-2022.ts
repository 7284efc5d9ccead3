// Days off for civil servants (Mon–Fri schedule), 2019–2022, under Labour Code 2012 (10
// holidays, until 2020) and Labour Code 2019 (11 holidays from 2021: 2/9 gets an adjacent day).
// A holiday on a weekend gives a compensation day ("nghỉ bù") on the next working day.
import type { YearCalendar } from './calendar.schema.ts';
import * as N from './holiday-names.ts';

const h = (date: string, name: { vi: string; en: string }) => ({ date, name });

// 2019: Văn phòng Chính phủ 6519/VPCP-KGVX (11/7/2018). Tết DL: 31/12/2018 swapped with
// Saturday 5/1/2019 (the 2018 day lies outside this year's data). Tết: 2/2–10/2 (9 days).
// 30/4: Monday 29/4 swapped with Saturday 4/5. Giỗ Tổ fell on Sunday 14/4 → nghỉ bù 15/4.
export const CALENDAR_2019: YearCalendar = {
  year: 2019,
  holidays: [
    h('2019-01-01', N.NEW_YEAR),
    ...['2019-02-04', '2019-02-05', '2019-02-06', '2019-02-07', '2019-02-08'].map((d) => h(d, N.TET)),
    h('2019-04-15', N.HUNG_KINGS_COMP),
    h('2019-04-29', N.HOLIDAY_SWAP_APRIL),
    h('2019-04-30', N.REUNIFICATION),
    h('2019-05-01', N.LABOUR),
    h('2019-09-02', N.NATIONAL_DAY),
  ],
  workingSaturdays: ['2019-01-05', '2019-05-04'],
};

// 2020: government announcement for Tết Canh Tý (number not verified here): 23/1–29/1
// (7 days, 29 tháng Chạp to mùng 5). Giỗ Tổ Thursday 2/4; 30/4–1/5 Thu–Fri; 2/9 Wednesday.
export const CALENDAR_2020: YearCalendar = {
  year: 2020,
  holidays: [
    h('2020-01-01', N.NEW_YEAR),
    ...['2020-01-23', '2020-01-24', '2020-01-27', '2020-01-28', '2020-01-29'].map((d) => h(d, N.TET)),
    h('2020-04-02', N.HUNG_KINGS),
    h('2020-04-30', N.REUNIFICATION),
    h('2020-05-01', N.LABOUR),
    h('2020-09-02', N.NATIONAL_DAY),
  ],
  workingSaturdays: [],
};

// 2021: first year of Labour Code 2019 (announcement number not verified here). Tết Tân Sửu
// 10/2–16/2 (7 days). 1/5 fell on Saturday → nghỉ bù Monday 3/5. Quốc khánh 2/9 + 3/9.
export const CALENDAR_2021: YearCalendar = {
  year: 2021,
  holidays: [
    h('2021-01-01', N.NEW_YEAR),
    ...['2021-02-10', '2021-02-11', '2021-02-12', '2021-02-15', '2021-02-16'].map((d) => h(d, N.TET)),
    h('2021-04-21', N.HUNG_KINGS),
    h('2021-04-30', N.REUNIFICATION),
    h('2021-05-03', N.LABOUR_COMP),
    h('2021-09-02', N.NATIONAL_DAY),
    h('2021-09-03', N.NATIONAL_DAY_EXTRA),
  ],
  workingSaturdays: [],
};

// 2022 (announcement number not verified here): 1/1 Saturday → nghỉ bù 3/1. Tết Nhâm Dần
// 29/1–6/2 (9 days). Giỗ Tổ Sunday 10/4 → 11/4. 30/4 Sat + 1/5 Sun → 2/5 and 3/5.
// Quốc khánh 1/9 + 2/9 (Thu–Fri).
export const CALENDAR_2022: YearCalendar = {
  year: 2022,
  holidays: [
    h('2022-01-03', N.NEW_YEAR_COMP),
    ...['2022-01-31', '2022-02-01', '2022-02-02', '2022-02-03', '2022-02-04'].map((d) => h(d, N.TET)),
    h('2022-04-11', N.HUNG_KINGS_COMP),
    h('2022-05-02', N.REUNIFICATION_COMP),
    h('2022-05-03', N.LABOUR_COMP),
    h('2022-09-01', N.NATIONAL_DAY_EXTRA),
    h('2022-09-02', N.NATIONAL_DAY),
  ],
  workingSaturdays: [],
};
