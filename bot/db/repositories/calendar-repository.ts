// Holiday years imported by an admin. Each row holds one complete, validated core YearCalendar;
// importing a year again replaces it (a correction), in one transaction for the whole file.
import type { Db } from '../database.ts';
import { yearCalendarSchema } from '../../../core/calendar/calendar.schema.ts';
import type { CalendarRepository, YearImportOutcome } from '../../app/ports.ts';

export const createCalendarRepository = (db: Db): CalendarRepository => ({
  async importYears(years, now) {
    return db.$transaction(async (tx) => {
      const out: YearImportOutcome[] = [];
      for (const y of years) {
        const existing = await tx.calendarYear.findUnique({ where: { year: y.year }, select: { definition: true } });
        const definition = y as unknown as object;
        // Both sides through the schema: PostgreSQL's jsonb does not keep the key order.
        if (existing && JSON.stringify(yearCalendarSchema.safeParse(existing.definition).data) === JSON.stringify(yearCalendarSchema.parse(y))) {
          out.push({ year: y.year, kind: 'unchanged' });
          continue;
        }
        await tx.calendarYear.upsert({
          where: { year: y.year },
          create: { year: y.year, definition, importedAt: now },
          update: { definition, importedAt: now },
        });
        out.push({ year: y.year, kind: existing ? 'replaced' : 'added' });
      }
      return out;
    });
  },

  /** Stored rows were validated on import; parsing again guards against hand-edited rows. */
  async listYears() {
    const rows = await db.calendarYear.findMany({ orderBy: { year: 'asc' }, select: { year: true, definition: true } });
    return rows.map((r) => {
      const parsed = yearCalendarSchema.safeParse(r.definition);
      if (!parsed.success) throw new Error(`imported calendar year ${r.year} is invalid in the database: ${parsed.error.issues[0]?.message ?? ''}`);
      return parsed.data;
    });
  },
});
