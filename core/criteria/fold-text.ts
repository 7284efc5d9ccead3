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
// Every invisible format character (Unicode Cf: zero-width spaces and joiners, bidi controls,
// U+2063 and the like) is removed: stored text shows what it says, on every screen.
export const cleanInput = (text: string): string =>
  text
    .replace(/[\p{Cf}\u200b]/gu, '')
    .replace(/[\u00a0\u202f\u2009]/g, ' ')
    .replace(/\u2212/g, '-')
    .trim();

/** Longest input any parser looks at; longer text is refused before any regex runs. */
export const MAX_INPUT_LENGTH = 2000;
