const MONTHS = [
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

/** Formats `YYYY-MM` or `YYYY-MM-DD` in English, identically on the server and in every browser. */
export function formatIsoDate(value: string): string {
  const [year, month, day] = value.split('-');
  const monthName = MONTHS[Number(month) - 1] ?? '';
  return [day ? String(Number(day)) : '', monthName, year].filter(Boolean).join(' ');
}
