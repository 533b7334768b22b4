import { colorIconProblems, outlineIconProblems } from './icon-rules';

/** The parts of the manifest these rules read (the schema has checked their types). */
interface ManifestView {
  icons?: { color?: string; outline?: string };
  bots?: Array<{ botId?: string; commandLists?: Array<{ commands?: Array<{ title?: string; description?: string }> }> }>;
  staticTabs?: Array<{ contentUrl?: string; websiteUrl?: string }>;
  configurableTabs?: Array<{ configurationUrl?: string }>;
  validDomains?: string[];
  webApplicationInfo?: { id?: string; resource?: string };
  developer?: Record<string, unknown>;
}

/**
 * Rules Teams applies when an app is uploaded that the JSON schema cannot express: the icons exist
 * and follow the size and colour rules; every tab URL is https on a valid domain; the SSO resource
 * is an Application ID URI on the tab's domain; command names are short enough for the menu.
 */
export function packageRuleProblems(manifest: unknown, files: ReadonlyMap<string, Uint8Array>): string[] {
  const m = manifest as ManifestView;
  const problems: string[] = [];
  const icon = (name: string | undefined, check: (file: string, bytes: Uint8Array) => string[]) => {
    if (!name) return;
    const bytes = files.get(name);
    if (!bytes) problems.push(`icons: ${name} is not in the package`);
    else problems.push(...check(name, bytes));
  };
  icon(m.icons?.color, colorIconProblems);
  icon(m.icons?.outline, outlineIconProblems);

  const domains = (m.validDomains ?? []).map((d) => d.toLowerCase());
  const onValidDomain = (host: string) => domains.some((d) => d === host || (d.startsWith('*.') && host.endsWith(d.slice(1))));
  const urls: Array<[string, string | undefined]> = [
    ...(m.staticTabs ?? []).flatMap((t, i): Array<[string, string | undefined]> => [[`staticTabs.${i}.contentUrl`, t.contentUrl], [`staticTabs.${i}.websiteUrl`, t.websiteUrl]]),
    ...(m.configurableTabs ?? []).map((t, i): [string, string | undefined] => [`configurableTabs.${i}.configurationUrl`, t.configurationUrl]),
  ];
  for (const [where, url] of urls) {
    if (!url) continue;
    const parsed = safeUrl(url);
    if (!parsed || parsed.protocol !== 'https:') problems.push(`${where}: must be an https:// URL (Teams loads tabs over https only), not ${url}`);
    else if (!onValidDomain(parsed.host.toLowerCase())) problems.push(`${where}: ${parsed.host} is not in validDomains`);
  }
  for (const [key, url] of Object.entries(m.developer ?? {})) {
    if (key.endsWith('Url') && typeof url === 'string' && safeUrl(url)?.protocol !== 'https:') problems.push(`developer.${key}: must be an https:// URL, not ${url}`);
  }

  const sso = m.webApplicationInfo;
  if (sso?.resource) {
    const resource = safeUrl(sso.resource);
    if (!resource || resource.protocol !== 'api:') problems.push(`webApplicationInfo.resource: must be an Application ID URI such as api://<tab domain>/<client id>, not ${sso.resource}`);
    else if (!onValidDomain(resource.host.toLowerCase())) problems.push(`webApplicationInfo.resource: its domain ${resource.host} must be the tab's domain (in validDomains)`);
    else if (sso.id && !sso.resource.toLowerCase().includes(sso.id.toLowerCase())) problems.push(`webApplicationInfo.resource: should end with the client id ${sso.id} (api://<domain>/<client id> or api://<domain>/botid-<client id>)`);
  }

  for (const [b, bot] of (m.bots ?? []).entries()) {
    for (const [l, list] of (bot.commandLists ?? []).entries()) {
      for (const [c, command] of (list.commands ?? []).entries()) {
        if ((command.title ?? '').length > 32) problems.push(`bots.${b}.commandLists.${l}.commands.${c}.title: at most 32 characters in Teams' command menu`);
        if ((command.description ?? '').length > 128) problems.push(`bots.${b}.commandLists.${l}.commands.${c}.description: at most 128 characters in Teams' command menu`);
      }
    }
  }
  return problems;
}

function safeUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}
