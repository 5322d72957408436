/**
 * React keys for rows that carry no id of their own (an invoice's adjustments, recorded HTTP
 * headers): each row's key is made of what it says, and a row that repeats an earlier one word
 * for word gets "#2", "#3"… So a row keeps its key when others are added or removed around it,
 * unlike its index.
 */
export function contentKeys<T>(items: readonly T[], content: (item: T) => string): string[] {
  const used = new Set<string>();
  return items.map((item) => {
    const text = content(item);
    let key = text;
    for (let n = 2; used.has(key); n++) key = `${text}#${n}`;
    used.add(key);
    return key;
  });
}
