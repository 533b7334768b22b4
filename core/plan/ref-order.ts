const collator = new Intl.Collator('en-GB', { numeric: true, sensitivity: 'base' });

/** Natural order for council refs: "1.2" < "1.10" < "2", "3a" < "3b". */
export function compareRefs(a: string, b: string): number {
  return collator.compare(a, b);
}
