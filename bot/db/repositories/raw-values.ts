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
};

export const rawValues = (db: Db): RawValues => {
  const pg = providerOf(db) === 'postgresql';
  return {
    at: (d) => (pg ? d : d.toISOString().replace('Z', '+00:00')),
    json: (v) => (pg ? Prisma.sql`CAST(${JSON.stringify(v)} AS jsonb)` : Prisma.sql`${JSON.stringify(v)}`),
    parsed: (v) => (typeof v === 'string' ? JSON.parse(v) : v),
  };
};
