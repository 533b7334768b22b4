import { Link, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowHookUpLeftRegular, ArrowHookUpRightRegular } from '@fluentui/react-icons';
import type { TaskDetail } from './api-types';
import { planAddress } from './url-state';

const useStyles = makeStyles({
  note: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderLeft: `${tokens.strokeWidthThickest} solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  line: { margin: 0, display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, minHeight: '24px', overflowWrap: 'anywhere' },
});

/**
 * A task carried between plans: where it came from (its earlier history is listed below the
 * task's own) or where it went, each a link that opens that task in its plan (both plans named by
 * the server, core/use-cases/get-task-detail.ts).
 */
export function CarriedForwardNote({ task }: { task: Pick<TaskDetail, 'carriedFrom' | 'carriedTo'> }) {
  const styles = useStyles();
  const { carriedFrom: from, carriedTo: to } = task;
  if (!from && !to) return null;
  return (
    <div className={styles.note} data-carried="">
      {from && (
        <p className={styles.line} data-carried-from={from.taskId}>
          <ArrowHookUpLeftRegular aria-hidden />
          <span>
            Carried forward from{' '}
            <Link href={planAddress(from.planId, from.taskId)}>
              {from.planName}, task {from.ref}
            </Link>
          </span>
        </p>
      )}
      {to && (
        <p className={styles.line} data-carried-to={to.taskId}>
          <ArrowHookUpRightRegular aria-hidden />
          <span>
            Carried forward to{' '}
            <Link href={planAddress(to.planId, to.taskId)}>
              {to.planName}, task {to.ref}
            </Link>
          </span>
        </p>
      )}
    </div>
  );
}
