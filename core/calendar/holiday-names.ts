// Bilingual names shared by every year's data, so a renamed holiday changes in one place.
export const NEW_YEAR = { vi: 'Tết Dương lịch', en: "New Year's Day" };
export const NEW_YEAR_SWAP = { vi: 'Nghỉ hoán đổi dịp Tết Dương lịch', en: "New Year's Day (swapped day off)" };
export const NEW_YEAR_COMP = { vi: 'Nghỉ bù Tết Dương lịch', en: "New Year's Day (compensation day)" };
export const TET = { vi: 'Tết Nguyên đán', en: 'Lunar New Year (Tết)' };
export const TET_ESTIMATE = { vi: 'Tết Nguyên đán (dự kiến)', en: 'Lunar New Year (Tết, estimated)' };
export const HUNG_KINGS = { vi: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', en: "Hung Kings' Commemoration (10th day of the 3rd lunar month)" };
export const HUNG_KINGS_COMP = { vi: 'Nghỉ bù Giỗ Tổ Hùng Vương', en: "Hung Kings' Commemoration (compensation day)" };
export const REUNIFICATION = { vi: 'Ngày Chiến thắng 30/4', en: 'Reunification Day (30 April)' };
export const REUNIFICATION_COMP = { vi: 'Nghỉ bù Ngày Chiến thắng 30/4', en: 'Reunification Day (compensation day)' };
export const LABOUR = { vi: 'Ngày Quốc tế Lao động 1/5', en: 'International Labour Day (1 May)' };
export const LABOUR_COMP = { vi: 'Nghỉ bù Ngày Quốc tế Lao động 1/5', en: 'Labour Day (compensation day)' };
export const HOLIDAY_SWAP_APRIL = { vi: 'Nghỉ hoán đổi dịp 30/4 – 1/5', en: '30 April – 1 May (swapped day off)' };
export const NATIONAL_DAY = { vi: 'Quốc khánh 2/9', en: 'National Day (2 September)' };
export const NATIONAL_DAY_EXTRA = { vi: 'Quốc khánh (ngày nghỉ liền kề)', en: 'National Day (adjacent day off)' };
export const NATIONAL_DAY_COMP = { vi: 'Nghỉ bù Quốc khánh 2/9', en: 'National Day (compensation day)' };
// Names for the weekend days inside a break.
export const NEW_YEAR_BREAK = { vi: 'Kỳ nghỉ Tết Dương lịch', en: "New Year's holiday break" };
export const HUNG_KINGS_BREAK = { vi: 'Kỳ nghỉ Giỗ Tổ Hùng Vương', en: "Hung Kings' Commemoration break" };
export const APRIL_BREAK = { vi: 'Kỳ nghỉ lễ 30/4 – 1/5', en: '30 April – 1 May holiday break' };
export const NATIONAL_DAY_BREAK = { vi: 'Kỳ nghỉ lễ Quốc khánh', en: 'National Day holiday break' };
