// Plain-text rendering for channels without buttons (console, Zalo): exclusive choices are
// numbered (type 1, 2…), extra options next to a typed answer are lettered (type a, b…).
import type { DialogueOutput } from '../app/dialogue-port.ts';
import { choiceLabelPrefix } from '../app/dialogue/offered.ts';
import { renderReplies } from './render.ts';
import type { Translator } from '../platform/i18n.ts';

export const renderPlain = (translator: Translator, output: DialogueOutput): string => {
  const rendered = renderReplies(translator, output.locale, output.replies, 'plain');
  // Button shortcuts (◀ ▶ paging) are left out: the text already says which command to type.
  const options = rendered.choices
    .filter((c) => !c.buttonOnly)
    .map((c, i) => `${choiceLabelPrefix(i, output.exclusiveChoices)}${output.exclusiveChoices ? '.' : ')'} ${c.label}`);
  return [rendered.text, ...(options.length > 0 ? [options.join('\n')] : [])].join('\n\n');
};
