// The person at the terminal starts as a reporter of the first demo commune (or of the first
// commune there is), so `npm start` opens a real report straight away.
import type { Db } from '../../db/database.ts';
import { createPeopleRepository } from '../../db/repositories/people-repository.ts';
import { createUnitRepository } from '../../db/repositories/unit-repository.ts';
import { CONSOLE_USER } from '../../channels/console/run-console.ts';

export const ensureConsoleReporter = async (db: Db, now: Date, locale: string): Promise<void> => {
  const people = createPeopleRepository(db);
  const account = await people.ensureAccount({ channel: 'console', externalId: CONSOLE_USER, chatId: CONSOLE_USER, displayName: 'Console', locale, now });
  if ((await people.listMemberships(account.personId)).length > 0) return;
  const units = createUnitRepository(db);
  const unit = (await units.findByCode('X-THACHDAI')) ?? (await units.list({ level: 'commune' }))[0] ?? null;
  if (unit) await people.grantMembership({ personId: account.personId, unitId: unit.id, role: 'reporter' });
};
