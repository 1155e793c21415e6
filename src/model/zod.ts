// The part of zod the models use, imported by name: the bundle (scripts/build.mjs) then holds only these and what
// they need, about half of zod, which every command compiles at start. Modules write `z.object(…)` as usual.
export { array, boolean, discriminatedUnion, enum, literal, number, object, record, string, union } from 'zod';
export type { ZodType } from 'zod';
export type { infer } from 'zod';
