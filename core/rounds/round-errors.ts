import { DomainError, NotFoundError } from '../errors';
import type { UpdateRound } from '../model';
import { formatDate } from '../plan/london-time';

/** Only one update round can be open at a time. */
export class RoundAlreadyOpenError extends DomainError {
  constructor(readonly open?: UpdateRound) {
    super(
      open
        ? `The update round "${open.name}" is still open (due ${formatDate(open.dueDate)}). Close it before opening another.`
        : 'Another update round was opened at the same moment. Close it before opening another.',
    );
  }
}

/** There is no such round: none is open, none was ever opened, or the id is unknown (a 404). */
export class NoOpenRoundError extends NotFoundError {
  constructor(message = 'No update round is open.', roundId = 'open') {
    super('Update round', roundId);
    this.message = message;
  }
}

/** The round exists but was closed already, by this officer or another at the same moment (a 409). */
export class RoundClosedError extends DomainError {
  constructor(readonly round: UpdateRound) {
    super(`The update round "${round.name}" is already closed.`);
  }
}
