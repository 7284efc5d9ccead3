// Prisma's known request errors the repositories turn into outcomes (a duplicate key is a
// redelivery, a missing row under a version guard is a concurrent writer), in one place.
const codeOf = (error: unknown): unknown => (typeof error === 'object' && error !== null && 'code' in error ? (error as { code: unknown }).code : undefined);

/** P2002: a unique constraint refused the insert. */
export const isUniqueViolation = (error: unknown): boolean => codeOf(error) === 'P2002';

/** P2025: the record to update was not found (e.g. its version moved on). */
export const isRecordNotFound = (error: unknown): boolean => codeOf(error) === 'P2025';
