// The "Tiêu chí" sheet: one row per criterion, its options continuing on the rows below.
import type { Worksheet } from 'exceljs';
import type { Criterion } from '../../../core/criteria/criteria-set.schema.ts';
import { formatRelevanceCell } from '../../../core/criteria/relevance-cell.ts';
import { CRITERIA_COLUMNS } from './criteria-columns.ts';
import { ANSWER_TYPES, EVIDENCE, EVIDENCE_KINDS, EXPLANATION, labelOf, SPARE_ROWS, YES_NO } from './layout.ts';
import { answerCells, optionCells, optionsOf, type Cells } from './write-answer.ts';
import { fitRowHeight, writeHeader } from './write-helpers.ts';

const criterionRows = (c: Criterion): Cells[] => {
  const main: Cells = {
    group: c.group,
    code: c.code,
    textVi: c.text.vi,
    textEn: c.text.en,
    type: labelOf(ANSWER_TYPES, c.answer.type),
    maxPoints: c.maxPoints,
    evidence: labelOf(EVIDENCE, c.evidence),
    evidenceKinds: labelOf(EVIDENCE_KINDS, c.evidenceKinds.join(',')),
    explanation: labelOf(EXPLANATION, c.explanation),
    allowNotApplicable: labelOf(YES_NO, c.allowNotApplicable),
    ...answerCells(c.answer),
  };
  if (c.help) Object.assign(main, { helpVi: c.help.vi, helpEn: c.help.en });
  if (c.evidenceHint) Object.assign(main, { evidenceHintVi: c.evidenceHint.vi, evidenceHintEn: c.evidenceHint.en });
  if (c.relevantWhen) main['relevantWhen'] = formatRelevanceCell(c.relevantWhen);
  for (const k of ['min', 'max', 'minLength', 'maxLength'] as const) {
    const v = c.constraints[k];
    if (v !== undefined) main[k] = v;
  }
  for (const k of ['dataSource', 'verifier', 'provenance'] as const) {
    const v = c[k];
    if (v !== undefined) main[k] = v;
  }
  const [first, ...rest] = optionsOf(c.answer);
  return [{ ...main, ...(first ? optionCells(first) : {}) }, ...rest.map(optionCells)];
};

export const writeCriteriaSheet = (ws: Worksheet, criteria: readonly Criterion[], profileKeyColumn: number): void => {
  const rows = criteria.flatMap((c, i) => criterionRows(c).map((cells, j) => ({ cells, first: j === 0, band: i % 2 === 1 })));
  writeHeader(ws, CRITERIA_COLUMNS, 1, rows.length + SPARE_ROWS, profileKeyColumn);
  rows.forEach(({ cells, first, band }, i) => {
    const row = ws.getRow(i + 2);
    CRITERIA_COLUMNS.forEach((def, j) => {
      const v = cells[def.key];
      const cell = row.getCell(j + 1);
      if (v !== undefined) cell.value = v;
      cell.alignment = { wrapText: true, vertical: 'top' };
      // Alternate shading keeps a criterion and its option rows together for the eye.
      if (band) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
    });
    if (first) row.getCell(2).font = { bold: true };
    fitRowHeight(ws, i + 2);
  });
  ws.views = [{ state: 'frozen', xSplit: 2, ySplit: 1 }];
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: CRITERIA_COLUMNS.length } };
};
