// Issue #12, "a province runs its own year", through the CLI on both databases: holiday years
// imported without a code change, periods created from the example files, refused when the
// calendar does not cover them, updated, opened, closed and copied to another year.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../bot/cli/run-cli.ts';
import { openDatabase } from '../../bot/db/database.ts';
import { createRepositories } from '../../bot/db/create-repositories.ts';
import { loadWorkingCalendar } from '../../bot/app/admin/load-calendar.ts';
import { SHIPPED_YEARS, isWorkingDay } from '../../core/calendar/working-days.ts';
import { availableProviders, createTestDatabaseUrl } from './support/providers.ts';

const providers = await availableProviders();
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups) await c();
});

const dir = mkdtempSync(path.join(os.tmpdir(), 'egov-year-'));
const tmpFile = (name: string, content: string): string => {
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
};
const example = (name: string) => `core/periods/examples/${name}.yaml`;

const fresh = async (provider: (typeof providers)[number]) => {
  const db = await createTestDatabaseUrl(provider);
  cleanups.push(db.cleanup);
  const env = { DATABASE_URL: db.url, DEFAULT_LOCALE: 'en' };
  const cli = async (...argv: string[]) => {
    const out: string[] = [];
    const error: string[] = [];
    const code = await runCli(argv, env, { out: (l) => out.push(l), error: (l) => error.push(l) });
    return { code, out, error };
  };
  expect((await cli('demo', 'seed')).code).toBe(0);
  return { url: db.url, cli };
};

const year2028 = `years:
  - year: 2028
    source: Văn phòng Chính phủ (test)
    holidays:
      - { date: 2028-01-01, name: { vi: "Tết Dương lịch", en: "New Year's Day" } }
      - { date: 2028-11-14, name: { vi: "Ngày nghỉ thử", en: "Test day off" }, status: estimated }
    workingSaturdays: []
`;
const hatinh2028 = readFileSync(example('hatinh-2021'), 'utf8')
  .replace(/hatinh-2021/g, 'hatinh-2028')
  .replace(/2021/g, '2028')
  .replace(/2020/g, '2027');

describe.each(providers)('year CLI on %s', (provider) => {
  it('from a fresh database with the demo units and sets, the example files create periods whose show prints every level’s window and deadline', async () => {
    const { cli } = await fresh(provider);
    const ids = new Map<string, string>();
    for (const name of ['hatinh-2021', 'hatinh-2021-quarterly', 'gialai-2019', 'binhthuan-2019']) {
      const r = await cli('period', 'create', example(name));
      expect(r, name).toMatchObject({ code: 0, error: [] });
      const [id, key, status] = r.out[0]!.split('\t');
      expect([key, status]).toEqual([name, 'draft']);
      ids.set(name, id!);
    }
    const show = async (name: string) => (await cli('period', 'show', ids.get(name)!)).out;
    const hatinh = await show('hatinh-2021');
    expect(hatinh).toEqual(
      expect.arrayContaining([
        'commune\tcommune_2025@1\tdata 10/11/2020 – 10/11/2021\topens 01/11/2021\tdeadline 15/11/2021',
        'district\tdistrict_2024@1\tdata 15/11/2020 – 15/11/2021\topens 01/11/2021\tdeadline 15/11/2021',
        'department\tdepartment_2025@1\tdata 15/11/2020 – 15/11/2021\topens 01/11/2021\tdeadline 15/11/2021',
        'late tolerance: 5 working days',
        'status: draft',
        'milestone\t15/12/2021\tverification\tVerification of the 2021 reports by the provincial IT association',
      ]),
    );
    expect(await show('hatinh-2021-quarterly')).toEqual(
      expect.arrayContaining([
        'kind: quarterly update (not scored)',
        'commune\tquarterly_update@1\tdata 10/11/2020 – 10/11/2021\topens 11/11/2020\tdeadline 15/08/2021',
        'checkpoint\tmonth 3\t15/02/2021',
        'checkpoint\tmonth 6\t15/05/2021',
        'checkpoint\tmonth 9\t15/08/2021',
      ]),
    );
    expect(await show('gialai-2019')).toEqual(
      expect.arrayContaining([
        'commune\tcommune_2025@1\tdata 01/11/2018 – 31/10/2019\topens 04/10/2019\tdeadline 25/10/2019',
        'district\tdistrict_2024@1\tdata 01/11/2018 – 31/10/2019\topens 04/10/2019\tdeadline 25/10/2019',
        'department\tdepartment_2025@1\tdata 01/11/2018 – 31/10/2019\topens 04/10/2019\tdeadline 18/10/2019',
        'ranking: not submitted → last place; late beyond the tolerance → last place; tie-breaks: group 6 points, group 5 points, earlier submission',
      ]),
    );
    const binhthuan = await show('binhthuan-2019');
    expect(binhthuan).toEqual(
      expect.arrayContaining([
        'district\tdistrict_2024@1\tdata 01/09/2018 – 31/08/2019\topens 07/08/2019\tdeadline 15/09/2019',
        'department\tdepartment_2025@1\tdata 01/09/2018 – 31/08/2019\topens 07/08/2019\tdeadline 15/09/2019',
        'ranking: not submitted → not ranked; late beyond the tolerance → not ranked; tie-breaks: group 6 points, group 5 points, earlier submission',
        "milestone\t30/09/2019\tpreliminary\tAppraisal council's preliminary summary",
        'milestone\t10/11/2019\tfield_checks\tField appraisal at the units',
        "milestone\t25/11/2019\tdecision\tRanking decision proposed to the Provincial People's Committee",
      ]),
    );
    expect(binhthuan.some((l) => l.startsWith('commune\t'))).toBe(false);
    // `period list` keeps its columns: id, name, status.
    const list = (await cli('period', 'list')).out;
    expect(list).toHaveLength(5);
    expect(list).toContain(`${ids.get('gialai-2019')}\tĐánh giá mức độ Chính quyền điện tử năm 2019 (Gia Lai)\tdraft`);
    // The same key twice is refused.
    const again = await cli('period', 'create', example('gialai-2019'));
    expect(again.code).toBe(1);
    expect(again.error).toEqual([
      `A period with key gialai-2019 already exists (${ids.get('gialai-2019')}); change it with npm run cli -- period update ${ids.get('gialai-2019')} <file.yaml>`,
    ]);
  });

  it('a 2028 period is refused in one line until calendar import adds 2028, then accepted', async () => {
    const { cli, url } = await fresh(provider);
    const file = tmpFile(`hatinh-2028-${provider}.yaml`, hatinh2028);
    const refused = await cli('period', 'create', file);
    expect(refused).toEqual({
      code: 1,
      out: [],
      error: [
        'Period refused: levels.commune.opensAt 01/11/2028 is in 2028, which the holiday calendar does not cover; add the year first with npm run cli -- calendar import <file>',
      ],
    });
    expect((await cli('period', 'list')).out).toHaveLength(1);

    const bad = await cli('calendar', 'import', tmpFile('bad.yaml', year2028.replace('2028-11-14', '14/11/2028')));
    expect(bad).toMatchObject({ code: 1, error: ['bad.yaml: years[0].holidays[1].date: expected a date YYYY-MM-DD'] });
    const imported = await cli('calendar', 'import', tmpFile('y2028.yaml', year2028));
    expect(imported).toMatchObject({ code: 0, out: ['2028: added (2 days off, 1 estimated)'] });
    expect((await cli('calendar', 'import', tmpFile('y2028.json', JSON.stringify({ years: [parseYear2028()] })))).out).toEqual([
      '2028: unchanged (2 days off, 1 estimated)',
    ]);
    const list = (await cli('calendar', 'list')).out;
    expect(list[0]).toBe('2019\tshipped\t21 days off (11 on weekdays)\t0 estimated');
    expect(list.at(-1)).toBe('2028\timported\t2 days off (1 on weekdays)\t1 estimated');
    expect(list).toHaveLength(10);

    const accepted = await cli('period', 'create', file);
    expect(accepted.code).toBe(0);
    expect(accepted.out[0]).toMatch(/^\w+\thatinh-2028\tdraft$/);
    // The product's loader sees the imported year too (the estimated 14/11/2028 is a day off).
    const database = openDatabase(url);
    const calendar = await loadWorkingCalendar(createRepositories(database.prisma).calendar);
    await database.close();
    expect([isWorkingDay('2028-11-14', calendar), isWorkingDay('2028-11-13', calendar)]).toEqual([false, true]);
  });

  it('an imported year corrects a shipped one: 2026 confirmed without Ngày Văn hóa Việt Nam', async () => {
    const { cli, url } = await fresh(provider);
    const shipped = SHIPPED_YEARS.find((y) => y.year === 2026)!;
    const confirmed = { ...shipped, holidays: shipped.holidays.filter((h) => h.date !== '2026-11-24').map((h) => ({ ...h, status: 'announced' })) };
    const r = await cli('calendar', 'import', tmpFile('y2026.json', JSON.stringify({ years: [confirmed] })));
    expect(r.out).toEqual(['2026: imported, replacing the shipped year (22 days off, 0 estimated)']);
    expect((await cli('calendar', 'list')).out).toContain('2026\timported\t22 days off (12 on weekdays)\t0 estimated');
    const database = openDatabase(url);
    const calendar = await loadWorkingCalendar(createRepositories(database.prisma).calendar);
    await database.close();
    expect([isWorkingDay('2026-11-24', calendar), isWorkingDay('2026-09-01', calendar)]).toEqual([true, false]);
    const again = await cli('calendar', 'import', tmpFile('y2026b.json', JSON.stringify({ years: [{ ...confirmed, workingSaturdays: [] }] })));
    expect(again.out).toEqual(['2026: replaced (22 days off, 0 estimated)']);
  });

  it('update changes anything until an answer exists, then refuses a different set in one line naming the level', async () => {
    const { cli, url } = await fresh(provider);
    const id = (await cli('period', 'create', example('gialai-2019'))).out[0]!.split('\t')[0]!;
    const source = readFileSync(example('gialai-2019'), 'utf8');
    const newSet = tmpFile('gialai-quarterly-communes.yaml', source.replace('set: commune_2025@1', 'set: quarterly_update@1'));
    expect(await cli('period', 'update', id, newSet)).toMatchObject({ code: 0, out: [`${id}\tupdated (draft)`] });
    expect((await cli('period', 'show', id)).out).toContain('commune\tquarterly_update@1\tdata 01/11/2018 – 31/10/2019\topens 04/10/2019\tdeadline 25/10/2019');

    const database = openDatabase(url);
    const unit = await database.prisma.unit.findFirstOrThrow({ where: { level: 'district' } });
    const link = await database.prisma.periodCriteriaSet.findFirstOrThrow({ where: { periodId: id, level: 'district' } });
    await database.prisma.submission.create({
      data: {
        periodId: id,
        unitId: unit.id,
        criteriaSetId: link.criteriaSetId,
        answers: {
          create: { criterionCode: 'H-1.1', value: { kind: 'boolean', value: true }, answeredById: 'p1', channel: 'console', answeredAt: new Date() },
        },
      },
    });
    await database.close();

    const districtSet = tmpFile('gialai-district.yaml', source.replace('set: district_2024@1', 'set: quarterly_update@1'));
    expect(await cli('period', 'update', id, districtSet)).toEqual({
      code: 1,
      out: [],
      error: ['Refused: the criteria set of level district cannot change (district_2024@1 → quarterly_update@1) because this period already has answers'],
    });
    // Everything else may still change: here the tolerance and a deadline (sets as stored).
    const dates = tmpFile(
      'gialai-dates.yaml',
      source
        .replace('set: commune_2025@1', 'set: quarterly_update@1')
        .replace('lateToleranceWorkingDays: 0', 'lateToleranceWorkingDays: 3')
        .replace('deadline: 18/10/2019', 'deadline: 21/10/2019'),
    );
    expect((await cli('period', 'update', id, dates)).code).toBe(0);
    const shown = (await cli('period', 'show', id)).out;
    expect(shown).toEqual(
      expect.arrayContaining([
        'late tolerance: 3 working days',
        'department\tdepartment_2025@1\tdata 01/11/2018 – 31/10/2019\topens 04/10/2019\tdeadline 21/10/2019',
        'district\tdistrict_2024@1\tdata 01/11/2018 – 31/10/2019\topens 04/10/2019\tdeadline 25/10/2019',
      ]),
    );
  });

  it('open, close, and copy to another year with every date moved', async () => {
    const { cli } = await fresh(provider);
    const id = (await cli('period', 'create', example('binhthuan-2019'))).out[0]!.split('\t')[0]!;
    expect((await cli('period', 'close', id)).error).toEqual([`Period ${id} is draft, not open: nothing to close`]);
    expect((await cli('period', 'open', id)).out).toEqual([`${id}\topen`]);
    expect(await cli('period', 'open', id)).toMatchObject({ code: 1, error: [`Period ${id} is already open`] });
    expect((await cli('period', 'close', id)).out).toEqual([`${id}\tclosed`]);
    expect((await cli('period', 'show', id)).out).toContain('status: closed');

    const copy = await cli('period', 'copy', id, '--year', '2026');
    expect(copy.code).toBe(0);
    const [copyId, key, status] = copy.out[0]!.split('\t');
    expect([key, status]).toEqual(['binhthuan-2026', 'draft']);
    const shown = (await cli('period', 'show', copyId!)).out;
    expect(shown).toEqual(
      expect.arrayContaining([
        `${copyId}\tbinhthuan-2026`,
        'name: Đánh giá, xếp hạng kết quả ứng dụng công nghệ thông tin năm 2026 (Bình Thuận) / Bình Thuận IT application assessment 2026',
        'district\tdistrict_2024@1\tdata 01/09/2025 – 31/08/2026\topens 07/08/2026\tdeadline 15/09/2026',
        'department\tdepartment_2025@1\tdata 01/09/2025 – 31/08/2026\topens 07/08/2026\tdeadline 15/09/2026',
        "milestone\t30/09/2026\tpreliminary\tAppraisal council's preliminary summary",
        "milestone\t25/11/2026\tdecision\tRanking decision proposed to the Provincial People's Committee",
      ]),
    );
    expect(await cli('period', 'copy', id, '--year', '2028')).toEqual({
      code: 1,
      out: [],
      error: [
        'Period refused: levels.district.opensAt 07/08/2028 is in 2028, which the holiday calendar does not cover; add the year first with npm run cli -- calendar import <file>',
      ],
    });
    expect((await cli('period', 'copy', id, '--year', 'next')).code).toBe(2);

    // "trước ngày 15/9/2019" read strictly: 14/9 is the last day, in the copy too.
    const strictFile = tmpFile(
      'binhthuan-strict.yaml',
      readFileSync(example('binhthuan-2019'), 'utf8')
        .replace('deadlineWording: by', 'deadlineWording: before')
        .replace('key: binhthuan-2019', 'key: binhthuan-strict-2019'),
    );
    const strict = (await cli('period', 'create', strictFile)).out[0]!.split('\t')[0]!;
    expect((await cli('period', 'show', strict)).out).toContain(
      'district\tdistrict_2024@1\tdata 01/09/2018 – 31/08/2019\topens 07/08/2019\tdeadline 14/09/2019 (written: before 15/09/2019)',
    );
    const strictCopy = (await cli('period', 'copy', strict, '--year', '2027')).out[0]!.split('\t')[0]!;
    expect((await cli('period', 'show', strictCopy)).out).toContain(
      'department\tdepartment_2025@1\tdata 01/09/2026 – 31/08/2027\topens 07/08/2027\tdeadline 14/09/2027 (written: before 15/09/2027)',
    );
    expect((await cli('period', 'show', 'nope')).error).toEqual(['Unknown period nope (see npm run cli -- period list)']);
  });
});

const parseYear2028 = () => ({
  year: 2028,
  source: 'Văn phòng Chính phủ (test)',
  holidays: [
    { date: '2028-01-01', name: { vi: 'Tết Dương lịch', en: "New Year's Day" } },
    { date: '2028-11-14', name: { vi: 'Ngày nghỉ thử', en: 'Test day off' }, status: 'estimated' },
  ],
  workingSaturdays: [],
});
