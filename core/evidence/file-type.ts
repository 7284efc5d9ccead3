// What a piece of evidence really is, from its first bytes: a sender's file name and declared
// type are not trusted (a `.sh` named `.jpg`, an HTML page sent as a PDF). Only the types an
// assessment's evidence comes in are accepted: photos, PDF, Word, Excel.
export type FileType = { readonly mime: string; readonly ext: string };

const latin1 = new TextDecoder('latin1');
const ascii = (bytes: Uint8Array, from: number, to: number): string => latin1.decode(bytes.subarray(from, to));
const startsWith = (bytes: Uint8Array, sig: readonly number[], at = 0): boolean => sig.every((b, i) => bytes[at + i] === b);

const JPEG: FileType = { mime: 'image/jpeg', ext: '.jpg' };
const PNG: FileType = { mime: 'image/png', ext: '.png' };
const GIF: FileType = { mime: 'image/gif', ext: '.gif' };
const WEBP: FileType = { mime: 'image/webp', ext: '.webp' };
const HEIC: FileType = { mime: 'image/heic', ext: '.heic' };
const PDF: FileType = { mime: 'application/pdf', ext: '.pdf' };
const DOCX: FileType = { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', ext: '.docx' };
const XLSX: FileType = { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ext: '.xlsx' };
const DOC: FileType = { mime: 'application/msword', ext: '.doc' };
const XLS: FileType = { mime: 'application/vnd.ms-excel', ext: '.xls' };

/** Office Open XML is a zip: the part names inside say whether it is Word or Excel. */
const officeZip = (bytes: Uint8Array): FileType | null => {
  const text = ascii(bytes, 0, Math.min(bytes.length, 1 << 20));
  if (text.includes('word/')) return DOCX;
  if (text.includes('xl/')) return XLSX;
  // Part names can sit past the first megabyte (the central directory is at the end).
  const tail = ascii(bytes, Math.max(0, bytes.length - (1 << 16)), bytes.length);
  if (tail.includes('word/')) return DOCX;
  if (tail.includes('xl/')) return XLSX;
  return null;
};

/** Old binary Office files (OLE compound documents) look alike; the name decides between Word and Excel. */
const oleDocument = (declaredName: string | undefined): FileType => (/\.xlsx?$/i.test(declaredName ?? '') ? XLS : DOC);

/** The accepted type of these bytes, or null for anything else (scripts, pages, archives, executables). */
export const sniffFileType = (bytes: Uint8Array, declaredName?: string): FileType | null => {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return JPEG;
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return PNG;
  if (bytes.length >= 6 && ['GIF87a', 'GIF89a'].includes(ascii(bytes, 0, 6))) return GIF;
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return WEBP;
  if (bytes.length >= 12 && ascii(bytes, 4, 8) === 'ftyp' && ['heic', 'heix', 'mif1', 'msf1', 'heif'].includes(ascii(bytes, 8, 12))) return HEIC;
  if (bytes.length >= 5 && ascii(bytes, 0, 5) === '%PDF-') return PDF;
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return officeZip(bytes);
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return oleDocument(declaredName);
  return null;
};
