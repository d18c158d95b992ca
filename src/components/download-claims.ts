import type { Claim } from '../core/claim.ts';

/** Hands the reader a file to save, made from `body`. */
export function downloadTextFile(filename: string, type: string, body: string): void {
  const url = URL.createObjectURL(new Blob([body], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Today's date for file names, e.g. 2025-11-23. */
export function fileDate(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Offers the reader a JSON file of their claims, so nothing is lost when storage fails. */
export function downloadClaimsBackup(claims: readonly Claim[]): void {
  const body = JSON.stringify(
    { app: 'fact-check-reader', exportedAt: new Date().toISOString(), claims },
    null,
    2,
  );
  downloadTextFile(`fact-check-claims-${fileDate()}.json`, 'application/json', body);
}
