/**
 * The validation toolkit, for authors of adapters, stores and stages who check their own
 * options the way the policies do: `InvalidOptionError` naming the field and the value, an
 * unknown key refused with the option it most likely means.
 *
 * @module validation
 */
export { InvalidOptionError } from './errors/invalid-option-error';
export * from './validation/validate';
