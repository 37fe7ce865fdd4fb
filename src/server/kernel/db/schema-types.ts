// Column types that the generated schema (schema.generated.ts) maps PostgreSQL types and chosen columns to.
// They say how Tillit reads and writes a column, which the catalogue alone cannot tell.
import type { ColumnType } from 'kysely';

/** jsonb: written as a JSON string, read as parsed JSON whose shape the reading code checks. */
export type JsonColumn = ColumnType<unknown, string, string>;

/** jsonb holding an object of named values (audit event data, requirement labels). */
export type JsonRecordColumn<T = unknown> = ColumnType<Record<string, T>, string, string>;

/** A SQL `date`; drivers differ in how they return one, so it is read through to_char. */
export type SqlDate = ColumnType<unknown, string | null, string | null>;

/** jsonb of a known shape, written as a JSON string. */
export type JsonOf<T> = ColumnType<T, string, string>;
