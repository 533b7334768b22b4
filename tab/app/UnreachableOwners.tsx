import { Button, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, tokens } from '@fluentui/react-components';
import { useId, useState } from 'react';
import { countOf } from './format';
import { fetchUnreachable, type ReachLine } from './rounds-api';
import { useAsync } from './use-async';
import { visuallyHidden } from './visually-hidden';

const useStyles = makeStyles({
  caption: visuallyHidden,
  line: { margin: 0, color: tokens.colorNeutralForeground2 },
});

const STATUS_WORDS: Record<ReachLine['status'], string> = {
  'no-chat': 'No chat with the bot yet (the app is not installed for them)',
  failing: 'Messages fail (the app was blocked or removed)',
  reachable: 'Reachable',
};

/** Officers: owners the bot cannot message, so a round or reminder would miss them. */
export function UnreachableOwners() {
  const styles = useStyles();
  const tableId = useId();
  const [shown, setShown] = useState(false);
  const { state } = useAsync('reach', fetchUnreachable);
  if (state.kind !== 'loaded') return null;
  const lines = state.value;
  if (lines.length === 0) return <p className={styles.line}>The bot can reach every owner of an open task.</p>;
  return (
    <div>
      <Button aria-expanded={shown} aria-controls={tableId} onClick={() => setShown((v) => !v)}>
        {shown ? 'Hide' : 'Show'} owners the bot cannot reach ({countOf(lines.length, 'person', 'people')})
      </Button>
      {shown && (
        <Table id={tableId} size="small">
          <caption className={styles.caption}>Owners the bot cannot reach</caption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">Person</TableHeaderCell>
              <TableHeaderCell scope="col">Why</TableHeaderCell>
              <TableHeaderCell scope="col">Open tasks</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {lines.map((line) => (
              <TableRow key={line.person.aadObjectId ?? line.person.displayName}>
                <TableHeaderCell scope="row">{line.person.displayName}</TableHeaderCell>
                <TableCell>{STATUS_WORDS[line.status]}</TableCell>
                <TableCell>{line.openTasks.join(', ')}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
