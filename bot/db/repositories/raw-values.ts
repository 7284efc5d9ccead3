// Parameters of the repositories' few raw statements, in the form Prisma itself stores them:
// SQLite keeps DateTime as ISO text with an offset and Json as text; PostgreSQL takes a
// timestamp as it is and JSON text cast to jsonb.
import { providerOf, type Db } from '../database.ts';
import { Prisma } from '../generated/sqlite/client.ts';

export type RawValues = {
  readonly at: (d: Date) => Date | string;
  readonly json: (v: unknown) => Prisma.Sql;
  /** A Json column read back by a raw SELECT: text on SQLite, already parsed on PostgreSQL. */
  readonly parsed: (v: unknown) => unknown;
  /** A DateTime column read back by a raw SELECT (SQLite: ISO text), null kept. */
  readonly date: (v: unknown) => Date | null;
  /** A Boolean column read back by a raw SELECT (SQLite: 0 or 1). */
  readonly flag: (v: unknown) => boolean;
};

export const rawValues = (db: Db): RawValues => {
  const pg = providerOf(db) === 'postgresql';
  return {
    at: (d) => (pg ? d : d.toISOString().replace('Z', '+00:00')),
    json: (v) => (pg ? Prisma.sql`CAST(${JSON.stringify(v)} AS jsonb)` : Prisma.sql`${JSON.stringify(v)}`),
    parsed: (v) => (typeof v === 'string' ? JSON.parse(v) : v),
    date: (v) => {
      if (v === null || v === undefined) return null;
      if (v instanceof Date) return v;
      return new Date(typeof v === 'number' || typeof v === 'bigint' ? Number(v) : String(v));
    },
    flag: (v) => v === true || Number(v) === 1,
  };
};
