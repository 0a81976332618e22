/**
 * The default of a built-in factory's type parameters: called without type arguments inside
 * `stages`, the stage fits the model's own types, which come from its binding (the model's
 * `stages` are not used to infer them).
 */
// biome-ignore lint/suspicious/noExplicitAny: a stage built without type arguments fits any model.
export type FitsAnyModel = any;
