// The form as PDF (pdfkit, A4 landscape, DejaVu Serif from npm). The submission id and the
// answers' sha256 go into the Info dictionary (Keywords + two custom keys, stored uncompressed)
// and into a printed line on every page, so a signed copy can be matched to its submission.
import PDFDocument from 'pdfkit';
import { fontBytes } from '../fonts.ts';
import type { Label } from '../labels.ts';
import { formContent, type FormContent } from './form-content.ts';
import type { SelfAssessmentForm } from './form-model.ts';

const MM = 72 / 25.4;
// Nghị định 30/2020: left 30 mm, right 15 mm, top/bottom 20 mm.
const MARGINS = { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 15 * MM };
// STT, tiêu chí, tối đa, a, b, giá trị, tự chấm, giải trình, kiểm chứng (sum = usable width).
const WIDTHS = [30, 180, 44, 46, 46, 54, 48, 146, 116];

type Doc = InstanceType<typeof PDFDocument>;

const header = (doc: Doc, c: FormContent): void => {
  const top = doc.y;
  const leftW = 250;
  const rightX = MARGINS.left + leftW + 20;
  const rightW = doc.page.width - MARGINS.right - rightX;
  doc.font('serif').fontSize(11);
  for (const line of c.headerLeft) doc.text(line, MARGINS.left, doc.y, { width: leftW, align: 'center' });
  doc.font('serif-bold').text(c.headerLeftBold, MARGINS.left, doc.y, { width: leftW, align: 'center' });
  const leftBottom = doc.y + 4;
  doc
    .moveTo(MARGINS.left + leftW / 2 - 40, leftBottom)
    .lineTo(MARGINS.left + leftW / 2 + 40, leftBottom)
    .lineWidth(0.6)
    .stroke();
  doc.font('serif-bold').fontSize(11).text(c.nationalName, rightX, top, { width: rightW, align: 'center' });
  doc.fontSize(12).text(c.nationalMotto, rightX, doc.y, { width: rightW, align: 'center' });
  const mottoW = doc.widthOfString(c.nationalMotto);
  const lineY = doc.y + 3;
  doc
    .moveTo(rightX + (rightW - mottoW) / 2, lineY)
    .lineTo(rightX + (rightW + mottoW) / 2, lineY)
    .stroke();
  doc
    .font('serif-italic')
    .fontSize(11)
    .text(c.placeDate, rightX, lineY + 8, { width: rightW, align: 'center' });
  doc.x = MARGINS.left;
  doc.y = Math.max(doc.y, leftBottom) + 18;
};

// A hand-drawn table: pdfkit's table() re-parses the font for every styled cell (seconds per
// form), and cannot repeat its header after a page break, which a multi-page form needs.
const PAD = 3;
const NUMERIC = new Set([2, 3, 4, 5, 6]);
const xs = WIDTHS.reduce<number[]>((acc, w, i) => [...acc, (acc[i] ?? MARGINS.left) + w], [MARGINS.left]);

const cellText = (doc: Doc, text: string, col: number, y: number, width: number, align: 'left' | 'center' | 'right') => {
  doc.text(text, (xs[col] ?? 0) + PAD, y + PAD, { width: width - 2 * PAD, align });
};
const box = (doc: Doc, x: number, y: number, w: number, h: number) => doc.rect(x, y, w, h).lineWidth(0.5).stroke();

const tableHeader = (doc: Doc, c: FormContent): void => {
  const t = c.columnTitles;
  const y = doc.y;
  doc.font('serif-bold').fontSize(8.5);
  const h = (text: string, i: number, w = WIDTHS[i] ?? 0) => doc.heightOfString(text, { width: w - 2 * PAD }) + 2 * PAD;
  const figuresW = (WIDTHS[3] ?? 0) + (WIDTHS[4] ?? 0) + (WIDTHS[5] ?? 0);
  const subs = [t.numerator, t.denominator, t.value];
  const topH = h(t.figures, 3, figuresW);
  const subH = Math.max(...subs.map((text, k) => h(text, 3 + k)));
  const full = [t.stt, t.criterion, t.max, '', '', '', t.self, t.explanation, t.evidence];
  const fullH = Math.max(topH + subH, ...full.map((text, i) => (text ? h(text, i) : 0)));
  full.forEach((text, i) => {
    if (i >= 3 && i <= 5) return;
    box(doc, xs[i] ?? 0, y, WIDTHS[i] ?? 0, fullH);
    cellText(doc, text, i, y + (fullH - h(text, i)) / 2, WIDTHS[i] ?? 0, 'center');
  });
  box(doc, xs[3] ?? 0, y, figuresW, fullH - subH);
  cellText(doc, t.figures, 3, y + (fullH - subH - topH) / 2, figuresW, 'center');
  subs.forEach((text, k) => {
    box(doc, xs[3 + k] ?? 0, y + fullH - subH, WIDTHS[3 + k] ?? 0, subH);
    cellText(doc, text, 3 + k, y + fullH - subH, WIDTHS[3 + k] ?? 0, 'center');
  });
  doc.x = MARGINS.left;
  doc.y = y + fullH;
};

const tableRow = (doc: Doc, c: FormContent, row: readonly string[], bold: boolean): void => {
  doc.font(bold ? 'serif-bold' : 'serif').fontSize(8.5);
  const heights = row.map((text, i) => (text ? doc.heightOfString(text, { width: (WIDTHS[i] ?? 0) - 2 * PAD }) : 0));
  const maxH = doc.page.maxY() - doc.page.margins.top - 40;
  const h = Math.min(Math.max(...heights) + 2 * PAD, maxH);
  if (doc.y + h > doc.page.maxY()) {
    doc.addPage();
    tableHeader(doc, c);
    doc.font(bold ? 'serif-bold' : 'serif').fontSize(8.5);
  }
  const y = doc.y;
  row.forEach((text, i) => {
    box(doc, xs[i] ?? 0, y, WIDTHS[i] ?? 0, h);
    if (text)
      doc.text(text, (xs[i] ?? 0) + PAD, y + PAD, {
        width: (WIDTHS[i] ?? 0) - 2 * PAD,
        height: h - 2 * PAD,
        ellipsis: true,
        align: NUMERIC.has(i) ? 'right' : i === 0 ? 'center' : 'left',
      });
  });
  doc.x = MARGINS.left;
  doc.y = y + h;
};

const groupTable = (doc: Doc, c: FormContent, g: FormContent['groups'][number]): void => {
  // Keep the heading, the column header and the first row together.
  if (doc.y + 110 > doc.page.maxY()) doc.addPage();
  doc
    .font('serif-bold')
    .fontSize(10.5)
    .text(g.heading, MARGINS.left, doc.y, { width: doc.page.width - MARGINS.left - MARGINS.right });
  doc.moveDown(0.3);
  tableHeader(doc, c);
  for (const r of g.rows) tableRow(doc, c, r, false);
  tableRow(doc, c, g.subtotal, true);
  doc.moveDown(0.8);
};

const closing = (doc: Doc, c: FormContent): void => {
  const width = doc.page.width - MARGINS.left - MARGINS.right;
  // Totals and signature stay together on one page.
  if (doc.y + 170 > doc.page.maxY()) doc.addPage();
  doc.font('serif-bold').fontSize(11);
  for (const line of c.totals) doc.text(line, MARGINS.left, doc.y, { width });
  doc.moveDown(1);
  const blockX = doc.page.width - MARGINS.right - 300;
  doc.font('serif-bold').fontSize(12).text(c.signatureTitle, blockX, doc.y, { width: 300, align: 'center' });
  doc.font('serif-italic').fontSize(10).text(c.signatureHint, blockX, doc.y, { width: 300, align: 'center' });
  doc.moveDown(4);
  if (c.signerName) doc.font('serif-bold').fontSize(12).text(c.signerName, blockX, doc.y, { width: 300, align: 'center' });
};

// The identity line and page number on every page, drawn inside the bottom margin.
const footers = (doc: Doc, c: FormContent, label: Label): void => {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - bottom + 14;
    const width = doc.page.width - MARGINS.left - MARGINS.right;
    doc.font('serif').fontSize(7).fillColor('#444444');
    doc.text(c.identityLine, MARGINS.left, y, { width: width - 80, lineBreak: false });
    doc.text(label('form.page', { page: i + 1, pages: range.count }), MARGINS.left + width - 80, y, { width: 80, align: 'right', lineBreak: false });
    doc.fillColor('black');
    doc.page.margins.bottom = bottom;
  }
};

export const renderFormPdf = async (form: SelfAssessmentForm, label: Label): Promise<Buffer> => {
  const c = formContent(form, label);
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margins: MARGINS,
    bufferPages: true,
    pdfVersion: '1.7',
    autoFirstPage: true,
    lang: label('form.lang'),
    displayTitle: true,
    info: {
      Title: `${c.title} — ${c.subtitle}`,
      Author: form.unitName,
      Subject: c.subject,
      Keywords: c.keywords,
      Creator: 'egov-report-bot',
      Producer: 'egov-report-bot',
      CreationDate: form.generatedAt,
      ModDate: form.generatedAt,
      // Plain ASCII copies of the identity that no viewer rewrites.
      EgovSubmission: form.submissionId,
      EgovAnswersSha256: form.answersSha256.toLowerCase(),
    } as PDFKit.DocumentInfo,
  });
  doc.registerFont('serif', fontBytes('serif'));
  doc.registerFont('serif-bold', fontBytes('serifBold'));
  doc.registerFont('serif-italic', fontBytes('serifItalic'));
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  header(doc, c);
  doc.font('serif-bold').fontSize(14).text(c.title, { align: 'center' });
  doc.fontSize(12).text(c.subtitle, { align: 'center' });
  doc.moveDown(0.6);
  doc.font('serif').fontSize(11);
  for (const line of c.info) doc.text(line);
  doc.moveDown(0.6);
  for (const g of c.groups) groupTable(doc, c, g);
  closing(doc, c);
  footers(doc, c, label);
  doc.end();
  return done;
};
