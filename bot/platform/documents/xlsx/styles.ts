// The few cell styles the appendix needs, as xl/styles.xml. Every text style has a twin with
// quotePrefix="1": Excel's own mark for "this is text, not a formula" (what typing a leading
// apostrophe does), used for texts that start like a formula.
export type StyleId = number;

type Spec = {
  readonly font: number;
  readonly border: boolean;
  readonly fill?: boolean;
  readonly numFmt?: number;
  readonly h?: 'left' | 'center' | 'right';
  readonly v?: 'top' | 'center';
  readonly wrap?: boolean;
  readonly text?: boolean;
};

// Fonts: 0 regular, 1 bold, 2 italic, 3 bold large (titles).
const FONTS = ['<b val="0"/><sz val="11"/>', '<b/><sz val="11"/>', '<i/><sz val="11"/>', '<b/><sz val="13"/>'];

const SPECS = {
  default: { font: 0, border: false },
  header: { font: 1, border: true, fill: true, h: 'center', v: 'center', wrap: true, text: true },
  text: { font: 0, border: true, v: 'top', wrap: true, text: true },
  textCenter: { font: 0, border: true, h: 'center', v: 'top', text: true },
  number: { font: 0, border: true, v: 'top' },
  percent: { font: 0, border: true, v: 'top', numFmt: 2 },
  integer: { font: 0, border: true, h: 'center', v: 'top', numFmt: 1 },
  nationalBold: { font: 1, border: false, h: 'center', text: true },
  national: { font: 0, border: false, h: 'center', text: true },
  title: { font: 3, border: false, h: 'center', v: 'center', wrap: true, text: true },
  subtitle: { font: 2, border: false, h: 'center', text: true },
} as const satisfies Record<string, Spec>;

export type StyleName = keyof typeof SPECS;
const NAMES = Object.keys(SPECS) as StyleName[];

export const STYLE: Readonly<Record<StyleName, StyleId>> = Object.fromEntries(NAMES.map((n, i) => [n, i])) as Record<StyleName, StyleId>;

// Twins follow the base styles: id + NAMES.length.
const quoted = (id: StyleId): StyleId => id + NAMES.length;
const isText = (id: StyleId): boolean => (SPECS[NAMES[id] as StyleName] as Spec | undefined)?.text === true;

/** The style to write for `text`: the quote-prefix twin when the text starts like a formula. */
export const textStyleFor =
  (formulaLike: (text: string) => boolean) =>
  (style: StyleId | undefined, text: string): StyleId | undefined => {
    if (!formulaLike(text)) return style;
    const base = style !== undefined && isText(style) ? style : STYLE.text;
    return quoted(base);
  };

/** Whether a style id written by this module marks its cell as quoted text. */
export const isQuotedStyle = (id: StyleId): boolean => id >= NAMES.length && id < 2 * NAMES.length;

const xf = (s: Spec, quote: boolean): string => {
  const align =
    s.h || s.v || s.wrap ? `<alignment${s.h ? ` horizontal="${s.h}"` : ''}${s.v ? ` vertical="${s.v}"` : ''}${s.wrap ? ' wrapText="1"' : ''}/>` : '';
  return (
    `<xf numFmtId="${s.numFmt ?? 0}" fontId="${s.font}" fillId="${s.fill ? 2 : 0}" borderId="${s.border ? 1 : 0}" xfId="0"` +
    `${s.numFmt ? ' applyNumberFormat="1"' : ''} applyFont="1"${s.border ? ' applyBorder="1"' : ''}${s.fill ? ' applyFill="1"' : ''}${align ? ' applyAlignment="1"' : ''}${quote ? ' quotePrefix="1"' : ''}>${align}</xf>`
  );
};

export const stylesXml = (fontName: string): string => {
  const specs = NAMES.map((n) => SPECS[n] as Spec);
  const xfs = [...specs.map((s) => xf(s, false)), ...specs.map((s) => xf(s, true))];
  const thin =
    '<left style="thin"><color auto="1"/></left><right style="thin"><color auto="1"/></right><top style="thin"><color auto="1"/></top><bottom style="thin"><color auto="1"/></bottom><diagonal/>';
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    `<fonts count="${FONTS.length}">${FONTS.map((f) => `<font>${f}<name val="${fontName}"/><family val="1"/></font>`).join('')}</fonts>` +
    '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>' +
    '<fill><patternFill patternType="solid"><fgColor rgb="FFE7EEF7"/><bgColor indexed="64"/></patternFill></fill></fills>' +
    `<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border>${thin}</border></borders>` +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    `<cellXfs count="${xfs.length}">${xfs.join('')}</cellXfs>` +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
    '</styleSheet>'
  );
};
