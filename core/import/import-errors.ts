import { DomainError } from '../errors';

const IMPORT_FILE_PROBLEMS = [
  'empty',
  'too-large',
  'unsupported',
  'password-protected',
  'old-format',
  'unreadable',
  'no-columns',
  'no-tasks',
  'bad-mapping',
  /** A part of the file that no Office program writes (a DOCTYPE with entities): refused unread. */
  'unsafe',
] as const;
export type ImportFileProblem = (typeof IMPORT_FILE_PROBLEMS)[number];

/**
 * The file cannot be imported at all (nothing was written). The message is for the officer who
 * chose the file: what is wrong and what to do about it.
 */
export class ImportFileError extends DomainError {
  constructor(
    readonly problem: ImportFileProblem,
    message: string,
  ) {
    super(message);
  }
}
