// /lang switches the language of every account of the person; /link gives a one-time code
// that joins another chat app's account to the same person, so a report started on Telegram
// can be finished on Zalo (and the other way round).
import { normaliseInviteCode } from '../../../core/access/invite-rules.ts';
import { reply } from '../../../core/reply.ts';
import { isLocale, type Locale } from '../../platform/i18n.ts';
import { hashCode } from '../admin/invite-codes.ts';
import type { DialogueDeps } from './deps.ts';
import { withOffered } from './offered.ts';
import { result, type Turn, type TurnResult } from './turn.ts';

export const LINK_CODE_MINUTES = 15;

export const setLanguage = async (deps: DialogueDeps, turn: Turn, wanted: string | undefined): Promise<TurnResult> => {
  const lang = wanted?.trim().toLowerCase();
  if (!lang || !isLocale(lang)) {
    return withOffered(
      result(turn.state, [
        reply('dialogue:lang.choose', {}, [
          { value: 'lang:vi', key: 'dialogue:choice.lang_vi' },
          { value: 'lang:en', key: 'dialogue:choice.lang_en' },
        ]),
      ]),
      true,
    );
  }
  await deps.people.setPersonLocale(turn.person.id, lang);
  return result(turn.state, [reply('dialogue:lang.set')], { locale: lang as Locale, refreshIdentity: true });
};

export const link = async (deps: DialogueDeps, turn: Turn, typed: string | undefined): Promise<TurnResult> => {
  if (!typed) {
    const code = deps.newCode();
    await deps.linkCodes.create({
      codeHash: hashCode(`link:${code}`),
      personId: turn.person.id,
      expiresAt: new Date(turn.now.getTime() + LINK_CODE_MINUTES * 60_000),
      now: turn.now,
    });
    return result(turn.state, [reply('dialogue:link.code', { code, minutes: LINK_CODE_MINUTES })]);
  }
  const limits = deps.guessLimits;
  if (limits && (!limits.links.allows('all', turn.now) || !limits.linksPerAccount.allows(turn.account.id, turn.now))) {
    return result(turn.state, [reply('dialogue:link.too_many')]);
  }
  const code = normaliseInviteCode(typed);
  const personId = code ? await deps.linkCodes.consume(hashCode(`link:${code}`), turn.now) : null;
  if (!personId) {
    limits?.links.fail('all', turn.now);
    limits?.linksPerAccount.fail(turn.account.id, turn.now);
    return result(turn.state, [reply('dialogue:link.invalid')]);
  }
  if (personId === turn.person.id) return result(turn.state, [reply('dialogue:link.same')]);
  await deps.linkCodes.mergeAccountInto(turn.account.id, turn.person.id, personId);
  return {
    ...withOffered(result({ v: 1, mode: 'idle' }, [reply('dialogue:link.done', {}, [{ value: 'cmd:report', key: 'dialogue:choice.report' }])]), true),
    refreshIdentity: true,
  };
};
