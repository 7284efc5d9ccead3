// Zod issues as "field path: what is expected" lines for admin files (calendar years, periods),
// with paths written the way a reader finds them in the file: `years[0].holidays[3].date`.
import type { z } from 'zod';

export type FieldIssue = { readonly path: string; readonly message: string };

export const fieldPath = (path: readonly PropertyKey[]): string =>
  path.reduce<string>((acc, part) => (typeof part === 'number' ? `${acc}[${part}]` : acc ? `${acc}.${String(part)}` : String(part)), '') || '(root)';

export const fieldIssues = (error: z.ZodError): FieldIssue[] => error.issues.map((i) => ({ path: fieldPath(i.path), message: i.message }));

export const issueLine = (issue: FieldIssue): string => `${issue.path}: ${issue.message}`;
