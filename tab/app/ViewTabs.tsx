import { Tab, TabList, makeStyles } from '@fluentui/react-components';
import { ChartMultipleRegular, TaskListLtrRegular } from '@fluentui/react-icons';

export type PageView = 'plan' | 'trends';

const useStyles = makeStyles({
  // Fluent's tabs are 32px+ tall, over the 24px minimum target (WCAG 2.5.8).
  list: { flexWrap: 'wrap' },
});

/** The page's two views; arrow keys move between them (Fluent's tab pattern) and the address follows. */
export function ViewTabs({ view, onChange }: { view: PageView; onChange: (view: PageView) => void }) {
  const styles = useStyles();
  return (
    <TabList className={styles.list} aria-label="Views" selectedValue={view} onTabSelect={(_, data) => onChange(data.value === 'trends' ? 'trends' : 'plan')}>
      <Tab value="plan" icon={<TaskListLtrRegular aria-hidden />}>
        Plan
      </Tab>
      <Tab value="trends" icon={<ChartMultipleRegular aria-hidden />}>
        Trends
      </Tab>
    </TabList>
  );
}
