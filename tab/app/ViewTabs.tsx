import { Tab, TabList, makeStyles } from '@fluentui/react-components';
import { ChartMultipleRegular, ScalesRegular, TaskListLtrRegular } from '@fluentui/react-icons';

export const PAGE_VIEWS = ['plan', 'trends', 'eflg'] as const;
export type PageView = (typeof PAGE_VIEWS)[number];

const useStyles = makeStyles({
  // Fluent's tabs are 32px+ tall, over the 24px minimum target (WCAG 2.5.8).
  list: { flexWrap: 'wrap' },
});

/** The page's views; arrow keys move between them (Fluent's tab pattern) and the address follows. */
export function ViewTabs({ view, onChange }: { view: PageView; onChange: (view: PageView) => void }) {
  const styles = useStyles();
  return (
    <TabList className={styles.list} aria-label="Views" selectedValue={view} onTabSelect={(_, data) => onChange(PAGE_VIEWS.find((v) => v === data.value) ?? 'plan')}>
      <Tab value="plan" icon={<TaskListLtrRegular aria-hidden />}>
        Plan
      </Tab>
      <Tab value="trends" icon={<ChartMultipleRegular aria-hidden />}>
        Trends
      </Tab>
      <Tab value="eflg" icon={<ScalesRegular aria-hidden />}>
        Equality Framework
      </Tab>
    </TabList>
  );
}
