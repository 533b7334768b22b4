import { defaultRangeExtractor, useWindowVirtualizer, type Range } from '@tanstack/react-virtual';
import { useCallback, useLayoutEffect, useRef, useState } from 'react';

/** Tables shorter than this render every row: virtualising them saves nothing. */
const VIRTUALISE_FROM = 40;
const ESTIMATED_ROW_PX = 92;

export interface VirtualRowSlot {
  index: number;
  key: string | number;
  /** Height of the spacer row to draw before this row (rows not rendered above it). */
  gapBefore: number;
}

/**
 * Window-scrolled virtual rows for one table among many on the page. The page (or the Teams
 * iframe) scrolls, not the table, so the table's body offset is the scroll margin. The row that
 * holds focus is always rendered, so keyboard focus (and focus returning from a dialog) is never
 * lost when it scrolls out of view.
 */
export function useVirtualRows(count: number, keyOf: (index: number) => string) {
  const enabled = count >= VIRTUALISE_FROM;
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const [scrollMargin, setScrollMargin] = useState(0);
  const focusedIndex = useRef<number | undefined>(undefined);

  // Content above the table (filters, other tables measuring their rows) moves it; follow it.
  useLayoutEffect(() => {
    const body = bodyRef.current;
    if (!enabled || !body) return;
    const top = body.getBoundingClientRect().top + window.scrollY;
    if (Math.abs(top - scrollMargin) > 1) setScrollMargin(top);
  });

  const rangeExtractor = useCallback((range: Range) => {
    const indexes = defaultRangeExtractor(range);
    const focused = focusedIndex.current;
    if (focused !== undefined && focused < range.count && !indexes.includes(focused)) {
      indexes.push(focused);
      indexes.sort((a, b) => a - b);
    }
    return indexes;
  }, []);

  const virtualizer = useWindowVirtualizer({
    count: enabled ? count : 0,
    estimateSize: () => ESTIMATED_ROW_PX,
    overscan: 6,
    scrollMargin,
    getItemKey: keyOf,
    rangeExtractor,
  });

  let slots: VirtualRowSlot[];
  let gapAfter = 0;
  if (!enabled) {
    slots = Array.from({ length: count }, (_, index) => ({ index, key: keyOf(index), gapBefore: 0 }));
  } else {
    let cursor = scrollMargin;
    slots = virtualizer.getVirtualItems().map((item) => {
      const slot = { index: item.index, key: item.key as string, gapBefore: Math.max(0, item.start - cursor) };
      cursor = item.end;
      return slot;
    });
    gapAfter = Math.max(0, virtualizer.getTotalSize() + scrollMargin - cursor);
  }

  return {
    enabled,
    bodyRef,
    slots,
    gapAfter,
    measureRow: enabled ? virtualizer.measureElement : undefined,
    onRowFocus: (index: number) => {
      focusedIndex.current = index;
    },
  };
}
