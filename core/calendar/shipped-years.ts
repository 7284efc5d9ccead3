// The holiday years shipped with the product, as data (data/vietnam-holidays.json). The JSON is
// imported statically so the core stays pure (no file reading) and VIETNAM_CALENDAR stays a
// constant; a broken shipped file fails at load, which test/core/calendar/holiday-data.test.ts
// catches long before a deployment.
import shipped from './data/vietnam-holidays.json' with { type: 'json' };
import type { YearCalendar } from './calendar.schema.ts';
import { calendarFileSchema } from './calendar-file.schema.ts';

export const SHIPPED_YEARS: readonly YearCalendar[] = calendarFileSchema.parse(shipped).years;
