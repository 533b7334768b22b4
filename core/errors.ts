/** Typed failures every entry point (bot, tab API, CLI, scheduler) maps to its own transport. */

export class DomainError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** A write carried a version (ETag) older than the stored one. Nothing was written. */
export class ConflictError extends DomainError {
  constructor(
    readonly entity: string,
    readonly id: string,
    readonly expectedVersion: string,
    readonly actualVersion?: string,
  ) {
    super(`${entity} ${id} has changed since it was read (version ${expectedVersion}, now ${actualVersion ?? 'unknown'})`);
  }
}

export class NotFoundError extends DomainError {
  constructor(readonly entity: string, readonly id: string) {
    super(`${entity} ${id} was not found`);
  }
}

/** A unique key (task ref, reminder key, idempotency key) already exists. */
export class DuplicateError extends DomainError {
  constructor(readonly entity: string, readonly key: string) {
    super(`${entity} with key ${key} already exists`);
  }
}

export class ForbiddenError extends DomainError {}

export interface FieldError {
  field: string;
  message: string;
}

/** Input failed validation; `fields` says which inputs and why, in words a user can act on. */
export class ValidationError extends DomainError {
  constructor(readonly fields: FieldError[]) {
    super(fields.map((f) => `${f.field}: ${f.message}`).join('; '));
  }
}
