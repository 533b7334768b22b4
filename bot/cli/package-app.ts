/**
 * `npm run package -- --env <name>`: builds the Teams app package `manifest/build/appPackage.<name>.zip`
 * from `manifest/manifest.template.json` and `env/.env.<name>`, validated offline against the bundled
 * manifest schema and Teams' package rules. `--validate <zip>` checks an existing package.
 * Exit codes: 0 done, 1 invalid (each problem listed), 2 bad arguments or missing values.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildAppPackage, InvalidPackageError, MANIFEST_DIR, validateAppPackage } from '../packaging/app-package';
import { MissingValuesError } from '../packaging/fill-template';

export async function packageApp(argv: string[], out: (line: string) => void = console.log, err: (line: string) => void = console.error): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: { env: { type: 'string' }, out: { type: 'string' }, validate: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, strict: true }));
  } catch (e) {
    err(`${(e as Error).message}\nUsage: npm run package -- --env <name> [--out <file.zip>] | --validate <file.zip>`);
    return 2;
  }
  if (values.help) {
    out('Usage: npm run package -- --env <name> [--out <file.zip>]   fill the manifest from env/.env.<name> and zip it\n       npm run package -- --validate <file.zip>             check an existing app package');
    return 0;
  }
  if (values.validate) {
    const problems = await validateAppPackage(fs.readFileSync(values.validate));
    if (problems.length === 0) out(`${values.validate}: valid Teams app package.`);
    for (const p of problems) err(`  - ${p}`);
    return problems.length === 0 ? 0 : 1;
  }
  if (!values.env) {
    err('Say which environment: npm run package -- --env local (reads env/.env.local).');
    return 2;
  }
  try {
    const built = await buildAppPackage({ envName: values.env });
    const target = path.resolve(values.out ?? path.join(MANIFEST_DIR, 'build', `appPackage.${values.env}.zip`));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, built.zip);
    // Read back what was written: the file on disk is what an administrator uploads.
    const problems = await validateAppPackage(fs.readFileSync(target));
    if (problems.length > 0) {
      fs.rmSync(target, { force: true });
      throw new InvalidPackageError(problems);
    }
    out(`Wrote ${path.relative(process.cwd(), target)} (${built.zip.length} bytes) from ${built.envFiles.map((f) => path.relative(process.cwd(), f)).join(' + ')}.`);
    out(`Manifest ${String(built.manifest.manifestVersion)} schema: valid. App id ${String(built.manifest.id)}, version ${String(built.manifest.version)}.`);
    return 0;
  } catch (e) {
    if (e instanceof MissingValuesError) {
      err(e.message);
      return 2;
    }
    if (e instanceof InvalidPackageError) {
      err(e.message);
      return 1;
    }
    err(`Packaging failed: ${(e as Error).message}`);
    return 2;
  }
}

if (require.main === module) {
  packageApp(process.argv.slice(2)).then((code) => process.exit(code));
}
