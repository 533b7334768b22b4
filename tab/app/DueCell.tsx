import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { CalendarErrorRegular, ClockAlarmFilled } from '@fluentui/react-icons';
import type { TaskView } from '../../core/plan-view';
import { formatIsoDate } from './format';

const useStyles = makeStyles({
  cell: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  date: { whiteSpace: 'nowrap' },
  wording: { ...typographyStyles.caption1, color: tokens.colorNeutralForeground3 },
  none: { color: tokens.colorNeutralForeground3 },
  check: {
    ...typographyStyles.caption1,
    display: 'inline-flex',
    alignItems: 'flex-start',
    gap: tokens.spacingHorizontalXXS,
    color: tokens.colorPaletteDarkOrangeForeground1,
  },
  overdue: {
    ...typographyStyles.caption1Strong,
    display: 'inline-flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXXS,
    color: tokens.colorPaletteRedForeground1,
  },
});

/** The deadline as a date, the council's own wording when it says more, and an overdue marker. */
export function DueCell({ task }: { task: Pick<TaskView, 'dueDate' | 'dueText' | 'overdue' | 'deadlineCheck'> }) {
  const styles = useStyles();
  const { dueDate, overdue } = task;
  const dueText = task.dueText?.trim();
  const formatted = dueDate ? formatIsoDate(dueDate) : undefined;
  const showWording = dueText && dueText !== formatted && dueText !== dueDate;

  return (
    <div className={styles.cell}>
      {dueDate ? (
        <time className={styles.date} dateTime={dueDate}>
          {formatted}
        </time>
      ) : (
        !dueText && <span className={styles.none}>No deadline</span>
      )}
      {showWording && <span className={dueDate ? styles.wording : undefined}>{dueText}</span>}
      {task.deadlineCheck && (
        <span className={styles.check} data-deadline-check>
          <CalendarErrorRegular aria-hidden />
          Check deadline: {task.deadlineCheck}
        </span>
      )}
      {overdue && (
        <span className={styles.overdue} data-overdue>
          <ClockAlarmFilled aria-hidden />
          Overdue
        </span>
      )}
    </div>
  );
}
