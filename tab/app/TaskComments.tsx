import { Button, Field, MessageBar, MessageBarBody, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { SendRegular } from '@fluentui/react-icons';
import { useRef, useState, type FormEvent } from 'react';
import { ApiError } from './api-client';
import type { CommentItem } from './api-types';
import { formatInstantAsDateTime } from './format';
import { historyList } from './history-styles';
import { detailFields } from './shared-styles';
import { postComment } from './task-edit-api';
import { TASK_FIELD_LIMITS } from '../../core/tasks/task-fields';

const COMMENT_MAX = TASK_FIELD_LIMITS.comment;

const useStyles = makeStyles({
  ...historyList,
  section: detailFields.section,
  heading: detailFields.heading,
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, alignItems: 'stretch' },
  actions: { display: 'flex' },
});

export interface TaskCommentsProps {
  taskId: string;
  comments: CommentItem[];
  /** Officers, the task's owners and its accountable officer may post. */
  canComment: boolean;
  onCommentsChanged: (comments: CommentItem[]) => void;
}

/** The task's comment thread, oldest first, and (for those who take part) a box to add to it. */
export function TaskComments({ taskId, comments, canComment, onCommentsChanged }: TaskCommentsProps) {
  const styles = useStyles();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string>();
  const [said, setSaid] = useState<string>();
  const [busy, setBusy] = useState(false);
  const box = useRef<HTMLTextAreaElement>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaid(undefined);
    const clean = text.trim();
    const local = !clean ? 'Write a comment first.' : clean.length > COMMENT_MAX ? `A comment is at most ${COMMENT_MAX.toLocaleString('en-GB')} characters.` : undefined;
    setProblem(local);
    if (local) return box.current?.focus();
    setBusy(true);
    try {
      onCommentsChanged(await postComment(taskId, clean));
      setText('');
      setSaid('Comment posted.');
    } catch (error) {
      setProblem(error instanceof ApiError ? (error.fieldErrors.text ?? error.message) : 'The comment could not be posted. Check your connection and try again.');
      box.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className={styles.section} aria-labelledby="task-comments-heading">
      <h3 id="task-comments-heading" className={styles.heading}>
        Comments ({comments.length})
      </h3>
      {comments.length === 0 ? (
        <p className={styles.muted}>No comments yet.</p>
      ) : (
        <ol className={styles.list}>
          {comments.map((c) => (
            <li key={c.id} className={styles.item} data-comment="">
              <span className={styles.meta}>
                {c.author.displayName}, <time dateTime={c.postedAt}>{formatInstantAsDateTime(c.postedAt)}</time>
              </span>
              <p className={styles.text}>{c.text}</p>
            </li>
          ))}
        </ol>
      )}
      {canComment && (
        <form className={styles.form} onSubmit={submit} noValidate aria-label="Add a comment">
          <Field label="Your comment" hint="The task's owners are told in Teams" validationMessage={problem}>
            <Textarea ref={box} value={text} resize="vertical" maxLength={COMMENT_MAX} onChange={(_, data) => setText(data.value)} />
          </Field>
          <div className={styles.actions}>
            <Button type="submit" icon={<SendRegular />} disabled={busy} disabledFocusable={busy}>
              {busy ? 'Posting…' : 'Post comment'}
            </Button>
          </div>
        </form>
      )}
      <div role="status" aria-live="polite">
        {said && (
          <MessageBar intent="success">
            <MessageBarBody>{said}</MessageBarBody>
          </MessageBar>
        )}
      </div>
    </section>
  );
}
