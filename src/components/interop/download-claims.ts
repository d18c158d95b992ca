import type { Article } from '../../core/articles/article-schema.ts';
import type { Claim } from '../../core/claims/claim.ts';

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

/**
 * Offers the reader their claims as a file, so nothing is lost when storage fails: Web
 * Annotation JSON-LD, which Import reads back; plain JSON if that code cannot be loaded.
 */
export async function downloadClaimsBackup(
  claims: readonly Claim[],
  articles: ReadonlyMap<string, Article>,
): Promise<void> {
  const generated = new Date().toISOString();
  try {
    const [{ toWebAnnotationCollection }, { jsonLdText }] = await Promise.all([
      import('../../core/interop/web-annotation-export.ts'),
      import('../../core/interop/json-ld-text.ts'),
    ]);
    const collection = toWebAnnotationCollection(claims, articles, { generated });
    downloadTextFile(
      `fact-check-claims-${fileDate()}.jsonld`,
      'application/ld+json',
      jsonLdText(collection),
    );
  } catch {
    const body = JSON.stringify(
      { app: 'fact-check-reader', exportedAt: generated, claims },
      null,
      2,
    );
    downloadTextFile(`fact-check-claims-${fileDate()}.json`, 'application/json', body);
  }
}
