// Synthetic appendix input: N communes over a criteria list, with deterministic answers whose
// group subtotals, totals and percent are summed from the criteria (as the scoring core does),
// some appraised, a few not submitted (shared last place) or too late (not ranked), and some
// explanations that start like spreadsheet formulas. Used by the export bench and the tests.
import type { AppendixCriterion, AppendixGroup, AppendixLevel, AppendixUnitRow } from '../bot/platform/documents/appendix/appendix-model.ts';
import { DEFAULT_TIERS } from '../core/criteria/criteria-set.schema.ts';
import { tierFor } from '../core/criteria/scoring.ts';

const NAMES = ['Thạch Đài', 'Cẩm Xuyên', 'Kỳ Anh', 'Đức Thọ', 'Hương Khê', 'Nghi Xuân', 'Vũ Quang', 'Lộc Hà', 'Can Lộc', 'Hồng Lĩnh'];
const EXPLANATIONS = [
  'Chưa ban hành đủ văn bản theo kế hoạch; sẽ hoàn thành trong quý I.',
  '=HYPERLINK("http://example.invalid","bấm vào đây")',
  '- Đã triển khai 3/5 nội dung, còn lại đang thực hiện',
  '+ Bổ sung tài liệu sau',
  '@Tổ công nghệ số cộng đồng',
  'Thiết bị hỏng, đang chờ thay thế, "đã báo cáo" huyện',
];

const round2 = (n: number): number => Math.round(n * 100) / 100;
const TIER_NAMES: Record<string, string> = { tot: 'Tốt', kha: 'Khá', trung_binh: 'Trung bình', yeu: 'Yếu' };

export const syntheticCriteria = (count: number, groups = 6): { groups: AppendixGroup[]; criteria: AppendixCriterion[] } => ({
  groups: Array.from({ length: groups }, (_, g) => ({
    number: String(g + 1),
    title:
      ['Môi trường chính sách', 'Nhân lực chuyển đổi số', 'Hạ tầng số', 'Cơ sở dữ liệu số', 'An toàn thông tin', 'Kết quả phát triển chính quyền số'][g] ??
      `Nhóm ${g + 1}`,
  })),
  criteria: Array.from({ length: count }, (_, i) => ({
    code: `X-${(i % groups) + 1}.${Math.floor(i / groups) + 1}`,
    group: String((i % groups) + 1),
    text: `Tỷ lệ hồ sơ thủ tục hành chính được tiếp nhận, giải quyết trực tuyến toàn trình (chỉ tiêu ${i + 1})`,
    maxPoints: [20, 30, 40, 50][i % 4] ?? 20,
  })),
});

/** Unit `i` of a level: status by i (every 29th not submitted, every 31st too late), points by (i, criterion). */
export const syntheticUnit = (i: number, criteria: readonly AppendixCriterion[], groups: readonly AppendixGroup[]): AppendixUnitRow => {
  const unitName = `UBND xã ${NAMES[i % NAMES.length]} ${i + 1}`;
  const unitCode = `X${String(i + 1).padStart(5, '0')}`;
  if (i % 29 === 28) {
    const none = { self: null, verified: null };
    return { unitCode, unitName, groups: {}, total: none, applicableMax: null, percent: none, tier: none, rank: { kind: 'last' }, criteria: [] };
  }
  const appraised = i % 3 === 0;
  const rows = criteria.map((c, k) => {
    const share = ((i * 7 + k * 13) % 11) / 10;
    const self = round2(Math.min(1, share) * c.maxPoints);
    const verified = appraised ? round2(Math.max(0, self - (k % 4 === 0 ? 5 : 0))) : null;
    const ratio = k % 3 === 0;
    return {
      code: c.code,
      numerator: ratio ? 10 + ((i + k) % 40) : null,
      denominator: ratio ? 50 : null,
      points: { self, verified },
      explanation: self < c.maxPoints ? (EXPLANATIONS[(i + k) % EXPLANATIONS.length] ?? null) : null,
      evidenceCount: (i + k) % 4,
    };
  });
  const sum = (list: typeof rows, side: 'self' | 'verified') => round2(list.reduce((s, r) => s + (r.points[side] ?? 0), 0));
  const byGroup = Object.fromEntries(
    groups.map((g) => {
      const inGroup = rows.filter((_, k) => criteria[k]?.group === g.number);
      return [g.number, { self: sum(inGroup, 'self'), verified: appraised ? sum(inGroup, 'verified') : null }];
    }),
  );
  const max = criteria.reduce((s, c) => s + c.maxPoints, 0);
  const total = { self: sum(rows, 'self'), verified: appraised ? sum(rows, 'verified') : null };
  const percent = { self: round2((total.self / max) * 100), verified: total.verified === null ? null : round2((total.verified / max) * 100) };
  const tierName = (p: number | null) => (p === null ? null : (TIER_NAMES[tierFor(DEFAULT_TIERS, p)?.key ?? ''] ?? null));
  return {
    unitCode,
    unitName,
    groups: byGroup,
    total,
    applicableMax: max,
    percent,
    tier: { self: tierName(percent.self), verified: tierName(percent.verified) },
    rank: i % 31 === 30 ? { kind: 'not_ranked', reason: 'Nộp trễ 6 ngày làm việc' } : { kind: 'ranked', place: i + 1 },
    criteria: rows,
  };
};

// eslint-disable-next-line no-restricted-syntax -- an async generator has no arrow form
export async function* syntheticUnits(
  count: number,
  criteria: readonly AppendixCriterion[],
  groups: readonly AppendixGroup[],
): AsyncGenerator<AppendixUnitRow> {
  for (let i = 0; i < count; i += 1) yield syntheticUnit(i, criteria, groups);
}

export const syntheticLevel = (units: number, criteriaCount = 31): AppendixLevel => {
  const { groups, criteria } = syntheticCriteria(criteriaCount);
  return { level: 'commune', levelName: 'Cấp xã', groups, criteria, rows: syntheticUnits(units, criteria, groups) };
};
