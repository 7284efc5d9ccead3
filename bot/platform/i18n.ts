// One i18next instance for every channel and for messages sent outside any update
// (reminders), so nothing depends on grammY. Catalogues: locales/<lng>/<namespace>.json.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from './project-root.ts';
import i18next, { type i18n, type TFunction } from 'i18next';

export const locales = ['vi', 'en'] as const;
export type Locale = (typeof locales)[number];
export const isLocale = (value: unknown): value is Locale => value === 'vi' || value === 'en';

const localesDir = (): string => path.join(projectRoot(), 'locales');

export const loadCatalogues = (): Record<Locale, Record<string, unknown>> => {
  const result = { vi: {}, en: {} } as Record<Locale, Record<string, unknown>>;
  for (const lng of locales) {
    for (const file of readdirSync(path.join(localesDir(), lng)).filter((f) => f.endsWith('.json'))) {
      result[lng][file.replace(/\.json$/, '')] = JSON.parse(readFileSync(path.join(localesDir(), lng, file), 'utf8'));
    }
  }
  return result;
};

export type Translator = {
  /** `key` is `namespace:path.to.key` or `path` in the default namespace "common". */
  readonly t: (locale: Locale, key: string, params?: Readonly<Record<string, unknown>>) => string;
  readonly has: (locale: Locale, key: string) => boolean;
};

export const createTranslator = (defaultLocale: Locale = 'vi'): Translator => {
  const catalogues = loadCatalogues();
  const instance: i18n = i18next.createInstance();
  void instance.init({
    initAsync: false,
    lng: defaultLocale,
    fallbackLng: 'vi',
    ns: Object.keys(catalogues.vi),
    defaultNS: 'common',
    nsSeparator: ':',
    keySeparator: '.',
    resources: catalogues as never,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  const fixed = new Map<Locale, TFunction>(locales.map((l) => [l, instance.getFixedT(l)]));
  return {
    t: (locale, key, params) => String((fixed.get(locale) ?? instance.t)(key, params as never)),
    has: (locale, key) => instance.exists(key, { lng: locale }),
  };
};
