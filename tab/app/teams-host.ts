/**
 * The tab's only contact with the Teams client. Outside Teams (a plain browser) `app.initialize`
 * never settles or rejects, so nothing here may block rendering: callers render first and let
 * the connection, if any, update the theme later.
 */
import { app } from '@microsoft/teams-js';

export type HostThemeName = 'default' | 'dark' | 'contrast';

const HOST_THEME_NAMES: readonly HostThemeName[] = ['default', 'dark', 'contrast'];

export function parseHostThemeName(value: string | null | undefined): HostThemeName | undefined {
  return HOST_THEME_NAMES.find((name) => name === value);
}

/** `?theme=dark|contrast|default`, for trying themes in a plain browser. */
export function themeFromUrl(search: string = window.location.search): HostThemeName | undefined {
  return parseHostThemeName(new URLSearchParams(search).get('theme'));
}

export interface TeamsConnection {
  theme: HostThemeName;
}

export interface ConnectOptions {
  /** Give up on the Teams handshake after this long (a plain browser never answers). */
  timeoutMs?: number;
  onThemeChange: (theme: HostThemeName) => void;
}

/** Resolves with the host's theme when running inside Teams, or null when not (or too slow). */
export async function connectToTeams({ timeoutMs = 3000, onThemeChange }: ConnectOptions): Promise<TeamsConnection | null> {
  try {
    await withTimeout(app.initialize(), timeoutMs);
    const context = await withTimeout(app.getContext(), timeoutMs);
    app.registerOnThemeChangeHandler((theme) => onThemeChange(parseHostThemeName(theme) ?? 'default'));
    app.notifySuccess();
    return { theme: parseHostThemeName(context.app.theme) ?? 'default' };
  } catch {
    return null;
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`No answer from the Teams host within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
