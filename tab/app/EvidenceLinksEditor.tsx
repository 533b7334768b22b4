import { Button, Link, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { AddRegular, DeleteRegular, OpenRegular } from '@fluentui/react-icons';
import { useRef, useState, type KeyboardEvent } from 'react';
import { TASK_FIELD_LIMITS as M } from '../../core/tasks/task-fields';
import { TextField, type FormBinding } from './form-controls';
import { newLinkProblems, type ProblemKey, type Problems } from './task-form-check';
import { FormGroup } from './TaskFormSections';
import { visuallyHidden } from './visually-hidden';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalM, overflowWrap: 'anywhere' },
  muted: { ...typographyStyles.body1, margin: 0, color: tokens.colorNeutralForeground3 },
  pair: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(12rem, 1fr))', gap: tokens.spacingHorizontalL, alignItems: 'start' },
  hidden: visuallyHidden,
});

/**
 * The task's evidence links: each listed with Remove, and a new one added from its address
 * (https only, checked as the server checks it) and a title. Saved with the rest of the form.
 */
export function EvidenceLinksEditor({ form }: { form: FormBinding }) {
  const styles = useStyles();
  const { values, set } = form;
  const [url, setUrl] = useState('');
  const [title, setTitle] = useState('');
  const [problems, setProblems] = useState<Problems>({});
  const [said, setSaid] = useState('');
  const urlInput = useRef<HTMLElement | null>(null);
  const titleInput = useRef<HTMLElement | null>(null);
  const links = values.evidenceLinks;

  const add = () => {
    const found = newLinkProblems(url, title);
    if (!found['newLink.url'] && links.some((l) => l.url === url.trim())) found['newLink.url'] = 'That link is already on the task.';
    if (!found['newLink.url'] && links.length >= M.evidenceLinks) found['newLink.url'] = `A task has at most ${M.evidenceLinks} evidence links.`;
    setProblems(found);
    if (found['newLink.url']) return urlInput.current?.focus();
    if (found['newLink.title']) return titleInput.current?.focus();
    set({ evidenceLinks: [...links, { url: url.trim(), title: title.trim() }] });
    setSaid(`Link added: ${title.trim()}. It is saved with the task when you press Save.`);
    setUrl('');
    setTitle('');
    urlInput.current?.focus();
  };
  const remove = (index: number) => {
    const gone = links[index];
    set({ evidenceLinks: links.filter((_, i) => i !== index) });
    setSaid(`Link removed: ${gone?.title ?? ''}.`);
    urlInput.current?.focus();
  };
  // Enter in the new link's boxes adds the link; it must not save the whole form.
  const onEnter = (event: KeyboardEvent) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    add();
  };
  const bind = (key: ProblemKey) => (element: HTMLElement | null) => {
    if (key === 'newLink.url') urlInput.current = element;
    if (key === 'newLink.title') titleInput.current = element;
    form.refFor(key)(element);
  };
  // The server's problem with the list (a link it refused) shows where links are typed.
  const local: FormBinding = { ...form, problems: { ...problems, 'newLink.url': problems['newLink.url'] ?? form.problems.evidenceLinks }, refFor: bind };

  return (
    <FormGroup legend="Evidence links">
      {links.length === 0 ? (
        <p className={styles.muted}>No evidence links yet.</p>
      ) : (
        <ul className={styles.list} aria-label="Evidence links on the task">
          {links.map((link, i) => (
            <li key={`${link.url}-${i}`} className={styles.item}>
              <Link href={link.url} target="_blank" rel="noopener noreferrer">
                {link.title} <OpenRegular aria-hidden />
                <span className={styles.hidden}> (opens in a new window)</span>
              </Link>
              <Button appearance="subtle" icon={<DeleteRegular />} aria-label={`Remove the link ${link.title}`} onClick={() => remove(i)}>
                Remove
              </Button>
            </li>
          ))}
        </ul>
      )}
      <div className={styles.pair} onKeyDown={onEnter}>
        <TextField form={local} problemKey="newLink.url" label="New link address" type="url" value={url} onChange={setUrl} hint="Starting https://, for example a SharePoint document" maxLength={M.url} />
        <TextField form={local} problemKey="newLink.title" label="New link title" value={title} onChange={setTitle} maxLength={M.shortText} />
      </div>
      <div>
        <Button icon={<AddRegular />} onClick={add}>
          Add link
        </Button>
      </div>
      <div className={styles.hidden} role="status" aria-live="polite">
        {said}
      </div>
    </FormGroup>
  );
}
