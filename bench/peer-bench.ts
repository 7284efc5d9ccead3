// The peer: the same questionnaire written with @grammyjs/conversations (v2), its state in the
// same database (a key-value adapter over the ChatState table) and each answer persisted with
// conversation.external, exactly as the product stores answers (an Answer row per criterion).
import { Bot, type Context } from 'grammy';
import { conversations, createConversation, type Conversation, type ConversationFlavor } from '@grammyjs/conversations';
import type { Update } from 'grammy/types';
import { createSubmissionRepository } from '../bot/db/repositories/submission-repository.ts';
import { createUnitRepository } from '../bot/db/repositories/unit-repository.ts';
import type { ProviderName } from '../test/db/support/providers.ts';
import { openBenchDb, round2 } from './bench-db.ts';
import { answerFor, generatedSet } from './generated-set.ts';

type Ctx = ConversationFlavor<Context>;

export type PeerResult = { perSecond: number; answers: number };

const OFFICERS = 8;

export const runPeerBench = async (provider: ProviderName, n: number): Promise<PeerResult> => {
  const set = generatedSet(n);
  const db = await openBenchDb(provider, set, new Date());
  try {
    const prisma = db.prisma;
    const units = await createUnitRepository(prisma).list({ level: 'commune' });
    const period = await prisma.period.findFirstOrThrow({ select: { id: true } });
    const setRow = await prisma.criteriaSet.findFirstOrThrow({ select: { id: true } });
    const submissions = createSubmissionRepository(prisma);
    const bot = new Bot<Ctx>('1:peer', { botInfo: { id: 1, is_bot: true, first_name: 'peer', username: 'peer' } as never });
    const fakeApi = async () => ({ ok: true, result: { message_id: 1, date: 0, chat: { id: 1, type: 'private' }, text: '' } }) as never;
    bot.api.config.use(fakeApi);
    bot.use(
      conversations({
        storage: {
          type: 'key',
          adapter: {
            read: async (key) => {
              const row = await prisma.chatState.findUnique({
                where: { channel_chatId: { channel: 'console', chatId: `peer:${key}` } },
                select: { state: true },
              });
              return (row?.state as never) ?? undefined;
            },
            write: async (key, state) => {
              await prisma.chatState.upsert({
                where: { channel_chatId: { channel: 'console', chatId: `peer:${key}` } },
                create: { channel: 'console', chatId: `peer:${key}`, state: state as never },
                update: { state: state as never },
              });
            },
            delete: async (key) => void (await prisma.chatState.deleteMany({ where: { channel: 'console', chatId: `peer:${key}` } })),
          },
        },
      }),
    );
    const form = async (conversation: Conversation<Ctx, Context>, ctx: Context) => {
      const officer = Number(ctx.chat?.id) - 7000;
      const unit = units[officer]!;
      const submissionId = await conversation.external(
        async () => (await submissions.getOrCreate({ periodId: period.id, unitId: unit.id, criteriaSetId: setRow.id, profile: {}, now: new Date() })).id,
      );
      for (const c of set.criteria) {
        await ctx.reply(`${c.code}: ${c.text.vi}`);
        const answer = await conversation.wait();
        const text = answer.message?.text ?? answer.callbackQuery?.data ?? '';
        await conversation.external(async () => {
          await prisma.answer.upsert({
            where: { submissionId_criterionCode: { submissionId, criterionCode: c.code } },
            create: {
              submissionId,
              criterionCode: c.code,
              value: { text },
              answeredById: 'peer',
              channel: 'telegram',
              answeredAt: new Date(),
            },
            update: { value: { text }, answeredAt: new Date() },
          });
        });
        await answer.reply(`✅ ${c.code}`);
      }
    };
    // Conversations v2 builds its own context inside the conversation: emulate the API there too.
    bot.use(
      createConversation(form, {
        id: 'form',
        plugins: [
          async (ctx, next) => {
            ctx.api.config.use(fakeApi);
            await next();
          },
        ],
      }),
    );
    bot.command('start', (ctx) => ctx.conversation.enter('form'));
    let updateId = 1;
    const msg = (chat: number, text: string): Update =>
      ({
        update_id: updateId++,
        message: {
          message_id: updateId,
          date: 0,
          chat: { id: chat, type: 'private', first_name: 'p' },
          from: { id: chat, is_bot: false, first_name: 'p' },
          text,
          ...(text.startsWith('/') ? { entities: [{ type: 'bot_command', offset: 0, length: text.length }] } : {}),
        },
      }) as Update;
    const started = performance.now();
    let answers = 0;
    for (let o = 0; o < OFFICERS; o += 1) {
      const chat = 7000 + o;
      await bot.handleUpdate(msg(chat, '/start'));
      for (let i = 0; i < n; i += 1) {
        const a = answerFor(i);
        await bot.handleUpdate(msg(chat, a.text ?? a.choice ?? ''));
        answers += 1;
      }
    }
    const total = (performance.now() - started) / 1000;
    const stored = await prisma.answer.count();
    if (stored !== OFFICERS * n) throw new Error(`peer stored ${stored} answers, expected ${OFFICERS * n}`);
    return { perSecond: round2(answers / total), answers };
  } finally {
    await db.cleanup();
  }
};
