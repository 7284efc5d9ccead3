// "Trước ngày 15/9/2019": is 15/9 still on time? Literally "before the 15th" ends with the
// 14th, but the letters do not read that way, so the default is `by` (X is the last day on
// time) and a province that means it strictly sets `deadlineWording: before` (X − 1 is):
//  - Hà Tĩnh's data window ends on 15/11 and the report is due "trước ngày 15 tháng 11": the
//    strict reading would close the reports before the data they cover is complete;
//  - Bình Thuận counts the late tolerance "sau 5 ngày làm việc kể từ ngày 15/9/2019", from X;
//  - the lenient error costs a day, the strict one can wrongly put a unit out of the ranking;
//  - periods stored before this setting existed hold X as the last day.
import { addDays } from '../calendar/local-date.ts';
import type { DeadlineWording } from './period.schema.ts';

export const DEFAULT_DEADLINE_WORDING: DeadlineWording = 'by';

/** The last day on time for a deadline written as `written`. */
export const lastDayOnTime = (written: string, wording: DeadlineWording): string => (wording === 'before' ? addDays(written, -1) : written);

/** The date as the letter writes it, back from the last day on time. */
export const writtenDeadline = (lastDay: string, wording: DeadlineWording): string => (wording === 'before' ? addDays(lastDay, 1) : lastDay);
