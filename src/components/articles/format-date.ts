import { MONTH_NAMES } from '../../core/text/english-words.ts';

/** Formats `YYYY-MM` or `YYYY-MM-DD` in English, identically on the server and in every browser. */
export function formatIsoDate(value: string): string {
  const [year, month, day] = value.split('-');
  const monthName = MONTH_NAMES[Number(month) - 1] ?? '';
  return [day ? String(Number(day)) : '', monthName, year].filter(Boolean).join(' ');
}
