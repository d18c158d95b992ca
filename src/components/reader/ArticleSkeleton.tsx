/** Placeholder shown while an article loads. */
export function ArticleSkeleton({ label }: { label: string }) {
  return (
    <div role="status" aria-label={label} className="space-y-4 py-2" data-testid="article-skeleton">
      <div className="h-4 w-1/3 rounded bg-stone-200 motion-safe:animate-pulse dark:bg-stone-700" />
      <div className="h-8 w-11/12 rounded bg-stone-200 motion-safe:animate-pulse dark:bg-stone-700" />
      <div className="h-8 w-3/4 rounded bg-stone-200 motion-safe:animate-pulse dark:bg-stone-700" />
      {[0, 1, 2, 3, 4].map((i) => (
        <div key={i} className="space-y-2 pt-2">
          <div className="h-4 w-full rounded bg-stone-200 motion-safe:animate-pulse dark:bg-stone-700" />
          <div className="h-4 w-full rounded bg-stone-200 motion-safe:animate-pulse dark:bg-stone-700" />
          <div className="h-4 w-2/3 rounded bg-stone-200 motion-safe:animate-pulse dark:bg-stone-700" />
        </div>
      ))}
    </div>
  );
}
