import { sectionCard } from './shared-styles';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
  typographyStyles,
} from '@fluentui/react-components';
import { CalendarAddRegular, LockClosedRegular } from '@fluentui/react-icons';
import { useId, useState } from 'react';
import { ApiError } from './api-client';
import type { RoundStatusView } from './api-types';
import { countOf, formatInstantAsDate, formatIsoDate } from './format';
import { LoadError } from './LoadError';
import { OpenRoundDialog } from './OpenRoundDialog';
import { closeRound, fetchRounds } from './rounds-api';
import { UnreachableOwners } from './UnreachableOwners';
import { useAsync } from './use-async';
import { visuallyHidden } from './visually-hidden';

const useStyles = makeStyles({
  section: {
    ...sectionCard,
  },
  heading: { ...typographyStyles.subtitle1, margin: 0 },
  line: { margin: 0 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  caption: visuallyHidden,
  progress: { maxWidth: '32rem' },
});

export interface RoundPanelProps {
  isOfficer: boolean;
  /** The plan changed (a round opened or closed): reload it. */
  onChanged: () => void;
}

/** The update round: its response rate and who has not answered; officers open and close rounds here. */
export function RoundPanel({ isOfficer, onChanged }: RoundPanelProps) {
  const styles = useStyles();
  const headingId = useId();
  const { state, reload } = useAsync('rounds', fetchRounds);
  const [opening, setOpening] = useState(false);
  const [confirmClose, setConfirmClose] = useState(false);
  const [notice, setNotice] = useState<string>();
  const [closeProblem, setCloseProblem] = useState<string>();
  const [closing, setClosing] = useState(false);

  const rounds = state.kind === 'loaded' ? state.value : state.kind === 'loading' ? state.previous : undefined;
  const current = rounds?.current;
  const open = current?.round.state === 'Open' ? current : undefined;
  const lastClosed = current && current.round.state === 'Closed' ? current : undefined;

  const changed = (message: string) => {
    setNotice(message);
    reload();
    onChanged();
  };

  const doClose = async () => {
    if (!open) return;
    setClosing(true);
    setCloseProblem(undefined);
    try {
      const closed = await closeRound(open.round.id);
      setConfirmClose(false);
      changed(`The round "${closed.round.name}" is closed: ${closed.answered} of ${countOf(closed.inScope, 'task')} answered. Each task's latest update and RAG are kept for the board report.`);
    } catch (error) {
      setCloseProblem(error instanceof ApiError ? error.message : 'The round could not be closed. Please try again.');
    } finally {
      setClosing(false);
    }
  };

  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.heading}>
        Update round
      </h2>
      <div role="status" aria-live="polite">
        {notice && (
          <MessageBar intent="success">
            <MessageBarBody>{notice}</MessageBarBody>
          </MessageBar>
        )}
        {state.kind === 'loading' && !rounds && <Spinner size="tiny" labelPosition="after" label="Loading the update round…" />}
      </div>
      {state.kind === 'error' && <LoadError title="The update round could not be loaded." message={state.message} onRetry={reload} />}
      {rounds && (open ? <OpenRound status={open} /> : <NoOpenRound lastClosed={lastClosed} />)}
      {rounds && isOfficer && (
        <div className={styles.actions}>
          {open ? (
            <Button icon={<LockClosedRegular />} onClick={() => setConfirmClose(true)}>
              Close round
            </Button>
          ) : (
            <Button appearance="primary" icon={<CalendarAddRegular />} onClick={() => setOpening(true)}>
              Open an update round
            </Button>
          )}
        </div>
      )}
      {isOfficer && <UnreachableOwners />}
      <OpenRoundDialog
        open={opening}
        onClose={() => setOpening(false)}
        onOpened={(status) => {
          setOpening(false);
          changed(`The round "${status.round.name}" is open: ${countOf(status.inScope, 'task')} in scope. Owners are asked at the next reminder sweep.`);
        }}
      />
      <Dialog open={confirmClose} onOpenChange={(_, data) => !data.open && setConfirmClose(false)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>Close the round{open ? ` "${open.round.name}"` : ''}?</DialogTitle>
            <DialogContent>
              {closeProblem && (
                <MessageBar intent="error" role="alert">
                  <MessageBarBody>{closeProblem}</MessageBarBody>
                </MessageBar>
              )}
              <p>Owners will no longer be asked or chased for this round. Each task's latest update and RAG are kept in the round for the board report.</p>
              {open && <p>{open.answered} of {countOf(open.inScope, 'task')} have been answered.</p>}
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" disabled={closing} onClick={() => void doClose()}>
                {closing ? 'Closing…' : 'Close round'}
              </Button>
              <Button onClick={() => setConfirmClose(false)}>Keep it open</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </section>
  );
}

function percent(rate: number): string {
  return `${Math.round(rate * 100)}%`;
}

function OpenRound({ status }: { status: RoundStatusView }) {
  const styles = useStyles();
  const [showMissing, setShowMissing] = useState(false);
  const tableId = useId();
  const missing = status.notAnswered.length + (status.unownedTaskRefs.length > 0 ? 1 : 0);
  return (
    <>
      <p className={styles.line} data-round-state="open">
        <strong>{status.round.name}</strong> is open, updates due by {formatIsoDate(status.round.dueDate)}.
      </p>
      <Field className={styles.progress} label={`Response rate: ${status.answered} of ${countOf(status.inScope, 'task')} answered (${percent(status.responseRate)})`}>
        <ProgressBar value={status.responseRate} max={1} thickness="large" />
      </Field>
      {missing > 0 ? (
        <div>
          <Button aria-expanded={showMissing} aria-controls={tableId} onClick={() => setShowMissing((v) => !v)}>
            {showMissing ? 'Hide' : 'Show'} who has not answered ({countOf(status.notAnswered.length, 'owner')})
          </Button>
          {showMissing && (
            <Table id={tableId} size="small">
              <caption className={styles.caption}>Owners who have not answered this round</caption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">Owner</TableHeaderCell>
                  <TableHeaderCell scope="col">Tasks not answered</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {status.notAnswered.map((line) => (
                  <TableRow key={line.owner.aadObjectId ?? line.owner.displayName}>
                    <TableHeaderCell scope="row">{line.owner.displayName}</TableHeaderCell>
                    <TableCell>{line.taskRefs.join(', ')}</TableCell>
                  </TableRow>
                ))}
                {status.unownedTaskRefs.length > 0 && (
                  <TableRow>
                    <TableHeaderCell scope="row">No owner to ask</TableHeaderCell>
                    <TableCell>{status.unownedTaskRefs.join(', ')}</TableCell>
                  </TableRow>
                )}
              </TableBody>
            </Table>
          )}
        </div>
      ) : (
        <p className={styles.line}>Every task in scope has been answered.</p>
      )}
    </>
  );
}

function NoOpenRound({ lastClosed }: { lastClosed?: RoundStatusView }) {
  const styles = useStyles();
  return (
    <>
      <p className={styles.line} data-round-state="none">
        No update round is open.
      </p>
      {lastClosed && (
        <p className={styles.line}>
          The last round, <strong>{lastClosed.round.name}</strong>, closed {lastClosed.round.closedAt ? formatInstantAsDate(lastClosed.round.closedAt) : ''} with{' '}
          {lastClosed.answered} of {countOf(lastClosed.inScope, 'task')} answered ({percent(lastClosed.responseRate)}).
        </p>
      )}
    </>
  );
}
