import { detailFields } from './shared-styles';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { MeasureStatusView } from './api-types';
import { formatInstantAsDate, isoDateOfInstant } from './format';
import { RagBadge } from './RagBadge';
import { visuallyHidden } from './visually-hidden';

const useStyles = makeStyles({
  ...detailFields,
  value: { margin: 0, overflowWrap: 'anywhere' },
  muted: { color: tokens.colorNeutralForeground3, margin: 0 },
  caption: visuallyHidden,
  scroller: { overflowX: 'auto' },
  number: { fontVariantNumeric: 'tabular-nums' },
});

const HEADING_ID = 'task-measure-heading';
const TABLE_ID = 'task-measure-values-caption';

function Instant({ at }: { at: string }) {
  return <time dateTime={isoDateOfInstant(at) ?? at}>{formatInstantAsDate(at)}</time>;
}

/**
 * A task's measure: baseline, target and its date, the latest value, where the trajectory says it
 * should be today, what the tolerances suggest, and every value owners gave as a table. The
 * suggestion is shown as advice: the RAG is the owner's, through approval.
 */
export function MeasurePanel({ status }: { status: MeasureStatusView }) {
  const styles = useStyles();
  const row = (label: string, value: ReactNode) => (
    <div key={label} style={{ display: 'contents' }}>
      <dt className={styles.term}>{label}</dt>
      <dd className={styles.value}>{value}</dd>
    </div>
  );
  return (
    <section className={styles.section} aria-labelledby={HEADING_ID} data-measure="">
      <h3 id={HEADING_ID} className={styles.heading}>
        Measure: {status.name}
      </h3>
      <dl className={styles.fields}>
        {status.baselineText && row('Baseline', status.baselineText)}
        {row('Target', status.targetText)}
        {row('Latest value', status.latest ? <>{status.latest.text}{status.latest.at && <>, <Instant at={status.latest.at} /></>}</> : <span className={styles.muted}>None yet</span>)}
        {status.expectedNowText && row('Where it should be today', status.expectedNowText)}
        {status.suggested && row('The tolerances suggest', <RagBadge rag={status.suggested} />)}
        {status.toleranceText && row('Tolerances', status.toleranceText)}
      </dl>
      {status.history.length === 0 ? (
        <p className={styles.muted}>No values have been given in updates yet.</p>
      ) : (
        <div className={styles.scroller} role="region" aria-labelledby={TABLE_ID} tabIndex={0}>
          <Table size="small">
            <caption id={TABLE_ID} className={styles.caption}>
              Values given for {status.name}, oldest first
            </caption>
            <TableHeader>
              <TableRow>
                {['Date', 'Value', 'Given by', ...(status.toleranceText ? ['Tolerances suggested'] : [])].map((c) => (
                  <TableHeaderCell key={c} scope="col">
                    {c}
                  </TableHeaderCell>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {status.history.map((h) => (
                <TableRow key={h.updateId} data-measure-value={h.value}>
                  <TableHeaderCell scope="row">
                    <Instant at={h.at} />
                  </TableHeaderCell>
                  <TableCell className={styles.number}>{h.text}</TableCell>
                  <TableCell>{h.by}</TableCell>
                  {status.toleranceText && <TableCell>{h.suggested ? <RagBadge rag={h.suggested} /> : ''}</TableCell>}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </section>
  );
}
