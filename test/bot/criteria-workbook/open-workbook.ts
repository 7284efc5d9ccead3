import ExcelJS from 'exceljs';

/** Opens a workbook buffer for a test to inspect or edit. */
export const openWorkbook = async (data: Uint8Array): Promise<ExcelJS.Workbook> => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  return wb;
};

/** Edits a workbook the way an officer would in Excel, and saves it. */
export const editWorkbook = async (data: Uint8Array, change: (wb: ExcelJS.Workbook) => void): Promise<Buffer> => {
  const wb = await openWorkbook(data);
  change(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
};
