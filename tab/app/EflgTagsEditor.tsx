import { Button, Field, Select, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { AddRegular, DeleteRegular } from '@fluentui/react-icons';
import { useRef, useState } from 'react';
import { EFLG_TAGS_MAX } from '../../core/eflg/eflg-tags';
import { EFLG_FRAMEWORK, eflgModule, eflgTagTitle } from '../../core/eflg/framework';
import { EFLG_LEVELS, type EflgLevel, type EflgModule, type EflgTag } from '../../core/model';
import type { FormBinding } from './form-controls';
import { FormGroup } from './TaskFormSections';
import { visuallyHidden } from './visually-hidden';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalM, overflowWrap: 'anywhere', ...typographyStyles.body1 },
  muted: { ...typographyStyles.body1, margin: 0, color: tokens.colorNeutralForeground2 },
  // One select a line: criterion titles are long, and a native select is as wide as its longest option.
  row: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  hidden: visuallyHidden,
});

/** The criterion select's value for a tag naming only its module. */
const WHOLE_MODULE = '';
const sameTarget = (a: EflgTag, b: EflgTag) => a.module === b.module && (a.criterion ?? WHOLE_MODULE) === (b.criterion ?? WHOLE_MODULE);

/**
 * The task's Equality Framework tags (core/eflg/framework.ts): each listed with Remove, and one
 * added from three native selects (module, a criterion of that module or the module as a whole,
 * and the level), so only tags the server accepts can be made. Tagging a criterion already tagged
 * changes its level. Saved with the rest of the form.
 */
export function EflgTagsEditor({ form }: { form: FormBinding }) {
  const styles = useStyles();
  const { values, set, problems, refFor } = form;
  const tags = values.eflg;
  const [module, setModule] = useState<EflgModule>(1);
  const [criterion, setCriterion] = useState<string>(eflgModule(1).criteria[0]!.id);
  const [level, setLevel] = useState<EflgLevel>('Developing');
  const [problem, setProblem] = useState<string>();
  const [said, setSaid] = useState('');
  const moduleSelect = useRef<HTMLSelectElement | null>(null);

  const add = () => {
    const tag: EflgTag = { module, ...(criterion !== WHOLE_MODULE && { criterion }), level };
    const existing = tags.findIndex((t) => sameTarget(t, tag));
    if (existing < 0 && tags.length >= EFLG_TAGS_MAX) {
      setProblem(`A task has at most ${EFLG_TAGS_MAX} Equality Framework tags.`);
      return moduleSelect.current?.focus();
    }
    setProblem(undefined);
    set({ eflg: existing < 0 ? [...tags, tag] : tags.map((t, i) => (i === existing ? tag : t)) });
    setSaid(`${existing < 0 ? 'Tag added' : 'Level changed'}: ${eflgTagTitle(tag)}, ${level}. It is saved with the task when you press Save.`);
  };
  const remove = (index: number) => {
    const gone = tags[index];
    set({ eflg: tags.filter((_, i) => i !== index) });
    setSaid(gone ? `Tag removed: ${eflgTagTitle(gone)}.` : '');
    moduleSelect.current?.focus();
  };
  const bindModule = (element: HTMLSelectElement | null) => {
    moduleSelect.current = element;
    refFor('eflg')(element);
  };

  return (
    <FormGroup legend="Equality Framework">
      {tags.length === 0 ? (
        <p className={styles.muted}>Not tagged to the LGA Equality Framework yet.</p>
      ) : (
        <ul className={styles.list} aria-label="Equality Framework tags on the task">
          {tags.map((t, i) => (
            <li key={`${t.module}-${t.criterion ?? ''}`} className={styles.item} data-eflg-tag={t.criterion ?? `module ${t.module}`}>
              <span>
                {eflgTagTitle(t)}: <strong>{t.level}</strong>
              </span>
              <Button appearance="subtle" icon={<DeleteRegular />} aria-label={`Remove the tag ${eflgTagTitle(t)}`} onClick={() => remove(i)}>
                Remove
              </Button>
            </li>
          ))}
        </ul>
      )}
      <div className={styles.row}>
        <Field label="Module" validationMessage={problem ?? problems.eflg}>
          <Select
            ref={bindModule}
            value={String(module)}
            onChange={(_, data) => {
              const next = Number(data.value) as EflgModule;
              setModule(next);
              setCriterion(eflgModule(next).criteria[0]!.id);
            }}
          >
            {EFLG_FRAMEWORK.map((m) => (
              <option key={m.number} value={m.number}>
                {m.number}: {m.title}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Criterion">
          <Select value={criterion} onChange={(_, data) => setCriterion(data.value)}>
            {eflgModule(module).criteria.map((c) => (
              <option key={c.id} value={c.id}>
                {c.id} {c.title}
              </option>
            ))}
            <option value={WHOLE_MODULE}>The module as a whole</option>
          </Select>
        </Field>
        <Field label="Level the task evidences">
          <Select value={level} onChange={(_, data) => setLevel(data.value as EflgLevel)}>
            {EFLG_LEVELS.map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <div>
        <Button icon={<AddRegular />} onClick={add}>
          Add tag
        </Button>
      </div>
      <div className={styles.hidden} role="status" aria-live="polite">
        {said}
      </div>
    </FormGroup>
  );
}
