// /form [MÃ] [pdf|docx]: the Phiếu tự đánh giá of a submitted report, as PDF (to sign digitally
// and send back) and DOCX. Reporters get their own unit's; coordinators name a unit in scope.
// The same builder serves the CLI and the signed download links (Zalo).
import type { Lang } from '../../../core/criteria/localized-text.ts';
import { reply, type Reply } from '../../../core/reply.ts';
import { renderFormDocx } from '../../platform/documents/form/form-docx.ts';
import { renderFormPdf } from '../../platform/documents/form/form-pdf.ts';
import type { Locale } from '../../platform/i18n.ts';
import type { Attachment, CommandContext, CommandResult } from '../command-port.ts';
import type { Membership, StoredPeriod } from '../ports.ts';
import { isLockedStatus } from '../scores.ts';
import { pickPeriod, scopeOf, type CoordinationDeps } from './coordination-context.ts';
import { documentLabel } from './document-label.ts';
import { formModel } from './form-document.ts';
import { say } from './guard.ts';

export type FormFormat = 'pdf' | 'docx';
export type FormCaller = { readonly personId: string; readonly memberships: readonly Membership[]; readonly locale: Locale; readonly now: Date };
export type FormRequest = { readonly period: StoredPeriod; readonly unitCode?: string; readonly unitId?: string; readonly formats: readonly FormFormat[] };

export const MIME: Record<FormFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** The unit the caller may have a form of: their own (reporter), or one in their coordinator scope. */
const unitFor = async (deps: CoordinationDeps, caller: FormCaller, req: FormRequest): Promise<{ ok: true; unitId: string } | { ok: false; reply: Reply }> => {
  const own = caller.memberships.filter((m) => m.role === 'reporter').map((m) => m.unitId);
  const named = req.unitId ?? (req.unitCode ? (await deps.repos.units.findByCode(req.unitCode.toUpperCase()))?.id : undefined);
  if (req.unitCode && !named) return { ok: false, reply: reply('coord:unknown_unit', { code: req.unitCode }) };
  if (!named) return own[0] ? { ok: true, unitId: own[0] } : { ok: false, reply: reply('coord:form.no_unit') };
  if (own.includes(named)) return { ok: true, unitId: named };
  const scope = await scopeOf(deps, caller);
  return scope.visible.has(named) ? { ok: true, unitId: named } : { ok: false, reply: reply('coord:out_of_scope', { code: req.unitCode ?? named }) };
};

/** The form files of a submitted report, or why there are none. */
export const buildFormFiles = async (
  deps: CoordinationDeps,
  caller: FormCaller,
  req: FormRequest,
): Promise<{ ok: true; files: Attachment[] } | { ok: false; reply: Reply }> => {
  const target = await unitFor(deps, caller, req);
  if (!target.ok) return target;
  const unit = await deps.repos.units.findById(target.unitId);
  const link = unit && req.period.sets.find((s) => s.level === unit.level && s.answeredBy === 'unit');
  if (!unit || !link) return { ok: false, reply: reply('coord:nothing_in_scope') };
  const [stored, snapshot] = await Promise.all([
    deps.repos.criteriaSets.findById(link.criteriaSetId),
    deps.repos.submissions.find(req.period.id, unit.id, link.criteriaSetId),
  ]);
  if (!stored || !snapshot || !isLockedStatus(snapshot.status)) return { ok: false, reply: reply('coord:form.not_submitted', { unit: unit.name }) };
  const lang: Lang = caller.locale;
  const model = formModel({
    set: stored.set,
    period: req.period,
    unit,
    parent: unit.parentId ? await deps.repos.units.findById(unit.parentId) : null,
    snapshot,
    evidence: await deps.repos.submissions.evidenceOf(snapshot.id),
    lang,
    now: caller.now,
    t: (key, params) => deps.translate(caller.locale, key, params),
  });
  const label = documentLabel(deps, caller.locale);
  const files: Attachment[] = [];
  for (const format of req.formats) {
    const data = format === 'pdf' ? await renderFormPdf(model, label) : await renderFormDocx(model, label);
    files.push({
      kind: 'document',
      fileName: `phieu-tu-danh-gia-${unit.code.toLowerCase()}.${format}`,
      mime: MIME[format],
      data,
      link: { kind: `form_${format}`, periodId: req.period.id, unitId: unit.id, personId: caller.personId },
    });
  }
  return { ok: true, files };
};

export const formCommand =
  (deps: CoordinationDeps) =>
  async (ctx: CommandContext): Promise<CommandResult> => {
    const period = await pickPeriod(deps, ctx.args);
    if (!period) return say(reply('coord:no_period'));
    const words = ctx.args.filter((a) => !a.startsWith('period:'));
    const wanted = words.filter((w) => w === 'pdf' || w === 'docx') as FormFormat[];
    const unitCode = words.find((w) => w !== 'pdf' && w !== 'docx');
    const built = await buildFormFiles(deps, ctx, { period, ...(unitCode ? { unitCode } : {}), formats: wanted.length > 0 ? wanted : ['pdf', 'docx'] });
    if (!built.ok) return say(built.reply);
    return { replies: [reply('coord:form.done', { period: period.name })], attachments: built.files };
  };
