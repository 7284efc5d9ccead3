// The form as DOCX (the `docx` package): the same content as the PDF, in Times New Roman as
// Nghị định 30/2020 asks for official documents, A4 landscape; the column header repeats on
// every page. The identity goes into the document properties and the footer.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import type { Label } from '../labels.ts';
import { formContent, type FormContent, type FormRow } from './form-content.ts';
import type { SelfAssessmentForm } from './form-model.ts';

const FONT = 'Times New Roman';
const MM = 1440 / 25.4; // twips per millimetre
// Column widths in twips (points × 20), 710 pt of the 252 mm usable width; STT a little wider than
// in the PDF because Word pads cells more.
const WIDTHS = [36, 176, 44, 46, 46, 54, 48, 144, 116].map((pt) => pt * 20);
const NUMERIC = new Set([2, 3, 4, 5, 6]);
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };

type RunStyle = { bold?: boolean; italics?: boolean; size?: number; underline?: boolean };
const run = (text: string, s: RunStyle = {}) =>
  new TextRun({ text, font: FONT, size: (s.size ?? 13) * 2, bold: s.bold ?? false, italics: s.italics ?? false, ...(s.underline ? { underline: {} } : {}) });
// A cell's text keeps its line breaks (evidence is one item per line).
const lines = (text: string, s: RunStyle = {}) =>
  text.split('\n').map((line, i) => new TextRun({ text: line, font: FONT, size: (s.size ?? 13) * 2, bold: s.bold ?? false, break: i > 0 ? 1 : 0 }));
const para = (text: string, s: RunStyle & { align?: (typeof AlignmentType)[keyof typeof AlignmentType]; before?: number; after?: number } = {}) =>
  new Paragraph({ alignment: s.align ?? AlignmentType.LEFT, spacing: { before: s.before ?? 0, after: s.after ?? 0 }, children: [run(text, s)] });

const header = (c: FormContent): Table => {
  const left = [
    ...c.headerLeft.map((t) => para(t, { size: 12, align: AlignmentType.CENTER })),
    para(c.headerLeftBold, { size: 12, bold: true, underline: true, align: AlignmentType.CENTER }),
  ];
  const right = [
    para(c.nationalName, { size: 12, bold: true, align: AlignmentType.CENTER }),
    para(c.nationalMotto, { size: 13, bold: true, underline: true, align: AlignmentType.CENTER, after: 120 }),
    para(c.placeDate, { size: 13, italics: true, align: AlignmentType.CENTER }),
  ];
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: [
          new TableCell({ width: { size: 40, type: WidthType.PERCENTAGE }, borders: NO_BORDERS, children: left }),
          new TableCell({ width: { size: 60, type: WidthType.PERCENTAGE }, borders: NO_BORDERS, children: right }),
        ],
      }),
    ],
  });
};

const cell = (text: string, i: number, opts: { bold?: boolean; center?: boolean; rowSpan?: number; columnSpan?: number; width?: number } = {}) =>
  new TableCell({
    width: { size: opts.width ?? WIDTHS[i] ?? 0, type: WidthType.DXA },
    verticalAlign: opts.center ? VerticalAlign.CENTER : VerticalAlign.TOP,
    margins: { top: 40, bottom: 40, left: 60, right: 60 },
    ...(opts.rowSpan ? { rowSpan: opts.rowSpan } : {}),
    ...(opts.columnSpan ? { columnSpan: opts.columnSpan } : {}),
    children: [
      new Paragraph({
        alignment: opts.center ? AlignmentType.CENTER : NUMERIC.has(i) ? AlignmentType.RIGHT : i === 0 ? AlignmentType.CENTER : AlignmentType.LEFT,
        children: lines(text, { size: 11, bold: opts.bold ?? false }),
      }),
    ],
  });

const groupTable = (c: FormContent, rows: readonly FormRow[], subtotal: FormRow): Table => {
  const t = c.columnTitles;
  const th = (text: string, i: number, o: { rowSpan?: number; columnSpan?: number; width?: number } = {}) => cell(text, i, { bold: true, center: true, ...o });
  const figuresW = (WIDTHS[3] ?? 0) + (WIDTHS[4] ?? 0) + (WIDTHS[5] ?? 0);
  return new Table({
    width: { size: WIDTHS.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: WIDTHS,
    rows: [
      new TableRow({
        tableHeader: true,
        children: [
          th(t.stt, 0, { rowSpan: 2 }),
          th(t.criterion, 1, { rowSpan: 2 }),
          th(t.max, 2, { rowSpan: 2 }),
          th(t.figures, 3, { columnSpan: 3, width: figuresW }),
          th(t.self, 6, { rowSpan: 2 }),
          th(t.explanation, 7, { rowSpan: 2 }),
          th(t.evidence, 8, { rowSpan: 2 }),
        ],
      }),
      new TableRow({ tableHeader: true, children: [th(t.numerator, 3), th(t.denominator, 4), th(t.value, 5)] }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((text, i) => cell(text, i)) })),
      new TableRow({ cantSplit: true, children: subtotal.map((text, i) => cell(text, i, { bold: true })) }),
    ],
  });
};

export const renderFormDocx = async (form: SelfAssessmentForm, label: Label): Promise<Buffer> => {
  const c = formContent(form, label);
  const body = [
    header(c),
    para('', { after: 240 }),
    para(c.title, { size: 14, bold: true, align: AlignmentType.CENTER }),
    para(c.subtitle, { size: 13, bold: true, align: AlignmentType.CENTER, after: 200 }),
    ...c.info.map((line) => para(line)),
    ...c.groups.flatMap((g) => [
      para('', { after: 80 }),
      new Paragraph({ keepNext: true, spacing: { after: 80 }, children: [run(g.heading, { bold: true })] }),
      groupTable(c, g.rows, g.subtotal),
    ]),
    para('', { after: 200 }),
    ...c.totals.map((line) => new Paragraph({ keepNext: true, children: [run(line, { bold: true })] })),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      borders: NO_BORDERS,
      rows: [
        new TableRow({
          cantSplit: true,
          children: [
            new TableCell({ width: { size: 55, type: WidthType.PERCENTAGE }, borders: NO_BORDERS, children: [para('')] }),
            new TableCell({
              width: { size: 45, type: WidthType.PERCENTAGE },
              borders: NO_BORDERS,
              children: [
                para(c.signatureTitle, { bold: true, align: AlignmentType.CENTER, before: 240 }),
                para(c.signatureHint, { italics: true, size: 12, align: AlignmentType.CENTER, after: 1400 }),
                para(c.signerName, { bold: true, align: AlignmentType.CENTER }),
              ],
            }),
          ],
        }),
      ],
    }),
  ];
  const footer = new Footer({
    children: [
      new Paragraph({
        children: [
          run(`${c.identityLine}   `, { size: 8 }),
          new TextRun({ font: FONT, size: 16, children: [PageNumber.CURRENT, '/', PageNumber.TOTAL_PAGES] }),
        ],
      }),
    ],
  });
  const doc = new Document({
    creator: form.unitName,
    title: `${c.title} — ${c.subtitle}`,
    subject: c.subject,
    keywords: c.keywords,
    description: c.identityLine,
    customProperties: [
      { name: 'EgovSubmission', value: form.submissionId },
      { name: 'EgovAnswersSha256', value: form.answersSha256.toLowerCase() },
    ],
    sections: [
      {
        properties: {
          page: {
            size: { orientation: PageOrientation.LANDSCAPE, width: Math.round(210 * MM), height: Math.round(297 * MM) },
            margin: { top: Math.round(20 * MM), bottom: Math.round(20 * MM), left: Math.round(30 * MM), right: Math.round(15 * MM) },
          },
        },
        footers: { default: footer },
        children: body,
      },
    ],
  });
  return Packer.toBuffer(doc);
};
