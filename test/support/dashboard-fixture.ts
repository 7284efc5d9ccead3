// A database for the dashboard tests, the way an installation has one: the demo seed, three
// communes' reports submitted (different quality, so the ranking has an order), a province
// coordinator and a district coordinator (Thạch Hà), each with a Telegram account.
import { PNG } from 'pngjs';
import { seedDemo } from '../../bot/app/admin/seed-demo.ts';
import { createFileEvidenceStore } from '../../bot/db/file-evidence-store.ts';
import { sniffFileType } from '../../core/evidence/file-type.ts';
import { createRepositories } from '../../bot/db/create-repositories.ts';
import { openDatabase } from '../../bot/db/database.ts';
import { migrateDatabase } from '../../bot/db/migrate.ts';
import { submitDirectly } from '../app/support/submit-directly.ts';
import type { Harness } from '../app/support/use-case-harness.ts';

export const PROVINCE_TELEGRAM_ID = 5_101;
export const DISTRICT_TELEGRAM_ID = 5_102;
export const REPORTER_TELEGRAM_ID = 5_103;
/** Submitted in the fixture, with the quality of their answers (1 = full points). */
export const SUBMITTED: readonly [string, number][] = [
  ['X-THACHDAI', 1],
  ['X-THIENLOC', 0.6],
  ['X-THACHKIM', 0.8],
];

export type DashboardFixture = { readonly provincePersonId: string; readonly districtPersonId: string; readonly reporterPersonId: string };

/** A real 48×48 PNG (a browser must be able to draw it), green like a stamp. */
export const evidencePng = (): Buffer => {
  const png = new PNG({ width: 48, height: 48 });
  for (let i = 0; i < png.data.length; i += 4) png.data.set([26, 127, 55, 255], i);
  return PNG.sync.write(png);
};

/** With `evidenceDir`, X-THACHDAI's also gets a photo saved by the file evidence store. */
export const prepareDashboardDatabase = async (url: string, now: Date, evidenceDir?: string): Promise<DashboardFixture> => {
  await migrateDatabase(url);
  const db = openDatabase(url);
  try {
    const repos = createRepositories(db.prisma);
    const seed = await seedDemo(repos, now);
    const unitId = async (code: string) => {
      const unit = await repos.units.findByCode(code);
      if (!unit) throw new Error(`no unit ${code}`);
      return unit.id;
    };
    // submitDirectly needs only these parts of the in-memory harness; here they are the database's.
    const h = {
      repos,
      seed,
      unitId,
      setOf: async (level: 'commune' | 'district' | 'department') => {
        const link = seed.period.sets.find((s) => s.level === level && s.answeredBy === 'unit');
        const stored = link ? await repos.criteriaSets.findById(link.criteriaSetId) : null;
        if (!stored) throw new Error(`no ${level} set`);
        return { id: stored.id, set: stored.set };
      },
    } as unknown as Harness;
    for (const [code, q] of SUBMITTED) {
      const submissionId = await submitDirectly(h, code, q, now);
      if (evidenceDir && code === 'X-THACHDAI') {
        const data = evidencePng();
        const type = sniffFileType(data);
        if (!type) throw new Error('not a png');
        const stored = await createFileEvidenceStore(evidenceDir).save(submissionId, 'X-1.1', data, type);
        await repos.submissions.addEvidence({
          submissionId,
          criterionCode: 'X-1.1',
          kind: 'photo',
          channel: 'telegram',
          fileRef: 'photo-1',
          sha256: stored.sha256,
          size: stored.size,
          mime: 'image/png',
          fileName: 'bien-ban-hop.png',
          storedPath: stored.storedPath,
          uploadedById: 'seed',
          now,
        });
      }
    }
    const person = async (telegramId: number, name: string, unitCode: string, role: 'coordinator' | 'reporter') => {
      const account = await repos.people.ensureAccount({
        channel: 'telegram',
        externalId: String(telegramId),
        chatId: String(telegramId),
        displayName: name,
        locale: 'vi',
        now,
      });
      await repos.people.grantMembership({ personId: account.personId, unitId: await unitId(unitCode), role });
      return account.personId;
    };
    const provincePersonId = await person(PROVINCE_TELEGRAM_ID, 'Nguyễn Thị Lan', 'HATINH', 'coordinator');
    const districtPersonId = await person(DISTRICT_TELEGRAM_ID, 'Trần Văn Hùng', 'H-THACHHA', 'coordinator');
    const reporterPersonId = await person(REPORTER_TELEGRAM_ID, 'Lê Văn Nam', 'X-THACHDAI', 'reporter');
    return { provincePersonId, districtPersonId, reporterPersonId };
  } finally {
    await db.close();
  }
};
