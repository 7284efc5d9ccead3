// The "Hướng dẫn" sheet: how to fill in the workbook, in Vietnamese, generated from the same
// column model the reader uses so that the instructions can never describe another layout.
import type { Worksheet } from 'exceljs';
import { columnLetter } from './cell-values.ts';
import { CRITERIA_COLUMNS } from './criteria-columns.ts';
import { ANSWER_TYPES, SHEETS, type ColumnDef } from './layout.ts';
import { GROUP_COLUMNS, PROFILE_COLUMNS, PROFILE_FIRST_COLUMN, SET_PROPERTIES, TIER_COLUMNS, TIER_FIRST_COLUMN } from './set-columns.ts';
import { fitRowHeight, HEADER_FILL } from './write-helpers.ts';
import { RULE_SHAPES, TYPE_COLUMNS } from './answer-columns.ts';

const INTRO = [
  'HƯỚNG DẪN LẬP BỘ TIÊU CHÍ BẰNG BẢNG TÍNH',
  `Bảng tính gồm các sheet: "${SHEETS.set}" (thông tin chung của bộ, xếp loại, thông tin chung hỏi mỗi đơn vị), "${SHEETS.groups}" (các nhóm tiêu chí) và "${SHEETS.criteria}" (mỗi tiêu chí một dòng). Không đổi tên sheet và tên cột; có thể đổi thứ tự cột, và thêm cột ghi chú riêng nếu tiêu đề bắt đầu bằng "Ghi chú" (hệ thống bỏ qua).`,
  'Ô tô màu cam là bắt buộc. Các cột có danh sách chọn (mũi tên ▼) chỉ nhận giá trị trong danh sách. Rê chuột lên tiêu đề cột để xem giải thích.',
  'Số: viết 20, 12,5 hoặc 1.000 (dấu phẩy là dấu thập phân). Ngày: ngày/tháng (31/03) hoặc ngày/tháng/năm (31/03/2025).',
  'Cột tiếng Anh (en) để trống thì dùng nội dung tiếng Việt. Cột tiếng Việt (vi) không được để trống nếu đã ghi tiếng Anh.',
  'Bộ tiêu chí đã nhập vào hệ thống thì không sửa được: muốn thay đổi, tăng "Phiên bản" rồi nhập lại. Nhập lại đúng bộ cũ thì không có gì thay đổi.',
  'Kiểm tra trước khi nhập: npm run cli -- criteria validate <tệp.xlsx>; nhập: npm run cli -- criteria import <tệp.xlsx>. Mỗi lỗi ghi rõ ô (ví dụ Tiêu chí!F12) và giá trị cần có; có lỗi thì không nhập gì.',
];

const RULE_HELP: Readonly<Record<string, string>> = {
  boolean: 'Có = điểm tối đa, Không = 0 điểm. Viết "có=…; không=…" nếu khác.',
  choice: 'Điểm ghi ở từng phương án (cột "Phương án: …"), ít nhất 2 phương án. Để trống "Cách tính điểm".',
  multi_check: 'Cộng điểm các phương án được đánh dấu, không quá "trần" (mặc định: điểm tối đa).',
  count: 'Theo mức: ">=N: điểm" (lấy mức có N lớn nhất không vượt quá số đếm); hoặc theo từng đơn vị: "mỗi=điểm; trần=điểm".',
  ratio: 'Điểm = tỷ lệ tử số/mẫu số × điểm tối đa. Ghi nhãn tử số, mẫu số. Để trống "Cách tính điểm".',
  ratio_threshold: 'Theo mức tỷ lệ: ">=80%: 50; >=50%: 25; >=0%: 0". Ghi nhãn tử số, mẫu số.',
  percent: 'Cán bộ nhập phần trăm. Để trống: điểm tỷ lệ thuận; hoặc theo mức ">=90%: 20; >=0%: 0".',
  date: 'Theo hạn: "<=31/03: 40" (trong năm đánh giá) hoặc "<=31/03/2025: 40"; "còn lại=20" cho ngày muộn hơn.',
  imported_score: 'Điểm lấy từ hệ thống khác, quy đổi theo "thang" (mặc định thang=100) về điểm tối đa.',
  text: 'Câu trả lời bằng chữ; "điểm=…" nếu có điểm (mặc định 0). Có thể giới hạn số ký tự.',
  evidence_only: 'Chỉ gửi tài liệu kiểm chứng; điểm do thẩm định. Để trống "Cách tính điểm".',
};

const headerRow = (ws: Worksheet, values: string[]): void => {
  const row = ws.addRow(values);
  row.font = { bold: true };
  row.eachCell((c) => {
    c.fill = HEADER_FILL;
  });
};

const sectionTitle = (ws: Worksheet, title: string): void => {
  ws.addRow([]);
  const row = ws.addRow([title]);
  row.font = { bold: true, size: 12 };
  ws.mergeCells(row.number, 1, row.number, 6);
};

/** `firstCol` null: the set's properties, one per row, their value in column B. */
const columnTable = (ws: Worksheet, title: string, defs: readonly ColumnDef[], firstCol: number | null): void => {
  sectionTitle(ws, title);
  headerRow(ws, ['Ô / cột', 'Tiêu đề', 'Trường (YAML)', 'Bắt buộc', 'Ý nghĩa', 'Ví dụ']);
  defs.forEach((d, i) =>
    ws.addRow([firstCol === null ? `B${i + 2}` : columnLetter(firstCol + i), d.header, d.field, d.required ? 'có' : '', d.help, d.example ?? '']),
  );
};

export const writeInstructionsSheet = (ws: Worksheet): void => {
  INTRO.forEach((line, i) => {
    const row = ws.addRow([line]);
    row.font = i === 0 ? { bold: true, size: 14 } : {};
    ws.mergeCells(row.number, 1, row.number, 6);
  });
  columnTable(ws, `Sheet "${SHEETS.set}" — cột A: thuộc tính, cột B: giá trị`, SET_PROPERTIES, null);
  columnTable(ws, `Sheet "${SHEETS.set}" — bảng xếp loại`, TIER_COLUMNS, TIER_FIRST_COLUMN);
  columnTable(ws, `Sheet "${SHEETS.set}" — thông tin chung hỏi mỗi đơn vị`, PROFILE_COLUMNS, PROFILE_FIRST_COLUMN);
  columnTable(ws, `Sheet "${SHEETS.groups}"`, GROUP_COLUMNS, 1);
  columnTable(
    ws,
    `Sheet "${SHEETS.criteria}" — mỗi tiêu chí một dòng; phương án thứ hai trở đi ở các dòng ngay dưới, để trống "Mã tiêu chí"`,
    CRITERIA_COLUMNS,
    1,
  );
  sectionTitle(ws, 'Loại trả lời và cách tính điểm');
  headerRow(ws, ['Loại trả lời', 'Mã (YAML)', 'Cách tính điểm', 'Ví dụ "Cách tính điểm"', 'Cột dùng thêm']);
  const header = (key: string): string => CRITERIA_COLUMNS.find((c) => c.key === key)?.header ?? key;
  for (const t of ANSWER_TYPES) {
    const extra = TYPE_COLUMNS[t.value].filter((k) => k !== 'rule').map((k) => (k === 'options' ? 'Phương án: mã/nhãn/điểm' : header(k)));
    ws.addRow([t.label, t.value, RULE_HELP[t.value] ?? '', RULE_SHAPES[t.value].example, extra.join(', ')]);
  }
  sectionTitle(ws, 'Cột "Chỉ hỏi khi"');
  for (const line of [
    '"X-2.3 đã trả lời": chỉ hỏi khi tiêu chí X-2.3 (đứng trước) đã được trả lời.',
    '"S-4.1 >= 20 điểm": chỉ hỏi khi S-4.1 đạt từ 20 điểm.',
    '"X-1.1 = "head"": khi X-1.1 chọn phương án có mã head (văn bản trong ngoặc kép); "X-1.2 = 3": khi bằng số 3; "X-2.1 = có": khi trả lời Có.',
  ])
    ws.mergeCells(ws.addRow([line]).number, 1, ws.rowCount, 6);
  ws.getColumn(1).width = 34;
  ws.getColumn(2).width = 30;
  ws.getColumn(3).width = 34;
  ws.getColumn(4).width = 34;
  ws.getColumn(5).width = 70;
  ws.getColumn(6).width = 40;
  ws.pageSetup = { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 };
  ws.eachRow((row) => {
    row.eachCell((c) => {
      c.alignment = { wrapText: true, vertical: 'top' };
    });
    // Merged rows span all six columns; the others wrap in their own column.
    if (row.getCell(1).isMerged) row.height = Math.max(18, 15 * Math.ceil(String(row.getCell(1).value ?? '').length / 200));
    else fitRowHeight(ws, row.number);
  });
};
