import { z } from 'zod';

export const LANGS = ['vi', 'en'] as const;
export type Lang = (typeof LANGS)[number];

export const LocalizedTextSchema = z.strictObject({ vi: z.string().min(1), en: z.string().min(1) });
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

export const pickText = (text: LocalizedText | undefined, lang: Lang): string => (text ? text[lang] : '');
