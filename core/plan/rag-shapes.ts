import type { Rag } from '../model';

/**
 * The shape that stands for each RAG wherever it is printed in text (cards, the board paper), so a
 * status never depends on colour alone and reads the same in Teams and on paper. Each is a basic
 * geometric shape or star that Teams clients and Word draw without an emoji font
 * (bot/cards/card-symbols.ts says which fonts).
 */
export const RAG_SHAPE: Record<Rag, string> = {
  'Not started': '○',
  Green: '●',
  Amber: '▲',
  Red: '■',
  Complete: '★',
};
