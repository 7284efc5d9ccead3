// The channel-neutral dialogue: de-duplicate, identify, route, persist the chat state, reply.
import { createHash } from 'node:crypto';
import type { InboundEvent } from '../inbound.ts';
import { cleanInput } from '../../../core/criteria/fold-text.ts';
import { normaliseInviteCode } from '../../../core/access/invite-rules.ts';
import { reply } from '../../../core/reply.ts';
import { isLocale, type Locale } from '../../platform/i18n.ts';
import type { Dialogue, DialogueOutput, FileFetcher } from '../dialogue-port.ts';
import { parseChatState, type ChatState } from './chat-state.ts';
import type { DialogueDeps } from './deps.ts';
import { isPeriodPublished, isSubmissionBusy, periodPublishedError, submissionBusyError } from '../ports.ts';
import { route } from './route.ts';
import type { Turn, TurnResult } from './turn.ts';
import { runTurnWrite, sendHeldWrite, type HeldWrite } from './turn-write.ts';
import { createTtlCache } from './ttl-cache.ts';

/** Who is writing is looked up once per IDENTITY_TTL_MS; changes made in this process refresh it at once. */
export const IDENTITY_TTL_MS = 30_000;

/** Runs of a turn whose answer lost its version to other writers, before the officer is told it was not saved. */
const TURN_ATTEMPTS = 16;

/** A short name for the message a turn sends, from the update it answers (unique per chat). */
const stampOf = (dedupeKey: string): string => (createHash('sha256').update(dedupeKey).digest().readUInt32BE(0) % 36 ** 4).toString(36);

/** Choices offered by this turn get this turn's stamp; choices kept from an earlier turn keep theirs. */
const stamped = (before: ChatState, after: ChatState, dedupeKey: string): ChatState =>
  after.offered && after.offered !== before.offered && after.offered.stamp === undefined
    ? { ...after, offered: { ...after.offered, stamp: stampOf(dedupeKey) } }
    : after;

/**
 * Only someone joining (an invite or link code) gets rows: a stranger who just writes is told
 * how to join, and leaves nothing behind but a log line (at most one a minute).
 */
const isJoinAttempt = (event: InboundEvent): boolean => {
  if (event.content.kind !== 'text') return false;
  const text = event.content.text.trim();
  if (/^\/(start|link)(@\w+)?\s+\S/i.test(text)) return true;
  return !/\s/.test(text) && normaliseInviteCode(text)?.length === 10;
};

type Identity = { account: Turn['account']; person: Turn['person']; memberships: Turn['memberships'] };

export const createDialogue = (given: DialogueDeps): Dialogue => {
  // Any other write of a turn sends the turn's held answer first, so that writes keep their order.
  const deps: DialogueDeps = {
    ...given,
    submissions: {
      ...given.submissions,
      async applyChange(id, change) {
        await sendHeldWrite((w) => given.submissions.applyChange(w.submissionId, w.change));
        return given.submissions.applyChange(id, change);
      },
    },
  };
  const identities = createTtlCache<Identity>(IDENTITY_TTL_MS);
  const identify = (event: InboundEvent, now: Date) =>
    identities.get(`${event.channel}:${event.externalUserId}`, async () => {
      const account = await deps.people.ensureAccount({
        channel: event.channel,
        externalId: event.externalUserId,
        chatId: event.chatId,
        // A name is shown to coordinators: no invisible characters, never empty.
        displayName: cleanInput(event.displayName ?? '').slice(0, 128) || event.externalUserId,
        locale: deps.defaultLocale,
        now,
      });
      if (account.unreachable) await deps.people.markReachable(account.id, now);
      const [person, memberships] = await Promise.all([deps.people.findPerson(account.personId), deps.people.listMemberships(account.personId)]);
      if (!person) throw new Error(`person ${account.personId} missing`);
      return { account, person, memberships };
    });
  let strangersLoggedAt = 0;
  let strangersSince = 0;
  // Strangers leave no rows, so their redeliveries are recognised in memory (recent keys only).
  const strangerKeys = new Set<string>();
  const stranger = (event: InboundEvent, now: Date): DialogueOutput | null => {
    if (strangerKeys.has(event.dedupeKey)) return null;
    if (strangerKeys.size >= 10_000) strangerKeys.clear();
    strangerKeys.add(event.dedupeKey);
    strangersSince += 1;
    if (now.getTime() - strangersLoggedAt >= 60_000) {
      deps.logger.info({ channel: event.channel, strangers: strangersSince }, 'messages from people without an invite answered with the join hint');
      strangersLoggedAt = now.getTime();
      strangersSince = 0;
    }
    const locale = isLocale(event.languageCode ?? '') ? (event.languageCode as Locale) : deps.defaultLocale;
    return { locale, replies: [reply(event.content.kind === 'unsupported' ? 'dialogue:unsupported' : 'dialogue:start.no_membership')], exclusiveChoices: true };
  };
  /**
   * Routes the turn and commits it: the claim and the chat state, with the turn's answer when it
   * was held back (turn-write.ts) — a conflict there means another reporter wrote first, and the
   * turn runs again on their answers. Null when another delivery of the update finished first.
   */
  const runTurn = async (turn: Turn): Promise<{ out: TurnResult; state: ChatState } | null> => {
    const { event, now } = turn;
    type Ended = { out: TurnResult; state: ChatState } | null;
    const finish = async (out: TurnResult, held: HeldWrite | undefined): Promise<Ended | 'again'> => {
      if (out.refreshIdentity) identities.delete(`${event.channel}:${event.externalUserId}`);
      const state = stamped(turn.state, out.state, event.dedupeKey);
      deps.fault?.('before_turn_completed');
      const input = { accountId: turn.account.id, submissionId: state.submissionId ?? null, state };
      if (!held) return (await deps.chats.completeTurn(event.dedupeKey, now, event.channel, event.chatId, input)) ? { out, state } : null;
      const outcome = await deps.chats.commitTurn(event.dedupeKey, now, event.channel, event.chatId, input, held);
      if (outcome === 'done') {
        deps.rememberSnapshot?.(held.snapshot);
        return { out, state };
      }
      if (outcome === 'duplicate') return null;
      deps.forgetSnapshot?.(held.submissionId);
      if (outcome === 'published') throw periodPublishedError(held.submissionId);
      return 'again';
    };
    for (let attempt = 1; attempt <= TURN_ATTEMPTS; attempt += 1) {
      const ended = await runTurnWrite(() => route(deps, turn), finish);
      if (ended !== 'again') return ended;
    }
    throw submissionBusyError(turn.state.submissionId ?? 'unknown');
  };
  return {
    async handle(event: InboundEvent, fetchFile: FileFetcher): Promise<DialogueOutput | null> {
      const now = deps.clock();
      const who = `${event.channel}:${event.externalUserId}`;
      if (!identities.has(who) && !isJoinAttempt(event) && !(await deps.people.findAccount(event.channel, event.externalUserId))) return stranger(event, now);
      // The update is recorded as processed only when its turn ends (completeTurn, with the chat
      // state): a process killed mid-turn leaves nothing recorded, so the redelivery is answered.
      // Replaying a turn is safe: the chat state still names the question it answered.
      // One read says both whether the update was done before and where this chat stands.
      const opened = await deps.chats.openTurn(event.dedupeKey, event.channel, event.chatId);
      if (opened.processed) return null;
      deps.fault?.('turn_started');
      let locale: Locale = deps.defaultLocale;
      try {
        const { account, person, memberships } = await identify(event, now);
        locale = isLocale(person.locale) ? person.locale : deps.defaultLocale;
        const turn: Turn = { event, now, account, person, locale, memberships, state: parseChatState(opened.state), fetchFile };
        const ended = await runTurn(turn);
        // Another delivery of this update finished first and was answered.
        if (!ended) return null;
        const { out, state } = ended;
        return {
          locale: out.locale ?? locale,
          ...(out.menu ? { menu: out.menu } : {}),
          ...(out.dashboardButton ? { dashboardButton: true as const } : {}),
          replies: out.replies,
          exclusiveChoices: state.offered?.exclusive ?? true,
          ...(state.offered?.stamp !== undefined ? { choiceStamp: state.offered.stamp } : {}),
          ...(out.attachments ? { attachments: out.attachments } : {}),
          ...(out.choiceRefused ? { choiceRefused: true } : {}),
          ...(out.movedOn ? { movedOn: true } : {}),
          ...(out.replacesTapped ? { replacesTapped: true } : {}),
        };
      } catch (error) {
        // Nothing recorded the update as processed: a redelivery tries again; the person is told something went wrong.
        deps.logger.error({ err: error, channel: event.channel, chat: event.chatId }, 'dialogue turn failed');
        identities.delete(`${event.channel}:${event.externalUserId}`);
        const key = isPeriodPublished(error) ? 'dialogue:error.published' : isSubmissionBusy(error) ? 'dialogue:error.not_saved' : 'dialogue:error.internal';
        return { locale, replies: [reply(key)], exclusiveChoices: true };
      }
    },
  };
};
