import { DomainError } from '../errors';
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

export class NoOpenRoundError extends DomainError {
  constructor(message = 'No update round is open.') {
    super(message);
  }
}
