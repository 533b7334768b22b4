/**
 * The tab's only contact with the Teams client. Outside Teams (a plain browser) `app.initialize`
 * never settles, so nothing here may block rendering: callers render first and let the
 * connection, if any, update the theme later. A page that is neither framed nor in a Teams
 * mobile web view cannot be in Teams, so it skips the handshake altogether (no 3 s wait before
 * the first API call in a browser).
 *
 * teams-js is loaded only then, too: the library starts fetching its list of valid host origins
 * (res.cdn.office.net/teams-js/validDomains/json/validDomains.json) as soon as it is imported
 * (src/internal/validOrigins.ts, `prefetchOriginsFromCDN`), which a page outside Teams has no
 * use for. Teams hosts a tab in an iframe on the web and desktop, and in a web view on mobile:
 * https://learn.microsoft.com/microsoftteams/platform/tabs/how-to/using-teams-client-library
 * (call `app.initialize()` first, from the page Teams hosts). esbuild keeps the library in the
 * one bundle and runs its module code at the first `import()`.
 */
import type * as TeamsJs from '@microsoft/teams-js';

export type HostThemeName = 'default' | 'dark' | 'contrast';

const HOST_THEME_NAMES: readonly HostThemeName[] = ['default', 'dark', 'contrast'];

function parseHostThemeName(value: string | null | undefined): HostThemeName | undefined {
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

let teamsJs: Promise<typeof TeamsJs> | undefined;
const loadTeamsJs = () => (teamsJs ??= import('@microsoft/teams-js'));

/** Teams hosts tabs in an iframe (web, desktop) or a web view with a native bridge (mobile). */
function mightBeInTeams(): boolean {
  let framed = true;
  try {
    framed = window.self !== window.top;
  } catch {
    // A cross-origin parent throws: framed.
  }
  return framed || 'nativeInterface' in window;
}

/** Resolves with the host's theme when running inside Teams, or null when not (or too slow). */
async function connectToTeams({ timeoutMs = 3000, onThemeChange }: ConnectOptions): Promise<TeamsConnection | null> {
  if (!mightBeInTeams()) return null;
  try {
    const { app } = await loadTeamsJs();
    await withTimeout(app.initialize(), timeoutMs);
    const context = await withTimeout(app.getContext(), timeoutMs);
    app.registerOnThemeChangeHandler((theme) => onThemeChange(parseHostThemeName(theme) ?? 'default'));
    app.notifySuccess();
    return { theme: parseHostThemeName(context.app.theme) ?? 'default' };
  } catch {
    return null;
  }
}

const themeListeners = new Set<(theme: HostThemeName) => void>();
let connection: Promise<TeamsConnection | null> | undefined;

/** The one handshake of this page, shared by the theme and the API's token. */
export function teamsConnection(): Promise<TeamsConnection | null> {
  connection ??= connectToTeams({ onThemeChange: (theme) => themeListeners.forEach((listener) => listener(theme)) });
  return connection;
}

export function onHostThemeChange(listener: (theme: HostThemeName) => void): () => void {
  themeListeners.add(listener);
  return () => themeListeners.delete(listener);
}

/** Teams could not give the tab a sign-in token. */
export class TeamsSignInError extends Error {
  constructor(detail: string) {
    super(`Teams could not sign you in to the plan (${detail}). Close the tab and open it again; if it keeps happening, tell your EDI officer.`);
    this.name = 'TeamsSignInError';
  }
}

/**
 * The Teams SSO token to send as a bearer token, or undefined in a plain browser (the server's
 * local dev identity then applies; production refuses requests without a token).
 */
export async function teamsAuthToken(): Promise<string | undefined> {
  if (!(await teamsConnection())) return undefined;
  try {
    const { authentication } = await loadTeamsJs();
    return await authentication.getAuthToken();
  } catch (error) {
    throw new TeamsSignInError(error instanceof Error ? error.message : String(error));
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`No answer from the Teams host within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
