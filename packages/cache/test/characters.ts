import fc from 'fast-check';

/** One character of each UTF-8 width, and lone surrogates of both halves. */
export const characterOfEveryWidth = fc.constantFrom(
  'a',
  '\u007f',
  'é',
  '\u07ff',
  '€',
  '\uffff',
  '😀',
  '\ud800',
  '\udfff',
);
