// The labels inside generated files (headers, titles) in the caller's language. Its own module so
// that the export does not load the form's renderers (docx, pdfkit) just to name its columns.
import type { Label } from '../../platform/documents/labels.ts';
import type { Locale } from '../../platform/i18n.ts';
import type { CoordinationDeps } from './coordination-context.ts';

export const documentLabel =
  (deps: Pick<CoordinationDeps, 'translate'>, locale: Locale): Label =>
  (key, params) =>
    deps.translate(locale, `documents:${key}`, params);
