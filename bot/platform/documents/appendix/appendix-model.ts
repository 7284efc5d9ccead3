// The view model of the appendix export (bảng tổng hợp kết quả đánh giá, xếp hạng): one level at
// a time, its units as an (async) iterable so the caller can stream them from the database in
// rank order. Scores arrive computed (the scoring core); the writer only lays them out.

/** A score as self-assessed and as verified (thẩm định); null = none yet. */
export type ScorePair = { readonly self: number | null; readonly verified: number | null };
/** Tier names as displayed ("Khá"), for the self and the verified score. */
export type TierPair = { readonly self: string | null; readonly verified: string | null };

export type AppendixRank =
  | { readonly kind: 'ranked'; readonly place: number }
  /** Shared last place (did not submit: Gia Lai 169/QĐ-UBND). */
  | { readonly kind: 'last' }
  /** Not ranked, with the reason as displayed (too late, by rule…). */
  | { readonly kind: 'not_ranked'; readonly reason: string };

export type AppendixCriterionRow = {
  /** Criterion code, one of AppendixLevel.criteria. */
  readonly code: string;
  readonly numerator?: number | null;
  readonly denominator?: number | null;
  readonly points: ScorePair;
  readonly explanation?: string | null;
  readonly evidenceCount: number;
};

export type AppendixUnitRow = {
  readonly unitCode: string;
  readonly unitName: string;
  /** Subtotals by group number (AppendixLevel.groups). */
  readonly groups: Readonly<Record<string, ScorePair>>;
  readonly total: ScorePair;
  /** Applicable maximum (tiêu chí áp dụng); null when the unit has no report. */
  readonly applicableMax: number | null;
  /** Percent of the applicable maximum, e.g. 86.5. */
  readonly percent: ScorePair;
  readonly tier: TierPair;
  readonly rank: AppendixRank;
  /** Answered criteria, in any order; the detail sheet follows AppendixLevel.criteria. */
  readonly criteria: readonly AppendixCriterionRow[];
};

export type AppendixGroup = { readonly number: string; readonly title: string };
export type AppendixCriterion = { readonly code: string; readonly group: string; readonly text: string; readonly maxPoints: number };

export type AppendixLevel = {
  /** e.g. 'commune'; the caller's CSV target is chosen by it. */
  readonly level: string;
  /** As displayed: "Cấp xã". */
  readonly levelName: string;
  readonly groups: readonly AppendixGroup[];
  readonly criteria: readonly AppendixCriterion[];
  /** Units in the order to print (rank order); iterated once. */
  readonly rows: AsyncIterable<AppendixUnitRow> | Iterable<AppendixUnitRow>;
};

export type AppendixDocument = {
  /** Top-left block: the superior body above the issuing body (e.g. UBND TỈNH HÀ TĨNH / SỞ KHOA HỌC VÀ CÔNG NGHỆ). */
  readonly issuer: { readonly parentName?: string; readonly name: string };
  readonly periodName: string;
  /** Data window, 'YYYY-MM-DD'. */
  readonly window: { readonly from: string; readonly to: string };
  readonly place: string;
  /** 'YYYY-MM-DD' printed as "…, ngày dd tháng mm năm yyyy". */
  readonly date: string;
  /** File metadata time (not `new Date()`, so output is reproducible). */
  readonly generatedAt: Date;
  readonly levels: readonly AppendixLevel[];
};
