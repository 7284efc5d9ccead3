// Imported holiday years in memory, mirroring bot/db/repositories/calendar-repository.ts: a year
// imported again with the same content is 'unchanged', with other content 'replaced'.
import { yearCalendarSchema } from '../../../core/calendar/calendar.schema.ts';
import type { CalendarRepository, YearImportOutcome } from '../../../bot/app/ports.ts';
import { json, type InMemoryStore } from './store.ts';

export const createInMemoryCalendarRepository = (store: InMemoryStore): CalendarRepository => ({
  async importYears(years, now) {
    const out: YearImportOutcome[] = [];
    for (const y of years) {
      const existing = store.calendarYears.find((r) => r.year === y.year);
      if (existing && JSON.stringify(yearCalendarSchema.safeParse(existing.definition).data) === JSON.stringify(yearCalendarSchema.parse(y))) {
        out.push({ year: y.year, kind: 'unchanged' });
        continue;
      }
      if (existing) Object.assign(existing, { definition: json(y), importedAt: now });
      else store.calendarYears.push({ year: y.year, definition: json(y), importedAt: now });
      out.push({ year: y.year, kind: existing ? 'replaced' : 'added' });
    }
    return out;
  },

  async listYears() {
    return [...store.calendarYears]
      .sort((a, b) => a.year - b.year)
      .map((r) => {
        const parsed = yearCalendarSchema.safeParse(r.definition);
        if (!parsed.success) throw new Error(`imported calendar year ${r.year} is invalid: ${parsed.error.issues[0]?.message ?? ''}`);
        return parsed.data;
      });
  },
});
