import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../../bot/app/create-app.ts';
import { createCommandRegistry } from '../../../bot/app/command-registry.ts';
import { createTranslator } from '../../../bot/platform/i18n.ts';
import { createFileEvidenceStore } from '../../../bot/db/file-evidence-store.ts';
import { createInvite } from '../../../bot/app/admin/create-invite.ts';
import { parseChatState } from '../../../bot/app/dialogue/chat-state.ts';
import { submittedAnswersSha256 } from '../../../bot/app/coordination/form-document.ts';
import { loadCriteriaFile, listShippedSets } from '../../../bot/platform/criteria-files.ts';
import { seedDemo } from '../../../bot/app/admin/seed-demo.ts';
import { silentLogger } from '../../../bot/platform/logger.ts';
import type { CriteriaSet } from '../../../core/criteria/criteria-set.schema.ts';
import { nextAction } from '../../support/answer-driver.ts';
import { buttonValue, createTelegramHarness } from '../../support/telegram-harness.ts';
import { availableProviders, createTestDatabase, type TestDatabase } from '../support/providers.ts';

const providers = await availableProviders();
const loaded = await loadCriteriaFile(listShippedSets().find((f) => f.includes('commune'))!);
if (!loaded.ok) throw new Error(loaded.error.message);
const communeSet: CriteriaSet = loaded.value;

describe.each(providers)('Telegram reporting conversation on %s', (provider) => {
  let db: TestDatabase;
  let app: App;
  let clock = new Date('2026-11-22T02:00:00Z');
  let tg: ReturnType<typeof createTelegramHarness>;
  const inviteFor = async (unitCode: string, role: 'reporter' | 'coordinator' = 'reporter', uses = 1) => {
    const unit = await app.deps.units.findByCode(unitCode);
    return (await createInvite(app.deps.invites, { unitId: unit!.id, role, uses, days: 7, createdById: null, now: clock })).code;
  };
  const stateOf = (userId: number) => app.deps.chats.getState('telegram', String(userId));

  /** Answers until the questionnaire is done; returns every message sent along the way. */
  const walk = async (userId: number, limit = 200) => {
    const evidenceSent = new Set<string>();
    for (let i = 0; i < limit; i += 1) {
      const state = (await stateOf(userId)) as { session?: { cursor: { kind: string; code?: string } } };
      const action = nextAction(communeSet, state, 2026, evidenceSent);
      if (action.kind === 'done') return;
      if (action.kind === 'photo') {
        evidenceSent.add(state.session?.cursor.code ?? '');
        await tg.photo(userId);
      } else if (action.kind === 'choice') await tg.click(userId, action.value);
      else await tg.text(userId, action.text);
    }
    throw new Error('questionnaire did not finish');
  };

  beforeAll(async () => {
    db = await createTestDatabase(provider);
    await seedDemo(db.repos, clock);
    app = createApp({
      repos: db.repos,
      logger: silentLogger(),
      clock: () => clock,
      evidence: createFileEvidenceStore(mkdtempSync(path.join(os.tmpdir(), 'egov-ev-'))),
      evidenceMaxBytes: 1024 * 1024,
      botUsername: 'egov_report_bot',
      newCode: () => 'LINKCODE',
      commands: (deps) =>
        createCommandRegistry({
          repos: db.repos,
          calendar: deps.calendar,
          botUsername: 'egov_report_bot',
          translator: createTranslator('vi'),
          background: { notify: async () => undefined, remind: async (r) => ({ queued: r.unitIds.length }) },
        }),
    });
    tg = createTelegramHarness(app.dialogue, () => clock);
  });
  afterAll(async () => db.dispose());

  it('leaves nothing behind of a stranger who just writes: the join hint, no person, account or chat rows', async () => {
    const before = await Promise.all([
      db.prisma.person.count(),
      db.prisma.channelAccount.count(),
      db.prisma.chatState.count(),
      db.prisma.processedUpdate.count(),
    ]);
    for (const text of ['xin chào', '/help', '/report', '20']) {
      const [r] = await tg.text(1401, text);
      expect(r?.text).toContain('mã mời');
    }
    const after = await Promise.all([
      db.prisma.person.count(),
      db.prisma.channelAccount.count(),
      db.prisma.chatState.count(),
      db.prisma.processedUpdate.count(),
    ]);
    expect(after).toEqual(before);
  });

  it('tells someone without a membership how to get an invite, and refuses wrong codes', async () => {
    const [hello] = await tg.text(501, '/start');
    expect(hello?.text).toContain('mã mời');
    const [wrong] = await tg.text(501, '/start AAAAAAAAAA');
    expect(wrong?.text).toContain('Mã mời không đúng');
    const [report] = await tg.text(501, '/report');
    expect(report?.text).toContain('chưa là cán bộ báo cáo');
  });

  it('limits wrong invite attempts per account', async () => {
    for (let i = 0; i < 5; i += 1) await tg.text(502, `/start WRONGCODE${i}`);
    const code = await inviteFor('X-THACHKHE');
    const [locked] = await tg.text(502, `/start ${code}`);
    expect(locked?.text).toContain('quá nhiều lần');
    expect(await app.deps.people.listMemberships((await app.deps.people.findAccount('telegram', '502'))!.personId)).toHaveLength(0);
  });

  it('refuses expired and used-up codes', async () => {
    const code = await inviteFor('X-THACHKHE');
    await tg.text(503, `/start ${code}`);
    const [used] = await tg.text(504, `/start ${code}`);
    expect(used?.text).toContain('hết số lượt');
    const expiring = await inviteFor('X-THACHKHE');
    clock = new Date(clock.getTime() + 8 * 86_400_000);
    const [expired] = await tg.text(505, `/start ${expiring}`);
    expect(expired?.text).toContain('hết hạn');
    clock = new Date('2026-11-22T02:00:00Z');
  });

  it('joins with an invite, completes the commune set with invalid answers along the way, and submits', async () => {
    const code = await inviteFor('X-THACHDAI');
    const [joined] = await tg.text(601, `/start ${code}`);
    expect(joined?.text).toContain('Xã Thạch Đài');
    expect(joined?.buttons.map((b) => buttonValue(b.data))).toContain('cmd:report');
    const [first] = await tg.click(601, 'cmd:report');
    expect(first?.text).toContain('Thông tin chung');

    // Invalid profile number → specific error and the same question.
    const [bad] = await tg.text(601, 'hai mươi');
    expect(bad?.text).toMatch(/số/);
    expect(bad?.text).toContain('Thông tin chung (1/');

    // Walk through the profile block to the first criterion.
    for (let i = 0; i < 5; i += 1) await tg.text(601, '20');
    const atX11 = (await stateOf(601)) as { session: { cursor: { code: string } } };
    expect(atX11.session.cursor.code).toBe('X-1.1');
    // A forged callback is refused and the question asked again.
    const [forged] = await tg.click(601, 'raw:c:zzz');
    expect(forged?.text).toContain('không còn hiệu lực');
    expect(forged?.text).toContain('X-1.1');

    // Ratio numerator above denominator is refused with the localised message.
    await walkTo(601, 'X-1.3');
    const [ratioErr] = await tg.text(601, '60/50');
    expect(ratioErr?.text).toContain('Tử số');
    // One short line and the input hint: the question itself is still on screen above.
    expect(ratioErr?.text).not.toContain('X-1.3');
    expect(ratioErr?.text.split('\n').filter((l) => l.trim()).length).toBeLessThanOrEqual(4);
    const [partial] = await tg.text(601, '1/2');
    expect(partial?.text).toContain('10/20');
    expect(partial?.text).toContain('giải trình');
    const [tooShort] = await tg.text(601, 'ngắn');
    expect(tooShort?.text).toContain('ít nhất');

    await walk(601);
    const [submit] = await tg.text(601, '/submit');
    expect(submit?.text).toContain('Xác nhận');
    const [done] = await tg.click(601, 'confirm:submit');
    expect(done?.text).toContain('Đã gửi báo cáo');
    // The receipt: time, criteria and the answers' fingerprint that the signed form will carry.
    const unitForReceipt = await app.deps.units.findByCode('X-THACHDAI');
    const submitted = await db.prisma.submission.findFirstOrThrow({ where: { unitId: unitForReceipt!.id } });
    const snap = (await db.repos.submissions.load(submitted.id))!;
    expect(done?.text).toContain('Biên nhận: nộp lúc 22/11/2026');
    expect(done?.text).toContain(submittedAnswersSha256(snap).slice(0, 16));
    const [locked] = await tg.text(601, '/edit X-1.1');
    expect(locked?.text).toContain('không thể sửa');

    const unit = await app.deps.units.findByCode('X-THACHDAI');
    const row = await db.prisma.submission.findFirstOrThrow({ where: { unitId: unit!.id } });
    expect(row.status).toBe('submitted');
    expect(row.firstSubmittedAt).not.toBeNull();
    expect((row.score as { self: { points: number } }).self.points).toBeGreaterThan(800);
    const answers = await db.prisma.answer.count({ where: { submissionId: row.id } });
    expect(answers).toBeGreaterThanOrEqual(30);
    const evidence = await db.prisma.evidence.findMany({ where: { submissionId: row.id } });
    expect(evidence.length).toBeGreaterThan(0);
    expect(evidence[0]?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await db.prisma.answerRevision.count({ where: { submissionId: row.id } })).toBeGreaterThanOrEqual(answers);
  });

  it('applies a redelivered update once', async () => {
    const code = await inviteFor('X-THIENLOC');
    await tg.text(701, `/start ${code}`);
    await tg.text(701, '/report');
    const id = tg.nextUpdateId();
    const firstTime = await tg.text(701, '21', id);
    const before = await stateOf(701);
    const again = await tg.text(701, '21', id);
    expect(firstTime.length).toBe(1);
    expect(again).toEqual([]);
    expect(await stateOf(701)).toEqual(before);
  });

  it('two reporters of one unit answering at once lose nothing', async () => {
    const code = await inviteFor('X-VUONGLOC', 'reporter', 2);
    await tg.text(801, `/start ${code}`);
    await tg.text(802, `/start ${code}`);
    await tg.text(801, '/report');
    await tg.text(802, '/report');
    for (const u of [801, 802]) for (let i = 0; i < 5; i += 1) await tg.text(u, '20');
    await tg.text(802, '/edit X-1.2');
    await Promise.all([tg.click(801, 'c:head'), tg.text(802, '4')]);
    const unit = await app.deps.units.findByCode('X-VUONGLOC');
    const row = await db.prisma.submission.findFirstOrThrow({ where: { unitId: unit!.id }, include: { answers: true } });
    const codes = row.answers.map((a) => a.criterionCode).sort();
    expect(codes).toEqual(['X-1.1', 'X-1.2']);
    const authors = new Set(row.answers.map((a) => a.answeredById));
    expect(authors.size).toBe(2);
    expect(row.answers.every((a) => a.channel === 'telegram')).toBe(true);
  });

  it('an old button answers nothing: it says so and shows the question on screen', async () => {
    const code = await inviteFor('X-THACHLIEN');
    await tg.text(1101, `/start ${code}`);
    await tg.text(1101, '/report');
    for (let i = 0; i < 5; i += 1) await tg.text(1101, '20');
    // X-1.1's buttons, then /edit, whose "none" has the same value as X-1.1's.
    const oldNone = tg.sent.filter((m) => m.chatId === '1101').find((m) => m.text.includes('X-1.1') && m.buttons.some((b) => buttonValue(b.data) === 'c:none'));
    expect(oldNone).toBeDefined();
    // Taken now: the harness shows the keyboard edited away once the conversation moves on.
    const oldData = oldNone!.buttons.find((b) => buttonValue(b.data) === 'c:none')!.data;
    await tg.text(1101, '/skip');
    const [x16] = await tg.text(1101, '/edit X-1.6');
    expect(x16?.text).toContain('X-1.6');
    const [stale] = await tg.click(1101, `raw:${oldData}`);
    expect(stale?.text).toContain('không còn hiệu lực');
    expect(stale?.text).toContain('X-1.6');
    const unit = await app.deps.units.findByCode('X-THACHLIEN');
    const row = await db.prisma.submission.findFirstOrThrow({ where: { unitId: unit!.id }, include: { answers: true } });
    expect(row.answers.map((a) => a.criterionCode)).not.toContain('X-1.6');
    // The button on screen still works.
    const [stored] = await tg.click(1101, 'c:none');
    expect(stored?.text).not.toContain('không còn hiệu lực');

    // A double-tapped skip skips one question, not two.
    const [q] = await tg.text(1101, '/edit X-1.2');
    const skip = q!.buttons.find((b) => buttonValue(b.data) === 'skip')!.data;
    const [first] = await tg.click(1101, `raw:${skip}`);
    const [second] = await tg.click(1101, `raw:${skip}`);
    expect(first?.text).not.toContain('không còn hiệu lực');
    expect(second?.text).toContain('không còn hiệu lực');
    const cursor = parseChatState(await stateOf(1101)).session?.cursor;
    expect(second?.text).toContain(cursor?.kind === 'criterion' ? cursor.code : '?');
  });

  it('in a group: one short hint for a command or a button, nothing else, nothing stored', async () => {
    const people = await db.prisma.person.count();
    const group = { id: -100123, type: 'supergroup' as const, title: 'Cán bộ xã' };
    const who = { id: 1301, is_bot: false, first_name: 'Lan', language_code: 'vi' };
    const calls = tg.calls.length;
    const cmd = await tg.deliver({ update_id: tg.nextUpdateId(), message: { message_id: 1, date: 0, chat: group, from: who, text: '/start' } } as never);
    const chatter = await tg.deliver({
      update_id: tg.nextUpdateId(),
      message: { message_id: 2, date: 0, chat: group, from: who, text: 'chào cả nhà' },
    } as never);
    await tg.deliver({
      update_id: tg.nextUpdateId(),
      callback_query: { id: 'g1', from: who, chat_instance: 'g', data: 'c:cmd:report', message: { message_id: 3, date: 0, chat: group } },
    } as never);
    expect(cmd).toHaveLength(1);
    expect(cmd[0]?.text).toContain('trò chuyện riêng');
    expect(cmd[0]?.chatId).toBe(String(group.id));
    expect(chatter).toHaveLength(0);
    const answered = tg.calls.slice(calls).filter((c) => c.method === 'answerCallbackQuery');
    expect(answered).toHaveLength(1);
    expect(String(answered[0]?.payload['text'])).toContain('trò chuyện riêng');
    expect(await db.prisma.person.count()).toBe(people);
    expect(await db.prisma.chatState.count({ where: { chatId: String(group.id) } })).toBe(0);
  });

  it('takes the keyboard off the message before once the conversation moves on', async () => {
    const code = await inviteFor('X-THACHKHE');
    await tg.text(1501, `/start ${code}`);
    const cleared = () =>
      tg.calls.filter((c) => c.method === 'editMessageReplyMarkup' && String(c.payload['chat_id']) === '1501').map((c) => c.payload['message_id'] as number);
    const [first] = await tg.text(1501, '/report');
    expect(first?.buttons.length).toBeGreaterThan(0);
    const before = cleared().length;
    await tg.text(1501, '20');
    // The question before had a keyboard: it is cleared when the next question arrives.
    expect(cleared().length).toBe(before + 1);
  });

  it('a whole set in at most 2.5 new bot messages per criterion; every answered question keeps its answer, not its keyboard', async () => {
    const code = await inviteFor('X-THACHKIM');
    await tg.text(1551, `/start ${code}`);
    const from = tg.sent.length;
    const callsFrom = tg.calls.length;
    await tg.text(1551, '/report');
    await walk(1551);
    const mine = tg.sent.slice(from).filter((m) => m.chatId === '1551');
    const criteria = communeSet.criteria.length;
    expect(mine.length / criteria, `${mine.length} messages for ${criteria} criteria`).toBeLessThanOrEqual(2.5);
    // Each message that carried a keyboard, but the last, had it edited away: a tapped answer
    // shows the choice in place, any other keyboard is simply removed.
    const calls = tg.calls.slice(callsFrom).filter((c) => String(c.payload['chat_id']) === '1551');
    const edited = new Set(
      calls.filter((c) => c.method === 'editMessageText' || c.method === 'editMessageReplyMarkup').map((c) => c.payload['message_id'] as number),
    );
    const withKeyboard = mine.filter((m) => m.buttons.length > 0);
    expect(withKeyboard.slice(0, -1).filter((m) => !edited.has(m.messageId))).toEqual([]);
    // A tapped answer: the choice shown in place, keyboard gone (plain text with the message's entities).
    const chosen = calls.filter((c) => c.method === 'editMessageText' && c.payload['parse_mode'] === undefined);
    expect(chosen.length).toBeGreaterThanOrEqual(5);
    for (const c of chosen) {
      expect(String(c.payload['text'])).toMatch(/\n\n✔️ Đã chọn: \S/);
      expect(c.payload['reply_markup']).toEqual({ inline_keyboard: [] });
    }
    // "Done" after the evidence: the next question continues in the same message.
    const continued = calls.filter((c) => c.method === 'editMessageText' && c.payload['parse_mode'] === 'HTML');
    expect(continued.length).toBeGreaterThan(20);
    expect(String(continued[0]!.payload['text'])).toMatch(/Đã nhận tài liệu[\s\S]*✔️ Đã chọn: Xong[\s\S]*Tiêu chí 2\/31/);
  });

  it('a refused (old) button is not marked as chosen: its keyboard is only removed', async () => {
    const code = await inviteFor('X-HODO');
    await tg.text(1561, `/start ${code}`);
    await tg.text(1561, '/report');
    for (let i = 0; i < 5; i += 1) await tg.text(1561, '20');
    const x11 = { ...tg.sent.filter((m) => m.chatId === '1561').at(-1)! };
    await tg.text(1561, '/edit X-1.6');
    const from = tg.calls.length;
    // Tapped on X-1.1's message (Telegram sends it back with the tap) while X-1.6 is on screen.
    const [refused] = await tg.deliver({
      update_id: tg.nextUpdateId(),
      callback_query: {
        id: 'old-1',
        from: { id: 1561, is_bot: false, first_name: 'Lan', language_code: 'vi' },
        chat_instance: 'x',
        data: x11.buttons[0]!.data,
        message: {
          message_id: x11.messageId,
          date: 0,
          chat: { id: 1561, type: 'private', first_name: 'Lan' },
          text: x11.text,
          reply_markup: { inline_keyboard: [x11.buttons.map((b) => ({ text: b.text, callback_data: b.data }))] },
        },
      },
    } as never);
    expect(refused?.text).toContain('không còn hiệu lực');
    const calls = tg.calls.slice(from).filter((c) => c.payload['message_id'] === x11.messageId);
    expect(calls.map((c) => c.method)).toEqual(['editMessageReplyMarkup']);
  });

  it('gives a coordinator their own command menu, for their chat only', async () => {
    const code = await inviteFor('H-THACHHA', 'coordinator');
    const from = tg.calls.length;
    await tg.text(1801, `/start ${code}`);
    const set = tg.calls.slice(from).find((c) => c.method === 'setMyCommands');
    expect(set?.payload['scope']).toEqual({ type: 'chat', chat_id: 1801 });
    const names = (set?.payload['commands'] as { command: string }[]).map((c) => c.command);
    expect(names).toEqual(expect.arrayContaining(['status', 'missing', 'ranking', 'unit', 'export']));
    // A reporter's turn leaves the default menu alone.
    const before = tg.calls.length;
    await tg.text(1802, '/help');
    expect(tg.calls.slice(before).map((c) => c.method)).not.toContain('setMyCommands');
  });

  it('shows “sending a file” while an export is built', async () => {
    const code = await inviteFor('HATINH', 'coordinator');
    await tg.text(1701, `/start ${code}`);
    const from = tg.calls.length;
    await tg.text(1701, '/export');
    const methods = tg.calls.slice(from).map((c) => c.method);
    expect(methods[0]).toBe('sendChatAction');
    expect(tg.calls.slice(from)[0]?.payload['action']).toBe('upload_document');
    // Other commands show nothing of the kind.
    const next = tg.calls.length;
    await tg.text(1701, '/help');
    expect(tg.calls.slice(next).map((c) => c.method)).not.toContain('sendChatAction');
  });

  it('refuses oversized evidence with a clear message and keeps the question', async () => {
    const code = await inviteFor('X-TUNGLOC');
    await tg.text(901, `/start ${code}`);
    await tg.text(901, '/report');
    for (let i = 0; i < 5; i += 1) await tg.text(901, '20');
    await tg.click(901, 'c:head');
    const [big] = await tg.photo(901, 5 * 1024 * 1024);
    expect(big?.text).toContain('quá lớn');
    expect(big?.text).toContain('X-1.1');
    const unit = await app.deps.units.findByCode('X-TUNGLOC');
    expect(await db.prisma.evidence.count({ where: { submission: { unitId: unit!.id } } })).toBe(0);
  });

  it('switches language with /lang and renders the questions in English', async () => {
    const code = await inviteFor('X-HODO');
    await tg.text(1001, `/start ${code}`);
    const [choose] = await tg.text(1001, '/lang');
    expect(choose?.buttons.map((b) => buttonValue(b.data))).toEqual(['lang:vi', 'lang:en']);
    const [set] = await tg.click(1001, 'lang:en');
    expect(set?.text).toBe('Switched to English.');
    const [q] = await tg.text(1001, '/report');
    expect(q?.text).toContain('Deadline');
  });

  it('lets a district coordinator /assess a commune of the district with the assessor set, and nothing outside it', async () => {
    const code = await inviteFor('H-THACHHA', 'coordinator');
    await tg.text(1101, `/start ${code}`);
    const [outside] = await tg.text(1101, '/assess X-THIENLOC');
    expect(outside?.text).toContain('không thuộc phạm vi');
    const [q] = await tg.text(1101, '/assess X-THACHKHE');
    expect(q?.text).toContain('Xã Thạch Khê');
    const state = (await stateOf(1101)) as { assess?: boolean; session?: { cursor: { code?: string } } };
    expect(state.assess).toBe(true);
    const portal = await db.prisma.criteriaSet.findFirstOrThrow({ where: { answeredBy: 'assessor' } });
    const first = (portal.definition as { criteria: { code: string }[] }).criteria[0]!.code;
    expect(state.session?.cursor.code).toBe(first);
    const [reporterTry] = await tg.text(601, '/assess X-THACHDAI');
    expect(reporterTry?.text).toContain('Chỉ đầu mối');
  });

  it('pages a long ranking in place with ◀ ▶ (the last test: it adds communes)', async () => {
    await db.repos.units.upsertMany(
      Array.from({ length: 30 }, (_, i) => ({
        code: `X-PAGE${String(i).padStart(2, '0')}`,
        name: `Xã Trang ${i + 1}`,
        level: 'commune' as const,
        parentCode: 'H-THACHHA',
      })),
    );
    const code = await inviteFor('H-THACHHA', 'coordinator');
    await tg.text(1901, `/start ${code}`);
    // Copies: the harness edits its messages in place as Telegram would.
    const first = { ...(await tg.text(1901, '/ranking xã'))[0]! };
    expect(first.text).toContain('Trang 1/');
    expect(first.buttons.map((b) => b.text)).toEqual(['Trang 2 ▶']);
    const sentBefore = tg.sent.length;
    const second = { ...(await tg.click(1901, buttonValue(first.buttons[0]!.data)))[0]! };
    // No new message: the list tapped now shows page 2, with a way back.
    expect(tg.sent.length).toBe(sentBefore);
    expect(second.messageId).toBe(first.messageId);
    expect(second.text).toContain('Trang 2/');
    expect(second.text).not.toBe(first.text);
    expect(second.buttons.map((b) => b.text)[0]).toBe('◀ Trang 1');
    const [back] = await tg.click(1901, buttonValue(second.buttons[0]!.data));
    expect(back?.text).toBe(first.text);
  });

  async function walkTo(userId: number, code: string) {
    const evidenceSent = new Set<string>();
    for (let i = 0; i < 100; i += 1) {
      const state = (await stateOf(userId)) as { session?: { cursor: { kind: string; code?: string }; step: string } };
      if (state.session?.cursor.code === code && (state.session.step === 'value' || state.session.step === 'numerator')) return;
      const action = nextAction(communeSet, state, 2026, evidenceSent);
      if (action.kind === 'done') throw new Error(`never reached ${code}`);
      if (action.kind === 'photo') {
        evidenceSent.add(state.session?.cursor.code ?? '');
        await tg.photo(userId);
      } else if (action.kind === 'choice') await tg.click(userId, action.value);
      else await tg.text(userId, action.text);
    }
  }
});
