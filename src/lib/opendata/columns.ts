/**
 * The data dictionary of a table, read from its zod schema: each column's name, machine
 * type, unit, whether it may be empty, allowed values and meaning (the `.describe()` text).
 * Generated, never typed by hand, so the dictionary cannot drift from the validator.
 */
import { z } from 'astro/zod';
import type { FieldType } from '../../schemas/fields.ts';

export interface ColumnDoc {
  name: string;
  type: FieldType;
  /** The unit of the column's numbers, where it has one (set with `.meta({ unit })`). */
  unit: string | null;
  /** False when an empty cell passes the schema. */
  required: boolean;
  /** Allowed values, for an enumeration. */
  values: string[] | null;
  /** The `.describe()` text. */
  description: string;
}

/** Metadata a column schema may carry beyond its description. */
export interface ColumnMeta {
  description?: string;
  fieldType?: FieldType;
  unit?: string;
}

type AnySchema = z.core.$ZodType;

const metaOf = (s: AnySchema): ColumnMeta => (z.globalRegistry.get(s) ?? {}) as ColumnMeta;

/**
 * The object shape of a table schema. superRefine keeps a ZodObject in zod 4, but a
 * `.transform()`/`.pipe()` on the object would wrap it, so unwrap pipes and wrappers too.
 */
export function shapeOf(schema: AnySchema): Record<string, AnySchema> {
  let s: AnySchema | undefined = schema;
  for (let i = 0; i < 8 && s; i++) {
    const def = s._zod.def as unknown as { type: string; shape?: Record<string, AnySchema>; in?: AnySchema; innerType?: AnySchema };
    if (def.type === 'object' && def.shape) return def.shape;
    s = def.in ?? def.innerType;
  }
  throw new Error('the schema has no object shape');
}

/** The machine type and enum values of one column, unwrapping pipes, optionals and checks. */
function typeOf(schema: AnySchema): { type: FieldType; values: string[] | null } {
  let s: AnySchema | undefined = schema;
  for (let i = 0; i < 8 && s; i++) {
    const declared = metaOf(s).fieldType;
    if (declared) return { type: declared, values: null };
    const def = s._zod.def as unknown as { type: string; entries?: Record<string, string>; in?: AnySchema; out?: AnySchema; innerType?: AnySchema };
    switch (def.type) {
      case 'string': return { type: 'string', values: null };
      case 'enum': return { type: 'string', values: Object.values(def.entries ?? {}) };
      case 'number': return { type: 'number', values: null };
      case 'int': return { type: 'integer', values: null };
      case 'boolean': return { type: 'boolean', values: null };
      case 'date': return { type: 'date', values: null };
      case 'pipe': {
        // A transform's output type is not inspectable: the input decides, unless the
        // schema declared `fieldType` (checked at the top of the loop).
        const out = def.out?._zod.def as { type: string } | undefined;
        s = out && out.type !== 'transform' ? def.out : def.in;
        break;
      }
      default: s = def.innerType;
    }
  }
  return { type: 'string', values: null };
}

/** One entry per column, in schema (= CSV) order. */
export function columnsOf(schema: AnySchema): ColumnDoc[] {
  return Object.entries(shapeOf(schema)).map(([name, col]) => {
    const meta = metaOf(col);
    const { type, values } = typeOf(col);
    return {
      name,
      type,
      unit: meta.unit ?? null,
      required: !z.safeParse(col, '').success,
      values,
      description: meta.description ?? '',
    };
  });
}

/** A copy of a column schema with extra metadata, keeping what it already had. */
export function withMeta<T extends z.ZodType>(schema: T, extra: ColumnMeta): T {
  return schema.meta({ ...(schema.meta() ?? {}), ...extra }) as T;
}
