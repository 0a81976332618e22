/**
 * How the rate-limit script's arguments (`ARGV`) are laid out: a header of
 * `headerLength` arguments, then `commandLength` arguments per command. The code that
 * writes them (`../rate-limit-script.ts`) and the script that reads them by position
 * (`rate-limit-lua.ts`) both take the lengths from here.
 */
export const rateLimitArgumentLayout = { headerLength: 10, commandLength: 15 } as const;
