const number = String.raw`(-?\d+(\.\d+)?(e[+-]\d+)?|inf|-inf|nan)`;

/** A value of the shared state as it must be stored: numbers separated by spaces, nothing else. */
export const storedNumbersPattern = new RegExp(`^${number}( ${number})*$`);
