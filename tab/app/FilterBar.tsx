import {
  Button,
  Checkbox,
  Combobox,
  Dropdown,
  Field,
  Option,
  SearchBox,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { FilterDismissRegular } from '@fluentui/react-icons';
import { useMemo, useState } from 'react';
import { RAG_VALUES, TASK_STATUSES } from '../../core/model';
import { isFiltering, type PlanFilter, type PlanSort, type SortDirection } from '../../core/plan/plan-filter';
import type { PlanData } from './api-types';
import { leadServicesOf, ownersOf } from './plan-owners';

const useStyles = makeStyles({
  form: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(12rem, 1fr))',
    gap: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    alignItems: 'start',
  },
  // Fluent's dropdowns ask for 250px; in a grid cell they take the cell's width instead.
  control: { minWidth: 0, width: '100%' },
  // A combobox's text box keeps the width of its default size (about 20 characters) unless told
  // otherwise, and pushes the chevron past the border of a narrower grid cell.
  comboInput: { boxSizing: 'border-box', minWidth: 0, width: '100%' },
  wide: { gridColumn: 'span 2', '@media (max-width: 600px)': { gridColumn: 'auto' } },
  checks: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, gridColumn: '1 / -1' },
  actions: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
});

const SORT_LABELS: Record<PlanSort, string> = { ref: 'Ref', due: 'Due date', rag: 'RAG' };
const DIRECTION_LABELS: Record<PlanSort, Record<SortDirection, string>> = {
  ref: { asc: 'Ascending', desc: 'Descending' },
  due: { asc: 'Soonest first', desc: 'Latest first' },
  rag: { asc: 'Red first', desc: 'Complete first' },
};
/** Owners shown in the owner list at once; typing narrows it. */
const OWNER_OPTIONS_SHOWN = 50;

export interface FilterBarProps {
  plan: PlanData;
  filter: PlanFilter;
  onChange: (filter: PlanFilter) => void;
}

/** Every filter and the sort of the plan view; each change updates the address (url-state.ts). */
export function FilterBar({ plan, filter, onChange }: FilterBarProps) {
  const styles = useStyles();
  const set = (patch: Partial<PlanFilter>) => {
    const next: PlanFilter = { ...filter, ...patch };
    for (const key of Object.keys(next) as (keyof PlanFilter)[]) {
      const value = next[key];
      if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) delete next[key];
    }
    onChange(next);
  };
  const sort = filter.sort ?? 'ref';
  const dir = filter.dir ?? 'asc';

  return (
    <form className={styles.form} role="search" aria-label="Filter and sort the plan" onSubmit={(e) => e.preventDefault()}>
      <Field label="Search" className={styles.wide} hint="Ref, task, owner or update text">
        <SearchBox value={filter.q ?? ''} onChange={(_, data) => set({ q: data.value.slice(0, 200) || undefined })} />
      </Field>
      <Field label="RAG">
        <Dropdown
          className={styles.control}
          multiselect
          placeholder="Any RAG"
          selectedOptions={filter.rag ?? []}
          value={(filter.rag ?? []).join(', ')}
          onOptionSelect={(_, data) => set({ rag: RAG_VALUES.filter((r) => data.selectedOptions.includes(r)) })}
        >
          {RAG_VALUES.map((rag) => (
            <Option key={rag} value={rag}>
              {rag}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label="Status">
        <Dropdown
          className={styles.control}
          multiselect
          placeholder="Any status"
          selectedOptions={filter.status ?? []}
          value={(filter.status ?? []).join(', ')}
          onOptionSelect={(_, data) => set({ status: TASK_STATUSES.filter((s) => data.selectedOptions.includes(s)) })}
        >
          {TASK_STATUSES.map((status) => (
            <Option key={status} value={status}>
              {status}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <OwnerField plan={plan} owner={filter.owner} onChange={(owner) => set({ owner })} />
      <Field label="Objective">
        <Dropdown
          className={styles.control}
          placeholder="All objectives"
          selectedOptions={filter.objective ? [filter.objective] : []}
          value={filter.objective ? objectiveLabel(plan, filter.objective) : ''}
          onOptionSelect={(_, data) => set({ objective: data.optionValue || undefined })}
        >
          <Option value="">All objectives</Option>
          {plan.objectives.map((objective) => (
            <Option key={objective.ref} value={objective.ref}>
              {objectiveLabel(plan, objective.ref)}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <ServiceField plan={plan} service={filter.service} onChange={(service) => set({ service })} />
      <Field label="Sort by">
        <Dropdown
          className={styles.control}
          selectedOptions={[sort]}
          value={SORT_LABELS[sort]}
          onOptionSelect={(_, data) => set({ sort: data.optionValue === 'ref' ? undefined : (data.optionValue as PlanSort) })}
        >
          {(Object.keys(SORT_LABELS) as PlanSort[]).map((key) => (
            <Option key={key} value={key}>
              {SORT_LABELS[key]}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label="Order">
        <Dropdown
          className={styles.control}
          selectedOptions={[dir]}
          value={DIRECTION_LABELS[sort][dir]}
          onOptionSelect={(_, data) => set({ dir: data.optionValue === 'desc' ? 'desc' : undefined })}
        >
          <Option value="asc">{DIRECTION_LABELS[sort].asc}</Option>
          <Option value="desc">{DIRECTION_LABELS[sort].desc}</Option>
        </Dropdown>
      </Field>
      <div className={styles.checks}>
        <Checkbox label="Overdue" checked={filter.overdue === true} onChange={(_, data) => set({ overdue: data.checked === true || undefined })} />
        <Checkbox label="Awaiting update" checked={filter.awaiting === true} onChange={(_, data) => set({ awaiting: data.checked === true || undefined })} />
        <Checkbox label="Pending approval" checked={filter.pending === true} onChange={(_, data) => set({ pending: data.checked === true || undefined })} />
        <div className={styles.actions}>
          <Button icon={<FilterDismissRegular />} disabled={!isFiltering(filter)} disabledFocusable={!isFiltering(filter)} onClick={() => onChange({ sort: filter.sort, dir: filter.dir })}>
            Clear filters
          </Button>
        </div>
      </div>
    </form>
  );
}

function objectiveLabel(plan: PlanData, ref: string): string {
  const objective = plan.objectives.find((o) => o.ref === ref);
  return objective ? `${objective.ref}: ${objective.title}` : ref;
}

function ServiceField({ plan, service, onChange }: { plan: PlanData; service?: string; onChange: (service: string | undefined) => void }) {
  const styles = useStyles();
  const services = useMemo(() => leadServicesOf(plan), [plan]);
  // A service in the address that no task has any more still shows (and can be cleared).
  const options = service && !services.some((s) => s.toLowerCase() === service.toLowerCase()) ? [service, ...services] : services;
  return (
    <Field label="Lead service">
      <Dropdown
        className={styles.control}
        placeholder={services.length ? 'All services' : 'No lead services in the plan'}
        disabled={options.length === 0}
        selectedOptions={service ? [service] : []}
        value={service ?? ''}
        onOptionSelect={(_, data) => onChange(data.optionValue || undefined)}
      >
        <Option value="">All services</Option>
        {options.map((s) => (
          <Option key={s} value={s}>
            {s}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}

function OwnerField({ plan, owner, onChange }: { plan: PlanData; owner?: string; onChange: (owner: string | undefined) => void }) {
  const styles = useStyles();
  const owners = useMemo(() => ownersOf(plan), [plan]);
  const selected = owners.find((o) => o.aadObjectId === owner);
  const [typed, setTyped] = useState<string | undefined>(undefined);
  const text = typed ?? selected?.displayName ?? '';
  const matches = useMemo(() => {
    const needle = (typed ?? '').trim().toLowerCase();
    return owners.filter((o) => !needle || o.displayName.toLowerCase().includes(needle) || o.email.toLowerCase().includes(needle));
  }, [owners, typed]);
  const shown = matches.slice(0, OWNER_OPTIONS_SHOWN);

  return (
    <Field label="Owner" hint={owners.length > OWNER_OPTIONS_SHOWN ? 'Type to find a name' : undefined}>
      <Combobox
        className={styles.control}
        input={{ className: styles.comboInput }}
        placeholder="Any owner"
        disabled={owners.length === 0}
        value={text}
        selectedOptions={owner ? [owner] : []}
        onChange={(e) => setTyped(e.target.value)}
        onOptionSelect={(_, data) => {
          setTyped(undefined);
          onChange(data.optionValue || undefined);
        }}
        onBlur={() => setTyped(undefined)}
      >
        <Option value="" text="Any owner">
          Any owner
        </Option>
        {shown.map((o) => (
          <Option key={o.aadObjectId} value={o.aadObjectId} text={o.displayName}>
            {o.displayName}
          </Option>
        ))}
        {matches.length > shown.length ? (
          <Option value="__more" text="" disabled>
            {`${matches.length - shown.length} more: type to narrow the list`}
          </Option>
        ) : null}
      </Combobox>
    </Field>
  );
}
