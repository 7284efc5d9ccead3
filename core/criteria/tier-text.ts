// What a tier is called on a screen: the label the set (or period) gives it, else the
// catalogue's name for the standard keys (ranking:tier.<key>), so no internal key is shown.
import type { Tier } from './criteria-set.schema.ts';
import { pickText, type Lang } from './localized-text.ts';
import { keyParam, type ReplyParam } from '../reply.ts';

export const tierText = (tiers: readonly Tier[], key: string | null, lang: Lang): ReplyParam => {
  if (key === null) return keyParam('ranking:tier.none');
  const label = pickText(tiers.find((t) => t.key === key)?.label, lang);
  return label || keyParam(`ranking:tier.${key}`);
};
