// /unit <code>: a unit's answers as a coordinator checks them — per criterion the value itself
// (a/b with both labels, the option chosen, the date), points of the maximum, explanation,
// evidence and appraisal — under a header computed by the same score function, so the rows
// always add up to it.
import { formatDateVi, toLocalDate } from '../../../core/calendar/local-date.ts';
import { answerText } from '../../../core/criteria/answer-text.ts';
import type { CriteriaSet, Criterion, Tier } from '../../../core/criteria/criteria-set.schema.ts';
import { pickText, type Lang } from '../../../core/criteria/localized-text.ts';
import type { CriterionScore, SetScore } from '../../../core/criteria/scoring.ts';
import { tierText } from '../../../core/criteria/tier-text.ts';
import { reviewSummary } from '../../../core/questionnaire/review-summary.ts';
import { asRow, keyParam, reply, type Reply, type ReplyParams } from '../../../core/reply.ts';
import type { CommandContext, CommandResult } from '../command-port.ts';
import type { EvidenceFile, StoredPeriod, SubmissionSnapshot } from '../ports.ts';
import { isLockedStatus, scoreOf, windowOf } from '../scores.ts';
import { isQuarterlyUpdate } from '../checkpoints.ts';
import { quarterlyCheckpoints } from '../../../core/periods/deadlines.ts';
import { unitRows, type CoordinationDeps, type UnitRow } from './coordination-context.ts';
import { localDateTime, submittedAnswersSha256 } from './form-document.ts';
import { guarded, say, unitInScope } from './guard.ts';
import { readPublications, unitResultReply } from './result-command.ts';
import type { Unit } from '../../../core/units/unit.ts';

const MAX_FILES_NAMED = 3;

const filesParam = (files: readonly EvidenceFile[]): string => {
  const names = files.map((f) => f.fileName ?? f.kind);
  return names.length <= MAX_FILES_NAMED ? names.join(', ') : `${names.slice(0, MAX_FILES_NAMED).join(', ')} +${names.length - MAX_FILES_NAMED}`;
};

const criterionLine = (
  c: Criterion,
  row: CriterionScore,
  verifiedRow: CriterionScore | undefined,
  snap: SubmissionSnapshot,
  files: readonly EvidenceFile[],
  lang: Lang,
): Reply => {
  const answer = snap.answers[c.code];
  if (!answer) return reply('coord:unit.criterion_missing', { code: c.code, max: c.maxPoints });
  const value = answerText(c, answer.value, lang);
  const override = snap.overrides[c.code];
  return reply(row.status === 'not_applicable' ? 'coord:unit.criterion_na' : 'coord:unit.criterion', {
    code: c.code,
    ...value.params,
    value: keyParam(value.key),
    points: row.points,
    max: c.maxPoints,
    pending: row.status === 'blocked_by_evidence' ? keyParam('coord:unit.pending_evidence') : '',
    evidence: files.length,
    files: files.length > 0 ? filesParam(files) : '-',
    explanation: answer.explanation ?? '-',
    verified: override && verifiedRow ? keyParam('coord:unit.verified') : '',
    verifiedPoints: verifiedRow?.points ?? 0,
    verifiedNote: override?.note ?? '',
  });
};

const totalsLine = (key: string, s: SetScore, tiers: Parameters<typeof tierText>[0], lang: Lang, extra: ReplyParams = {}): Reply =>
  reply(key, { points: s.points, applicableMax: s.applicableMax, percent: s.percent, tier: tierText(tiers, s.tier?.key ?? null, lang), ...extra });

/** One answered criterion as /unit shows it (the dashboard reads the same). */
export type UnitCriterionDetail = {
  readonly criterion: Criterion;
  readonly row: CriterionScore;
  readonly verifiedRow: CriterionScore | undefined;
  readonly files: readonly EvidenceFile[];
};

/** A unit's report in one period: totals from the score function, the answered criteria, what is missing. */
export type UnitDetail = {
  readonly snapshot: SubmissionSnapshot;
  readonly set: CriteriaSet;
  readonly tiers: readonly Tier[];
  readonly self: SetScore;
  readonly verified: SetScore | null;
  readonly signed: { readonly signer: string; readonly time: string } | undefined;
  readonly criteria: readonly UnitCriterionDetail[];
  readonly unanswered: readonly string[];
  /** Codes (or profile labels) that keep a draft from being submitted. */
  readonly blockers: readonly string[];
};

export const unitDetail = async (deps: CoordinationDeps, period: StoredPeriod, row: UnitRow, lang: Lang): Promise<UnitDetail | null> => {
  const s = row.submission;
  if (!s) return null;
  const [stored, snap, files] = await Promise.all([
    deps.repos.criteriaSets.findById(s.criteriaSetId),
    deps.repos.submissions.load(s.id),
    deps.repos.submissions.evidenceOf(s.id),
  ]);
  if (!stored || !snap) return null;
  const set = stored.set;
  const tiers = period.tiers ?? set.tiers;
  const score = scoreOf(set, period, snap);
  const signedForm = (await deps.repos.signedForms.latestOf([snap.id])).get(snap.id);
  // "Đã ký số" holds only for the answers the signed form was made from (a return and new answers void it).
  const signed =
    signedForm && isLockedStatus(snap.status) && signedForm.answersSha256 === submittedAnswersSha256(snap)
      ? { signer: signedForm.signerName ?? signedForm.signerSubject, time: signedForm.signingTime ? localDateTime(signedForm.signingTime) : '—' }
      : undefined;
  const unanswered: string[] = [];
  const criteria: UnitCriterionDetail[] = [];
  for (const c of set.criteria) {
    const r = score.self.byCode[c.code];
    if (!r || r.status === 'irrelevant') continue;
    if (snap.answers[c.code])
      criteria.push({ criterion: c, row: r, verifiedRow: score.verified?.byCode[c.code], files: files.filter((f) => f.criterionCode === c.code) });
    else unanswered.push(c.code);
  }
  let blockers: string[] = [];
  if (snap.status === 'draft' || snap.status === 'returned') {
    const label = (code: string) => pickText(set.profile.find((p) => p.key === code)?.label, lang) || code;
    blockers = reviewSummary(set, snap.answers, snap.profile, { window: windowOf(period, set.level), tiers }).blockers.map((b) =>
      b.reason === 'profile_missing' ? label(b.code) : b.code,
    );
  }
  return { snapshot: snap, set, tiers, self: score.self, verified: score.verified, signed, criteria, unanswered, blockers };
};

/** A quarterly update: each checkpoint, recorded on which day or not yet. */
const checkpointLines = async (deps: CoordinationDeps, period: StoredPeriod, submissionId: string | undefined): Promise<Reply[]> => {
  if (!isQuarterlyUpdate(period)) return [];
  const recorded = submissionId ? await deps.repos.submissions.checkpointsOf([submissionId]) : [];
  return quarterlyCheckpoints(period).map((cp) => {
    const r = recorded.find((x) => x.month === cp.month);
    const base = { months: cp.month, date: formatDateVi(cp.date) };
    return asRow(
      r ? reply('coord:unit.checkpoint_recorded', { ...base, at: formatDateVi(toLocalDate(r.recordedAt)) }) : reply('coord:unit.checkpoint_missing', base),
    );
  });
};

const details = async (deps: CoordinationDeps, period: StoredPeriod, row: UnitRow, lang: Lang): Promise<Reply[]> => {
  const s = row.submission;
  if (!s) return [reply('coord:unit.not_started'), ...(await checkpointLines(deps, period, undefined))];
  const d = await unitDetail(deps, period, row, lang);
  if (!d) return [];
  const snap = d.snapshot;
  const lines: Reply[] = [totalsLine('coord:unit.totals_self', d.self, d.tiers, lang)];
  if (d.verified)
    lines.push(totalsLine('coord:unit.totals_verified', d.verified, d.tiers, lang, { state: keyParam(`coord:appraisal.${snap.appraisalState}`) }));
  if (s.firstSubmittedAt) {
    lines.push(
      reply(row.late.late ? 'coord:unit.submitted_late' : 'coord:unit.submitted_on_time', {
        date: formatDateVi(toLocalDate(s.firstSubmittedAt)),
        days: row.late.workingDaysLate,
      }),
    );
  }
  if (d.signed) lines.push(reply('coord:unit.signed', d.signed));
  lines.push(...(await checkpointLines(deps, period, s.id)));
  if (snap.status === 'returned' && snap.returnNote) lines.push(reply('coord:unit.returned', { note: snap.returnNote }));
  for (const c of d.criteria) lines.push(asRow(criterionLine(c.criterion, c.row, c.verifiedRow, snap, c.files, lang)));
  if (d.unanswered.length > 0) lines.push(reply('coord:unit.unanswered', { count: d.unanswered.length, codes: d.unanswered.join(', ') }));
  if (d.blockers.length > 0) lines.push(reply('coord:unit.blockers', { count: d.blockers.length, codes: d.blockers.slice(0, 15).join(', ') }));
  return lines;
};

/** A merged unit's predecessors and their published results (old periods stay under the old units). */
const predecessorLines = async (deps: CoordinationDeps, unit: Unit, lang: Lang): Promise<Reply[]> => {
  const predecessors = await deps.repos.units.predecessorsOf(unit.id);
  if (predecessors.length === 0) return [];
  const publications = await readPublications(deps.repos.publications);
  return predecessors.flatMap(({ unit: old, effectiveOn }) => {
    const head = reply('coord:unit.predecessor', { code: old.code, name: old.name, day: effectiveOn ? formatDateVi(toLocalDate(effectiveOn)) : '-' });
    const results = publications.flatMap((p) => unitResultReply(p, old.id, lang) ?? []).map(asRow);
    return [head, ...(results.length > 0 ? results : [asRow(reply('coord:unit.predecessor_no_result'))])];
  });
};

export const unitCommand =
  (deps: CoordinationDeps) =>
  (ctx: CommandContext): Promise<CommandResult> =>
    guarded(deps, ctx, async ({ scope, period }) => {
      const found = unitInScope(
        scope,
        ctx.args.find((a) => !a.startsWith('period:')),
      );
      if (!found.ok) return found.result;
      const [row] = await unitRows(deps, scope, period, (u) => u.id === found.unit.id);
      const history = await predecessorLines(deps, found.unit, ctx.locale);
      if (!row) return say(reply('coord:unit.not_assessed', { code: found.unit.code }), ...history);
      const head = reply('coord:unit.title', {
        code: found.unit.code,
        name: found.unit.name,
        status: keyParam(`coord:state.${row.status}`),
        period: period.name,
      });
      return say(head, ...(await details(deps, period, row, ctx.locale)), ...history);
    });
