import type { Task, TaskComment } from '../../core/model';
import type { AdaptiveCardJson } from '../../core/ports/messenger';
import { COMMENT_MAX } from '../../core/use-cases/comment-on-task';
import { boxRoom, CARD_SCHEMA, CARD_VERSION, cardText, limitedLabel } from './card-text';
import { CardSymbol } from './card-symbols';
import { CardVerb } from './card-verbs';
import { commentItem } from './comment-cards';

/** The newest comments a thread card shows; the plan tab shows them all. */
export const THREAD_CARD_LIMIT = 10;
/** Each shown comment's length on the card, so ten long ones stay well inside Teams' card size. */
const SHOWN_CHARS = 2_000;

export interface CommentThreadView {
  task: Pick<Task, 'id' | 'ref' | 'title'>;
  /** The task's comments, oldest first. */
  comments: TaskComment[];
  /** A fresh key for this rendering: the same card posted twice adds one comment. */
  key: string;
  /** What was typed, when the card comes back with an error. */
  text?: string;
  error?: string;
  /** A line for the whole card, e.g. that the comment was posted. */
  notice?: string;
}

/** Data carried by "Post comment": only the task's id and this card's key (who posts comes from the activity). */
export interface PostCommentData {
  taskId: string;
  key: string;
}

/** A task's comments (the newest ten when there are more), then a box to add one. */
export function commentThreadCard(view: CommentThreadView): AdaptiveCardJson {
  const { task, comments } = view;
  const shown = comments.slice(-THREAD_CARD_LIMIT);
  const earlier = comments.length - shown.length;
  const data: PostCommentData = { taskId: task.id, key: view.key };
  return {
    type: 'AdaptiveCard',
    $schema: CARD_SCHEMA,
    version: CARD_VERSION,
    body: [
      { type: 'TextBlock', text: `Comments on ${cardText(task.ref)}`, weight: 'Bolder', size: 'Medium', wrap: true },
      { type: 'TextBlock', text: cardText(task.title), wrap: true, isSubtle: true },
      // Bold, not Teams' green text, which is 2.2:1 on white (WCAG asks 4.5:1); the tick and words say it went well.
      ...(view.notice ? [{ type: 'TextBlock', text: `${CardSymbol.done} ${cardText(view.notice)}`, wrap: true, weight: 'Bolder' }] : []),
      ...(comments.length === 0 ? [{ type: 'TextBlock', wrap: true, text: 'No comments yet. Start the conversation below: the task’s owners and EDI officers will see it.' }] : []),
      ...(earlier > 0 ? [{ type: 'TextBlock', wrap: true, isSubtle: true, text: `${earlier} earlier ${earlier === 1 ? 'comment is' : 'comments are'} not shown here. The plan tab shows them all.` }] : []),
      ...shown.map((c) => commentItem(c, SHOWN_CHARS)),
      {
        type: 'Input.Text',
        id: 'text',
        label: limitedLabel('Your comment', COMMENT_MAX),
        placeholder: 'Ask a question, share news or say what you need',
        isMultiline: true,
        // Room past the limit: the server judges the length and says so beside the box (card-text.ts).
        maxLength: boxRoom(COMMENT_MAX),
        isRequired: true,
        errorMessage: 'Write a comment first.',
        value: view.text ?? '',
        separator: true,
      },
      ...(view.error ? [{ type: 'TextBlock', text: `${CardSymbol.warning} ${cardText(view.error)}`, color: 'Attention', wrap: true, spacing: 'None' }] : []),
    ],
    actions: [
      { type: 'Action.Execute', title: 'Post comment', verb: CardVerb.postComment, data, style: 'positive' },
      { type: 'Action.Execute', title: 'My tasks', verb: CardVerb.showMyTasks, data: {}, associatedInputs: 'none' },
    ],
  };
}
