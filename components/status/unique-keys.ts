/** Stable React keys for lists that may repeat an item (header lines, events): "x", "x #2", … */
export function uniqueKeys<T>(items: T[], base: (item: T) => string): { key: string; item: T }[] {
  const seen = new Map<string, number>();
  return items.map((item) => {
    const b = base(item);
    const n = (seen.get(b) ?? 0) + 1;
    seen.set(b, n);
    return { key: n > 1 ? `${b} #${n}` : b, item };
  });
}
