// The English number and month words that tokens, suggestions and dates all read, spelt out once.

/** Number words with the digits they stand for, so "two" and "2" compare equal. */
export const NUMBER_WORD_VALUES: ReadonlyMap<string, string> = new Map([
  ...[
    'zero',
    'one',
    'two',
    'three',
    'four',
    'five',
    'six',
    'seven',
    'eight',
    'nine',
    'ten',
    'eleven',
    'twelve',
    'thirteen',
    'fourteen',
    'fifteen',
    'sixteen',
    'seventeen',
    'eighteen',
    'nineteen',
    'twenty',
  ].map((word, value): [string, string] => [word, String(value)]),
  ['thirty', '30'],
  ['forty', '40'],
  ['fifty', '50'],
  ['hundred', '100'],
  ['thousand', '1000'],
  ['million', '1000000'],
  ['billion', '1000000000'],
  ['dozen', '12'],
]);

/** Month names in calendar order (January first). */
export const MONTH_NAMES: readonly string[] = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
