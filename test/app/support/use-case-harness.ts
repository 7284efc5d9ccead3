// The product's use cases (dialogue + coordinator commands, wired by createApp exactly as
// bot/main.ts wires them) over the in-memory ports, the demo seed and a clock the test moves by
// hand. Inputs go in as normalised inbound events; tests read the reply descriptors that come
// back and the state the ports stored. No database, no channel, no timers.
import { createApp, type App } from '../../../bot/app/create-app.ts';
import { createInvite } from '../../../bot/app/admin/create-invite.ts';
import { seedDemo, type SeedSummary } from '../../../bot/app/admin/seed-demo.ts';
import type { OutgoingNotice } from '../../../bot/app/command-port.ts';
import { createCoordinationCommands } from '../../../bot/app/coordination/coordination-commands.ts';
import { parseChatState, type ChatState } from '../../../bot/app/dialogue/chat-state.ts';
import type { DialogueOutput, FileFetcher } from '../../../bot/app/dialogue-port.ts';
import type { InboundContent } from '../../../bot/app/inbound.ts';
import type { Role } from '../../../bot/app/ports.ts';
import { createTranslator } from '../../../bot/platform/i18n.ts';
import { silentLogger } from '../../../bot/platform/logger.ts';
import type { CriteriaSet } from '../../../core/criteria/criteria-set.schema.ts';
import type { Reply } from '../../../core/reply.ts';
import { createInMemoryRepositories, type InMemoryRepositories } from '../../support/in-memory/create-in-memory-repositories.ts';
import { createInMemoryEvidenceStore, type InMemoryEvidenceStore } from '../../support/in-memory/evidence-store.ts';

export const pngBytes = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
export const EVIDENCE_MAX_BYTES = 1024 * 1024;

/** Downloads always succeed with a tiny PNG, unless the channel said the file is too large. */
const fetchFile: FileFetcher = async (content, max) =>
  (content.size ?? 0) > max ? { ok: false, error: { code: 'too_large' } } : { ok: true, value: { buffer: pngBytes, mime: 'image/png', size: pngBytes.length } };

export type Harness = {
  readonly repos: InMemoryRepositories;
  readonly evidence: InMemoryEvidenceStore;
  readonly app: App;
  readonly seed: SeedSummary;
  /** The unit-answered set of a level in the seeded period. */
  readonly setOf: (level: 'commune' | 'district' | 'department') => Promise<{ id: string; set: CriteriaSet }>;
  readonly notices: OutgoingNotice[];
  readonly reminded: { unitIds: readonly string[] }[];
  readonly now: () => Date;
  readonly setNow: (at: Date) => void;
  /** One inbound event from a Telegram user (user id = chat id); the output, or null for a redelivery. */
  readonly send: (user: number, content: InboundContent, dedupeKey?: string) => Promise<DialogueOutput | null>;
  /** Sends and returns the replies (an empty list for a redelivery). */
  readonly text: (user: number, text: string) => Promise<readonly Reply[]>;
  /** Taps a button of the message on screen. */
  readonly click: (user: number, value: string) => Promise<readonly Reply[]>;
  readonly photo: (user: number, size?: number) => Promise<readonly Reply[]>;
  readonly state: (user: number) => Promise<ChatState>;
  /** Creates an invite for the unit and joins with it; returns the person's id. */
  readonly join: (user: number, unitCode: string, role: Role) => Promise<string>;
  readonly unitId: (code: string) => Promise<string>;
};

export const createHarness = async (start: Date): Promise<Harness> => {
  const repos = createInMemoryRepositories();
  const evidence = createInMemoryEvidenceStore();
  const seed = await seedDemo(repos, start);
  const translator = createTranslator('vi');
  const notices: OutgoingNotice[] = [];
  const reminded: { unitIds: readonly string[] }[] = [];
  let clock = start;
  const app = createApp({
    repos,
    evidence,
    logger: silentLogger(),
    clock: () => clock,
    evidenceMaxBytes: EVIDENCE_MAX_BYTES,
    botUsername: 'egov_bot',
    newCode: () => 'LINKCODE',
    commands: (deps) =>
      createCoordinationCommands({
        repos,
        calendar: deps.calendar,
        botUsername: 'egov_bot',
        translate: translator.t,
        notify: async (n) => void notices.push(...n),
        remind: async (r) => {
          reminded.push(r);
          return { queued: r.unitIds.length };
        },
      }),
  });
  let updates = 0;
  const send = (user: number, content: InboundContent, dedupeKey = `tg:${++updates}`) =>
    app.dialogue.handle(
      { channel: 'telegram', dedupeKey, externalUserId: String(user), chatId: String(user), displayName: `Cán bộ ${user}`, receivedAt: clock, content },
      fetchFile,
    );
  const replies = async (out: Promise<DialogueOutput | null>) => (await out)?.replies ?? [];
  const unitId = async (code: string) => {
    const unit = await repos.units.findByCode(code);
    if (!unit) throw new Error(`no unit ${code}`);
    return unit.id;
  };
  return {
    repos,
    evidence,
    app,
    seed,
    setOf: async (level) => {
      const link = seed.period.sets.find((s) => s.level === level && s.answeredBy === 'unit');
      const stored = link ? await repos.criteriaSets.findById(link.criteriaSetId) : null;
      if (!stored) throw new Error(`no ${level} set in the seed`);
      return { id: stored.id, set: stored.set };
    },
    notices,
    reminded,
    now: () => clock,
    setNow: (at) => {
      clock = at;
    },
    send,
    text: (user, text) => replies(send(user, { kind: 'text', text })),
    // A tap on the newest message's button: it carries that message's stamp, as a channel's button does.
    click: async (user, value) => {
      const stamp = parseChatState(await repos.chats.getState('telegram', String(user))).offered?.stamp;
      return replies(send(user, { kind: 'callback', data: value, ...(stamp !== undefined ? { stamp } : {}) }));
    },
    photo: (user, size = pngBytes.length) =>
      replies(send(user, { kind: 'file', fileKind: 'photo', fileRef: `photo-${updates + 1}`, size, mime: 'image/png', fileName: `anh-${updates + 1}.png` })),
    state: async (user) => parseChatState(await repos.chats.getState('telegram', String(user))),
    join: async (user, unitCode, role) => {
      const { code } = await createInvite(repos.invites, { unitId: await unitId(unitCode), role, uses: 1, days: 7, createdById: null, now: clock });
      await send(user, { kind: 'text', text: `/start ${code}` });
      const account = await repos.people.findAccount('telegram', String(user));
      if (!account) throw new Error(`user ${user} has no account`);
      return account.personId;
    },
    unitId,
  };
};

/** The keys of a turn's replies, in order: what most assertions compare. */
export const keys = (replies: readonly Reply[]): string[] => replies.map((r) => r.key);
