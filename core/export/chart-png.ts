import { renderAsync } from '@resvg/resvg-js';
import type { ChartSpec } from '../charts/chart-spec';
import { chartSvg, PRINT_PALETTE, svgMarkup } from '../charts/chart-svg';
import { nextTurn } from './wordml';

/**
 * A chart spec as a PNG for the Word paper: the same SVG the tab draws (print palette), rasterised
 * server-side with the bundled Noto Sans, so text renders on servers with no fonts installed.
 * Drawn at twice its size so it stays sharp when printed; `width`/`height` are the size to show it
 * at, in CSS pixels (96 to the inch), as docx's ImageRun takes them. Rasterising runs on libuv's
 * thread pool (resvg's renderAsync), so it neither blocks the server nor waits on other charts.
 * Encoding the PNG (asPng) runs on the main thread, some 35 ms for a large chart: charts that
 * finish together are encoded one per turn of the event loop, so requests are answered between them.
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
  await nextTurn(); // the SVG is built in a later turn than the caller's, not all at its start
  const svg = svgMarkup(chartSvg(spec, PRINT_PALETTE));
  const rendered = await renderAsync(svg, { font: { loadSystemFonts: false, fontFiles: fonts(), defaultFontFamily: 'Noto Sans' }, fitTo: { mode: 'zoom', value: ZOOM } });
  const png = await inItsOwnTurn(() => rendered.asPng());
  return { png: new Uint8Array(png), width: Math.round(rendered.width / ZOOM), height: Math.round(rendered.height / ZOOM) };
}

let encoding: Promise<unknown> = Promise.resolve();

/** Runs `work` after the work queued before it, each in a later turn of the event loop than the last. */
function inItsOwnTurn<T>(work: () => T): Promise<T> {
  const done = encoding.then(nextTurn).then(work);
  encoding = done.catch(() => undefined);
  return done;
}
