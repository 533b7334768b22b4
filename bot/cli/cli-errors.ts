import { ConfigError } from '../config';
import { DomainError } from '../../core/errors';

/** Bad command-line use: exit code 2, with the command's usage. */
export class UsageError extends Error {}

/** Bad use: ours, or node:util parseArgs refusing an option (its TypeErrors carry an ERR_PARSE_ARGS_* code). */
export function isUsageError(err: unknown): err is Error {
  return err instanceof UsageError || (err instanceof TypeError && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS'));
}

/**
 * How a command ends on an error: bad use is exit 2 with the usage; a refusal in words (the
 * domain's or the configuration's) exit 1 with its message; anything else exit 1, `failed` saying so.
 */
export function exitOnFailure(err: unknown, usage: string, failed: (message: string) => string): never {
  if (isUsageError(err)) {
    console.error(`${err.message}\n\n${usage}`);
    process.exit(2);
  }
  if (err instanceof DomainError || err instanceof ConfigError) {
    console.error(err.message);
    process.exit(1);
  }
  console.error(failed(err instanceof Error ? err.message : String(err)));
  process.exit(1);
}
