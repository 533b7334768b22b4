import type { Rag } from '../../core/model';
import { RAG_SHAPE } from '../../core/plan/rag-shapes';

/**
 * The only symbols a card shows, each always beside the word it stands for (a symbol never carries
 * the meaning alone: screen readers name it, and a reader may not know it). Each is drawn by the
 * fonts Teams' clients have without an emoji font: Segoe UI Symbol on Windows, Apple Symbols on
 * Mac and iOS, Noto Sans Symbols 2 on Android, and DejaVu Sans on Linux, where Chromium draws an
 * empty box for anything rarer (U+29D7, an hourglass, was such a box). Colour emoji are left out
 * for the same reason: Linux often has no colour emoji font.
 * https://learn.microsoft.com/typography/font-list/segoe-ui-symbol
 * tests/browser/cards-narrow.test.ts checks each has a glyph; tests/unit/card-symbols.test.ts
 * that cards use nothing else.
 */
export const CardSymbol = {
  /** U+2713 check mark: done, approved, recorded. */
  done: '✓',
  /** U+2715 multiplication X: rejected, not done. */
  refused: '✕',
  /** U+26A0 warning sign: something to put right. */
  warning: '⚠',
  /** U+2192 rightwards arrow: from one RAG to another. */
  to: '→',
  /** Geometric shapes (U+25CB, U+25CF, U+25B2, U+25A0) and U+2605 star: the RAG statuses (core/plan/rag-shapes.ts). */
  notStarted: RAG_SHAPE['Not started'],
  green: RAG_SHAPE.Green,
  amber: RAG_SHAPE.Amber,
  red: RAG_SHAPE.Red,
  complete: RAG_SHAPE.Complete,
} as const;

/** RAG as a shape and a mark, so no status depends on colour: "▲ !" for Amber. */
export const RAG_SYMBOL: Record<Rag, string> = {
  'Not started': CardSymbol.notStarted,
  Green: `${CardSymbol.green} ${CardSymbol.done}`,
  Amber: `${CardSymbol.amber} !`,
  Red: `${CardSymbol.red} ${CardSymbol.refused}`,
  Complete: `${CardSymbol.complete} ${CardSymbol.done}`,
};

/** Every symbol above, for the tests that hold cards to them. */
export const CARD_SYMBOLS: ReadonlySet<string> = new Set(Object.values(CardSymbol));
