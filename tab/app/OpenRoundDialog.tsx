import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState, type FormEvent } from 'react';
import type { RoundScope } from '../../core/model';
import { isCalendarDate } from '../../core/tasks/task-fields';
import { ApiError } from './api-client';
import type { RoundStatusView } from './api-types';
import { DateInput } from './DateInput';
import { DATE_HINT } from './form-controls';
import { openRound } from './rounds-api';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

type ScopeKind = RoundScope['kind'];

export interface OpenRoundDialogProps {
  open: boolean;
  onClose: () => void;
  onOpened: (status: RoundStatusView) => void;
  /** Starting values (a round suggested for a statutory date): filled in each time the dialog opens; without them, what was typed stays. */
  initial?: { name: string; dueDate: string };
}

function refsFrom(text: string): string[] {
  return text.split(/[\s,;]+/).map((r) => r.trim()).filter(Boolean);
}

/**
 * The form to open an update round. Problems come back from the server in plain words, shown
 * against their fields; nothing typed is lost.
 */
export function OpenRoundDialog({ open, onClose, onOpened, initial }: OpenRoundDialogProps) {
  const styles = useStyles();
  const [name, setName] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [scopeKind, setScopeKind] = useState<ScopeKind>('all-open');
  const [refs, setRefs] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!open || !initial) return;
    setName(initial.name);
    setDueDate(initial.dueDate);
    setScopeKind('all-open');
    setErrors({});
    setProblem(undefined);
  }, [open, initial?.name, initial?.dueDate]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const local: Record<string, string> = {};
    if (!name.trim()) local.name = 'Give the round a name, for example "Board report March 2026".';
    if (!dueDate) local.dueDate = 'Choose the date updates are due.';
    else if (!isCalendarDate(dueDate)) local.dueDate = 'Give a real date, for example 31/03/2027.';
    if (scopeKind !== 'all-open' && refsFrom(refs).length === 0) local.scope = scopeKind === 'objectives' ? 'List at least one objective ref, for example 1, 2.' : 'List at least one task ref, for example 1.1.2.';
    setErrors(local);
    setProblem(undefined);
    if (Object.keys(local).length > 0) return;
    const scope: RoundScope = scopeKind === 'all-open' ? { kind: 'all-open' } : { kind: scopeKind, refs: refsFrom(refs) };
    setBusy(true);
    try {
      const status = await openRound({ name: name.trim(), dueDate, scope });
      setName('');
      setDueDate('');
      setScopeKind('all-open');
      setRefs('');
      onOpened(status);
    } catch (error) {
      if (error instanceof ApiError) {
        const fieldErrors: Record<string, string> = {};
        for (const [field, message] of Object.entries(error.fieldErrors)) fieldErrors[field.startsWith('scope') || field === 'refs' ? 'scope' : field] = message;
        setErrors(fieldErrors);
        // A message not tied to a field shown above the form (a round already open, no permission…).
        if (Object.keys(fieldErrors).length === 0) setProblem(error.message);
      } else {
        setProblem('The round could not be opened. Please try again.');
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open={open} onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface>
        <form onSubmit={submit} noValidate>
          <DialogBody>
            <DialogTitle>Open an update round</DialogTitle>
            <DialogContent className={styles.form}>
              <p>Every owner of an open task in scope is asked for an update, and chased before the due date until they answer.</p>
              {problem && (
                <MessageBar intent="error" role="alert">
                  <MessageBarBody>{problem}</MessageBarBody>
                </MessageBar>
              )}
              <Field label="Name" required validationMessage={errors.name} hint='For example "Board report March 2026"'>
                <Input value={name} maxLength={255} onChange={(_, data) => setName(data.value)} />
              </Field>
              <Field label="Updates due by" required validationMessage={errors.dueDate} hint={DATE_HINT}>
                <DateInput value={dueDate} onChange={setDueDate} />
              </Field>
              <Field label="Which tasks" validationMessage={errors.scope}>
                <RadioGroup value={scopeKind} onChange={(_, data) => setScopeKind(data.value as ScopeKind)}>
                  <Radio value="all-open" label="All open tasks" />
                  <Radio value="objectives" label="The open tasks of some objectives" />
                  <Radio value="tasks" label="Some tasks" />
                </RadioGroup>
              </Field>
              {scopeKind !== 'all-open' && (
                <Field label={scopeKind === 'objectives' ? 'Objective refs' : 'Task refs'} hint="Separate refs with commas" required>
                  <Input value={refs} onChange={(_, data) => setRefs(data.value)} />
                </Field>
              )}
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" type="submit" disabled={busy}>
                {busy ? 'Opening…' : 'Open round'}
              </Button>
              <Button appearance="secondary" onClick={onClose}>
                Cancel
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
