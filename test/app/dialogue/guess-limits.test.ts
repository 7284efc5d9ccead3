// Guessing codes has a ceiling across accounts (many accounts, one attacker) and per account
// for /link codes; the ceiling lifts when the window has passed.
import { beforeAll, describe, expect, it } from 'vitest';
import { createInvite } from '../../../bot/app/admin/create-invite.ts';
import { createFailureWindow, GLOBAL_INVITE_FAILURES, LINK_FAILURES_PER_ACCOUNT } from '../../../bot/app/dialogue/guess-limits.ts';
import { createHarness, keys, type Harness } from '../support/use-case-harness.ts';

describe('createFailureWindow', () => {
  it('allows until the limit of failures in the window, then again once they age out', () => {
    const w = createFailureWindow(3, 60_000);
    const t = (s: number) => new Date(Date.UTC(2026, 10, 22, 2, 0, s));
    for (const s of [0, 10, 20]) {
      expect(w.allows('k', t(s))).toBe(true);
      w.fail('k', t(s));
    }
    expect(w.allows('k', t(30))).toBe(false);
    expect(w.allows('other', t(30))).toBe(true);
    expect(w.allows('k', t(61))).toBe(true);
  });
});

describe('code guessing', () => {
  let h: Harness;
  const start = new Date('2026-11-22T02:00:00Z');
  beforeAll(async () => {
    h = await createHarness(start);
  });

  it('pauses invite guessing for everyone after too many wrong codes from many accounts', async () => {
    // Each account stays under its own lock (5 wrong codes): the attacker spreads them.
    for (let i = 0; i < GLOBAL_INVITE_FAILURES; i += 1) await h.text(20_000 + Math.floor(i / 4), `/start WRONG${String(i).padStart(5, '0')}`);
    const unitId = await h.unitId('X-THACHDAI');
    const { code } = await createInvite(h.repos.invites, { unitId, role: 'reporter', uses: 1, days: 7, createdById: null, now: start });
    expect(keys(await h.text(30_001, `/start ${code}`))).toEqual(['dialogue:join.busy']);
    h.setNow(new Date(start.getTime() + 11 * 60_000));
    expect(keys(await h.text(30_001, `/start ${code}`))).toEqual(['dialogue:join.joined_reporter']);
  });

  it('stops /link guesses of one account after a few wrong codes', async () => {
    const unitId = await h.unitId('X-HODO');
    const { code } = await createInvite(h.repos.invites, { unitId, role: 'reporter', uses: 1, days: 7, createdById: null, now: h.now() });
    await h.text(40_001, `/start ${code}`);
    for (let i = 0; i < LINK_FAILURES_PER_ACCOUNT; i += 1) expect(keys(await h.text(40_001, `/link ZZZZ${i}ZZZ`))).toEqual(['dialogue:link.invalid']);
    expect(keys(await h.text(40_001, '/link ZZZZ9ZZZ'))).toEqual(['dialogue:link.too_many']);
  });
});
