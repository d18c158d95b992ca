import type { Claim } from '../core/claim.ts';

/** Offers the reader a JSON file of their claims, so nothing is lost when storage fails. */
export function downloadClaimsBackup(claims: readonly Claim[]): void {
  const body = JSON.stringify(
    { app: 'fact-check-reader', exportedAt: new Date().toISOString(), claims },
    null,
    2,
  );
  const url = URL.createObjectURL(new Blob([body], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `fact-check-claims-${new Date().toISOString().slice(0, 10)}.json`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
