import type { Rag } from '../model';

/**
 * The tint of a RAG cell in the exports (the Word board paper and the Excel workbook), defined
 * once, and the text colour that goes on it in the workbook. Each pair has at least 4.5:1
 * contrast (WCAG 2.2 AA for text; tests/unit/export-xlsx-rag.test.ts measures it), and the cell
 * always keeps the RAG word, so colour never carries the meaning alone. Hex RRGGBB.
 */
export const RAG_FILL: Record<Rag, string> = { Red: 'F4C7C3', Amber: 'FCE8B2', Green: 'C8E6C9', Complete: 'D6E4F0', 'Not started': 'EEEEEE' };

export const RAG_TEXT: Record<Rag, string> = { Red: '7A1A12', Amber: '5C3D00', Green: '1B4D20', Complete: '1F3864', 'Not started': '3B3A39' };
