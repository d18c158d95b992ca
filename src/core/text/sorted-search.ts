/** Index of the first item whose key is greater than `value`, in items sorted by that key. */
export function firstIndexAbove<T>(
  items: readonly T[],
  value: number,
  key: (item: T) => number,
): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const item = items[mid];
    if (item !== undefined && key(item) <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
