/** A JSON schema, as a plain object (draft 7 / 2020-12 keywords, as the provider accepts). */
export type JsonSchema = { readonly [keyword: string]: unknown };
