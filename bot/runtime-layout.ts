import path from 'node:path';

/**
 * Where the server's own files are at run time. From source (`npm start` with tsx, mocha) they sit
 * in the tree; in the built server (`npm run build`, see bot/build.ts) every entry is bundled flat
 * into dist/ and the files are copied beside it, so `__dirname` here is dist/ itself.
 */
declare const EDI_BUNDLED: boolean | undefined; // esbuild's `define` in bot/build.ts

export const bundled = typeof EDI_BUNDLED === 'boolean' && EDI_BUNDLED;

export const runtimeLayout = bundled
  ? { tabDir: path.join(__dirname, 'tab'), channelTabDir: path.join(__dirname, 'channel-tab') }
  : { tabDir: path.join(__dirname, '..', 'tab', 'dist'), channelTabDir: path.join(__dirname, 'channel-tab') };
