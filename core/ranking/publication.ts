// A published result table (`period publish`): each level's ranking exactly as the score and
// ranking functions gave it at that moment, with every unit's self and verified figures. It is
// a legal record, so it is stored frozen and read back as stored: a later correction of an
// answer or a new score version never changes what was published.
import { z } from 'zod';
import { TierSchema, type Tier } from '../criteria/criteria-set.schema.ts';
import type { AssessedLevel } from '../periods/period.schema.ts';
import type { Reply } from '../reply.ts';
import { err, ok, type Result } from '../result.ts';
import type { LevelRanking, NotRankedRow, RankedRow } from './rank-units.ts';

export const PUBLICATION_VERSION = 1;

export type PublishedFigures = { readonly points: number; readonly percent: number; readonly applicableMax: number };
export type PublishedLevel = LevelRanking & { readonly tiers: readonly Tier[] };
export type Publication = {
  readonly v: number;
  readonly periodId: string;
  readonly periodName: string;
  /** ISO instant of publication. */
  readonly publishedAt: string;
  readonly levels: readonly PublishedLevel[];
  /** Per unit id: the self-assessed and (once appraisal started) verified totals. */
  readonly figures: Readonly<Record<string, { readonly self: PublishedFigures | null; readonly verified: PublishedFigures | null }>>;
};

const param = z.union([z.string(), z.number(), z.strictObject({ key: z.string() })]);
const replySchema = z.object({ key: z.string(), params: z.record(z.string(), param).optional() }).transform((r) => r as Reply);
const level = z.enum(['commune', 'district', 'department']);
const rowBase = {
  unitId: z.string(),
  unitCode: z.string(),
  unitName: z.string(),
  parentId: z.string().optional(),
  percent: z.number(),
  points: z.number(),
  tier: z.string().nullable(),
  basis: z.enum(['self', 'verified']),
  status: z.enum(['not_started', 'draft', 'submitted', 'returned', 'verified']),
  submitted: z.boolean(),
  workingDaysLate: z.number(),
};
const rankedRow = z.object({ ...rowBase, rank: z.union([z.number(), z.literal('last')]), lateFlag: z.boolean(), lastReason: replySchema.optional() });
const notRankedRow = z.object({ ...rowBase, reason: replySchema });
const figures = z.object({ points: z.number(), percent: z.number(), applicableMax: z.number() });

export const PublicationSchema = z.object({
  v: z.literal(PUBLICATION_VERSION),
  periodId: z.string(),
  periodName: z.string(),
  publishedAt: z.string(),
  levels: z.array(
    z.object({
      level,
      ranked: z.array(rankedRow),
      notRanked: z.array(notRankedRow),
      excludedCount: z.number(),
      tiers: z.array(TierSchema),
    }),
  ),
  figures: z.record(z.string(), z.object({ self: figures.nullable(), verified: figures.nullable() })),
});

const figuresOf = (t: { points: number; percent: number; applicableMax: number } | null | undefined): PublishedFigures | null =>
  t ? { points: t.points, percent: t.percent, applicableMax: t.applicableMax } : null;

/** Freezes the rankings and totals computed now into the record that will be stored. */
export const freezePublication = (input: {
  readonly periodId: string;
  readonly periodName: string;
  readonly publishedAt: Date;
  readonly levels: readonly PublishedLevel[];
  readonly totals: ReadonlyMap<string, { readonly self: PublishedFigures | null; readonly verified: PublishedFigures | null }>;
}): Publication => ({
  v: PUBLICATION_VERSION,
  periodId: input.periodId,
  periodName: input.periodName,
  publishedAt: input.publishedAt.toISOString(),
  levels: input.levels.map((l) => ({ level: l.level, ranked: l.ranked, notRanked: l.notRanked, excludedCount: l.excludedCount, tiers: l.tiers })),
  figures: Object.fromEntries(
    input.levels
      .flatMap((l) => [...l.ranked, ...l.notRanked])
      .map((r) => {
        const t = input.totals.get(r.unitId);
        return [r.unitId, { self: figuresOf(t?.self), verified: figuresOf(t?.verified) }];
      }),
  ),
});

export const parsePublication = (json: unknown): Result<Publication, { readonly code: 'PUBLICATION_INVALID'; readonly detail: string }> => {
  const parsed = PublicationSchema.safeParse(json);
  return parsed.success ? ok(parsed.data as Publication) : err({ code: 'PUBLICATION_INVALID', detail: parsed.error.issues[0]?.message ?? 'invalid' });
};

export type PublishedUnit = {
  readonly level: PublishedLevel;
  readonly row: RankedRow | NotRankedRow;
  /** Competing units of the level (ranked and listed apart): "rank 3 of 140". */
  readonly of: number;
  readonly figures: Publication['figures'][string] | undefined;
};

/** One unit's line of a publication, or null when it was not in it (excluded, or not assessed). */
export const publishedUnit = (p: Publication, unitId: string): PublishedUnit | null => {
  for (const l of p.levels) {
    const row = [...l.ranked, ...l.notRanked].find((r) => r.unitId === unitId);
    if (row) return { level: l, row, of: l.ranked.length + l.notRanked.length, figures: p.figures[unitId] };
  }
  return null;
};

export const levelOf = (p: Publication, level: AssessedLevel): PublishedLevel | undefined => p.levels.find((l) => l.level === level);
