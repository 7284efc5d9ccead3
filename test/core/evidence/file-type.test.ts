import { describe, expect, it } from 'vitest';
import { sniffFileType } from '../../../core/evidence/file-type.ts';

const bytes = (...parts: (number[] | string)[]): Uint8Array =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));

describe('sniffFileType', () => {
  it.each([
    ['jpeg', bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF'), undefined, '.jpg'],
    ['png', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), undefined, '.png'],
    ['gif', bytes('GIF89a...'), undefined, '.gif'],
    ['webp', bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 '), undefined, '.webp'],
    ['heic (iPhone photo)', bytes([0, 0, 0, 24], 'ftypheic', [0, 0, 0, 0]), undefined, '.heic'],
    ['pdf named .sh', bytes('%PDF-1.7\n'), 'quyet-dinh.sh', '.pdf'],
    ['docx', bytes([0x50, 0x4b, 0x03, 0x04], '....[Content_Types].xml....word/document.xml'), 'bao-cao.docx', '.docx'],
    ['xlsx', bytes([0x50, 0x4b, 0x03, 0x04], '....[Content_Types].xml....xl/workbook.xml'), undefined, '.xlsx'],
    ['doc', bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'ke-hoach.doc', '.doc'],
    ['xls', bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'so-lieu.XLS', '.xls'],
  ])('%s → %s', (_name, data, declared, ext) => {
    expect(sniffFileType(data, declared)?.ext).toBe(ext);
  });

  it('reads a large Word file whose part names sit at the end', () => {
    const big = new Uint8Array(3 << 20);
    big.set([0x50, 0x4b, 0x03, 0x04]);
    big.set(bytes('word/document.xml'), big.length - 200);
    expect(sniffFileType(big)?.ext).toBe('.docx');
  });

  it.each([
    ['shell script named .jpg', bytes('#!/bin/sh\nrm -rf /'), 'anh.jpg'],
    ['html page named .pdf', bytes('<!doctype html><script>'), 'qd.pdf'],
    ['windows executable', bytes('MZ', [0x90, 0]), 'setup.exe'],
    ['plain zip', bytes([0x50, 0x4b, 0x03, 0x04], '....photos/a.jpg'), 'a.zip'],
    ['php', bytes('<?php system($_GET[1]);'), 'x.php'],
    ['empty', bytes(), undefined],
  ])('refuses %s', (_name, data, declared) => {
    expect(sniffFileType(data, declared)).toBeNull();
  });
});
