// Officers type on phones, often without Vietnamese diacritics ("khong", "co"), so all
// keyword and label matching compares accent-free, lower-case, space-collapsed text.
export const foldText = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[\s\u00a0\u202f\u2009]+/g, ' ')
    .trim();

// Zero-width characters and exotic spaces arrive from copy-paste and some phone keyboards.
export const cleanInput = (text: string): string =>
  text
    .replace(/[\u200b-\u200d\ufeff]/g, '')
    .replace(/[\u00a0\u202f\u2009]/g, ' ')
    .replace(/\u2212/g, '-')
    .trim();

/** Longest input any parser looks at; longer text is refused before any regex runs. */
export const MAX_INPUT_LENGTH = 2000;
