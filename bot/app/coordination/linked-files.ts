// Files behind expiring signed links (Zalo cannot receive documents through its Bot API): the
// link names what to produce and for whom; this rebuilds it now, with that person's current
// memberships, so a leaked or old link never shows more than its owner may see today.
import { reply } from '../../../core/reply.ts';
import type { Locale } from '../../platform/i18n.ts';
import type { FileDescriptor } from '../../platform/signed-links.ts';
import type { ProducedFile } from '../../platform/signed-file-route.ts';
import type { Attachment } from '../command-port.ts';
import { isAssessedLevel, scopeOf, type CoordinationDeps } from './coordination-context.ts';
import { buildChart, buildExportFiles } from './export-chart-commands.ts';
import { buildFormFiles } from './form-command.ts';

const LINK_TTL_MS = 24 * 3_600_000;

/** The descriptor of an attachment's link, expiring a day after `now`. */
export const linkDescriptor = (file: Attachment, now: Date): FileDescriptor | undefined =>
  file.link ? { ...file.link, expiresAt: new Date(now.getTime() + LINK_TTL_MS) } : undefined;

export const produceLinkedFile =
  (deps: CoordinationDeps, locale: Locale, now: () => Date) =>
  async (d: FileDescriptor): Promise<ProducedFile | undefined> => {
    const [memberships, period, person] = await Promise.all([
      deps.repos.people.listMemberships(d.personId),
      deps.repos.periods.findById(d.periodId),
      deps.repos.people.findPerson(d.personId),
    ]);
    if (!period || memberships.length === 0) return undefined;
    const caller = { personId: d.personId, memberships, locale: person?.locale === 'en' || person?.locale === 'vi' ? person.locale : locale, now: now() };
    const level = d.level && isAssessedLevel(d.level) ? d.level : undefined;
    if (d.kind === 'form_pdf' || d.kind === 'form_docx') {
      if (!d.unitId) return undefined;
      const built = await buildFormFiles(deps, caller, { period, unitId: d.unitId, formats: [d.kind === 'form_pdf' ? 'pdf' : 'docx'] });
      return built.ok ? built.files[0] : undefined;
    }
    if (!memberships.some((m) => m.role === 'coordinator')) return undefined;
    const scope = await scopeOf(deps, caller);
    if (d.kind === 'export_xlsx' || d.kind === 'export_csv') {
      const built = await buildExportFiles(deps, scope, period, caller, level);
      return built.files.find((f) => f.link?.kind === d.kind && (d.kind === 'export_xlsx' || f.link.level === d.level));
    }
    if (d.kind === 'evidence') {
      // `<submission>:<evidence>`: the evidence must belong to that submission, of that unit, in that period, in scope.
      const [submissionId, evidenceId] = (d.fileId ?? '').split(':');
      if (!d.unitId || !submissionId || !evidenceId || !deps.readEvidence || !scope.visible.has(d.unitId)) return undefined;
      const snapshot = await deps.repos.submissions.load(submissionId);
      if (!snapshot || snapshot.unitId !== d.unitId || snapshot.periodId !== d.periodId) return undefined;
      const file = (await deps.repos.submissions.evidenceOf(submissionId)).find((e) => e.id === evidenceId);
      const data = file?.storedPath ? await deps.readEvidence(file.storedPath) : null;
      if (!file || !data) return undefined;
      return { fileName: file.fileName ?? `${file.criterionCode}-${file.kind}`, mime: file.mime ?? 'application/octet-stream', data };
    }
    if (d.kind === 'chart_png') {
      const chart = await buildChart(deps, scope, period, caller, level ? { level } : {});
      const first = chart.ok ? chart.images[0] : undefined;
      return first ? { fileName: `bieu-do-${chart.ok ? chart.level : ''}.png`, mime: 'image/png', data: first.png } : undefined;
    }
    return undefined;
  };

/** A reply naming each linked file with its URL (Zalo); files without a link are said to be unavailable. */
export const linkReplies = (files: readonly Attachment[], sign: (d: FileDescriptor) => string, baseUrl: string, now: Date, formatTime: (d: Date) => string) =>
  files.map((f) => {
    const d = linkDescriptor(f, now);
    if (!d) return reply('coord:attachment_unavailable');
    return reply('coord:attachment_link', {
      name: f.fileName,
      url: `${baseUrl.replace(/\/$/, '')}${FILES_PATH}?t=${sign(d)}`,
      expires: formatTime(d.expiresAt),
    });
  });

export const FILES_PATH = '/files';
