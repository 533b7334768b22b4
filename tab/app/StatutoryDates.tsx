import { Badge, Button, MessageBar, MessageBarBody, Spinner, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { CalendarAddRegular } from '@fluentui/react-icons';
import { useId, useState } from 'react';
import { NATION_NAMES } from '../../core/calendar/statutory-duties';
import { fetchStatutoryCalendar, type StatutoryDateView } from './calendar-api';
import { countOf, formatIsoDate } from './format';
import { LoadError } from './LoadError';
import { OpenRoundDialog } from './OpenRoundDialog';
import { sectionCard } from './shared-styles';
import { useAsync } from './use-async';

const useStyles = makeStyles({
  section: { ...sectionCard, gap: tokens.spacingVerticalS },
  heading: { ...typographyStyles.subtitle1, margin: 0 },
  caption: { ...typographyStyles.caption1, margin: 0, color: tokens.colorNeutralForeground2 },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    paddingTop: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  what: { flex: '1 1 20rem', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  line: { margin: 0 },
});

/** "today", "tomorrow", "in 114 days". */
function when(daysAway: number): string {
  if (daysAway <= 0) return 'today';
  if (daysAway === 1) return 'tomorrow';
  return `in ${countOf(daysAway, 'day')}`;
}

export interface StatutoryDatesProps {
  isOfficer: boolean;
  /** A round was opened from here: the round panel and the plan reload. */
  onRoundOpened: () => void;
}

/**
 * The council's next statutory equality dates (its nation and headcount, from the server's
 * settings); officers can open an update round aimed at one, the form filled from its suggestion.
 */
export function StatutoryDates({ isOfficer, onRoundOpened }: StatutoryDatesProps) {
  const styles = useStyles();
  const headingId = useId();
  const { state, reload } = useAsync('calendar', (signal) => fetchStatutoryCalendar(5, signal));
  const [chosen, setChosen] = useState<StatutoryDateView>();
  const [notice, setNotice] = useState<string>();
  const calendar = state.kind === 'loaded' ? state.value : state.kind === 'loading' ? state.previous : undefined;

  return (
    <section className={styles.section} aria-labelledby={headingId} data-statutory-dates>
      <h2 id={headingId} className={styles.heading}>
        Statutory dates
      </h2>
      {calendar && (
        <p className={styles.caption}>
          Equality reporting duties for a council in {NATION_NAMES[calendar.nation]}
          {calendar.staffCount !== undefined ? ` with ${calendar.staffCount.toLocaleString('en-GB')} staff` : ''}.
        </p>
      )}
      <div role="status" aria-live="polite">
        {notice && (
          <MessageBar intent="success">
            <MessageBarBody>{notice}</MessageBarBody>
          </MessageBar>
        )}
        {state.kind === 'loading' && !calendar && <Spinner size="tiny" labelPosition="after" label="Loading the statutory dates…" />}
      </div>
      {state.kind === 'error' && <LoadError title="The statutory dates could not be loaded." message={state.message} onRetry={reload} />}
      {calendar && calendar.dates.length === 0 && <p className={styles.line}>No statutory dates are coming up.</p>}
      {calendar && calendar.dates.length > 0 && (
        <ul className={styles.list}>
          {calendar.dates.map((date, i) => (
            // What is due, the law and the note once per duty (its soonest date): the later ones repeat it.
            <StatutoryDateItem
              key={`${date.dutyId}:${date.due}`}
              date={date}
              detailed={calendar.dates.findIndex((d) => d.dutyId === date.dutyId) === i}
              isOfficer={isOfficer}
              onOpenRound={() => setChosen(date)}
            />
          ))}
        </ul>
      )}
      {isOfficer && (
        <OpenRoundDialog
          open={chosen !== undefined}
          initial={chosen && { name: chosen.suggestedRound.name, dueDate: chosen.suggestedRound.dueDate }}
          onClose={() => setChosen(undefined)}
          onOpened={(status) => {
            setChosen(undefined);
            setNotice(`The round "${status.round.name}" is open: ${countOf(status.inScope, 'task')} in scope. Owners are asked at the next reminder sweep.`);
            onRoundOpened();
          }}
        />
      )}
    </section>
  );
}

function StatutoryDateItem({ date, detailed, isOfficer, onOpenRound }: { date: StatutoryDateView; detailed: boolean; isOfficer: boolean; onOpenRound: () => void }) {
  const styles = useStyles();
  const lineId = useId();
  return (
    <li className={styles.item} data-duty={date.dutyId}>
      <div className={styles.what}>
        <p className={styles.line} id={lineId}>
          <strong>{date.title}</strong> — due {formatIsoDate(date.due)}, {when(date.daysAway)}
        </p>
        {detailed && (
          <p className={styles.caption}>
            {date.whatIsDue} Law: {date.basis}.
          </p>
        )}
        {detailed && date.note && <p className={styles.caption}>{date.note}</p>}
      </div>
      {date.check && (
        <Badge appearance="tint" color="warning" shape="rounded">
          check this date
        </Badge>
      )}
      {isOfficer && (
        <Button size="small" icon={<CalendarAddRegular />} aria-describedby={lineId} aria-haspopup="dialog" onClick={onOpenRound}>
          Open a round for this
        </Button>
      )}
    </li>
  );
}
