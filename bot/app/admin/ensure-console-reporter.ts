// The person at the terminal starts as a reporter of the first demo commune (or of the first
// commune there is), so `npm start` opens a real report straight away.
import type { Repositories } from '../ports.ts';

/** The console channel's one local person (also its chat id). */
export const CONSOLE_USER = 'console';

export const ensureConsoleReporter = async (repos: Pick<Repositories, 'people' | 'units'>, now: Date, locale: string): Promise<void> => {
  const { people, units } = repos;
  const account = await people.ensureAccount({ channel: 'console', externalId: CONSOLE_USER, chatId: CONSOLE_USER, displayName: 'Console', locale, now });
  if ((await people.listMemberships(account.personId)).length > 0) return;
  const unit = (await units.findByCode('X-THACHDAI')) ?? (await units.list({ level: 'commune' }))[0] ?? null;
  if (unit) await people.grantMembership({ personId: account.personId, unitId: unit.id, role: 'reporter' });
};
