import { renderAsync } from '@resvg/resvg-js';
import type { ChartSpec } from '../charts/chart-spec';
import { chartSvg, PRINT_PALETTE, svgMarkup } from '../charts/chart-svg';

/**
 * A chart spec as a PNG for the Word paper: the same SVG the tab draws (print palette), rasterised
 * server-side with the bundled Noto Sans, so text renders on servers with no fonts installed.
 * Drawn at twice its size so it stays sharp when printed; `width`/`height` are the size to show it
 * at, in CSS pixels (96 to the inch), as docx's ImageRun takes them. Rasterising runs on libuv's
 * thread pool (resvg's renderAsync), so it neither blocks the server nor waits on other charts.
 */
export interface ChartImage {
  png: Uint8Array;
  width: number;
  height: number;
}

const ZOOM = 2;
let fontFiles: string[] | undefined;

/** The font files, found once (packages stay in node_modules in the server bundle, so this works in dist too). */
function fonts(): string[] {
  fontFiles ??= [require.resolve('@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf'), require.resolve('@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf')];
  return fontFiles;
}

export async function chartPng(spec: ChartSpec): Promise<ChartImage> {
  const svg = svgMarkup(chartSvg(spec, PRINT_PALETTE));
  const rendered = await renderAsync(svg, { font: { loadSystemFonts: false, fontFiles: fonts(), defaultFontFamily: 'Noto Sans' }, fitTo: { mode: 'zoom', value: ZOOM } });
  return { png: new Uint8Array(rendered.asPng()), width: Math.round(rendered.width / ZOOM), height: Math.round(rendered.height / ZOOM) };
}
