import type { Task, TaskComment } from '../../core/model';
import { formatInstant } from '../../core/plan/london-time';
import type { AdaptiveCardJson } from '../../core/ports/messenger';
import type { CommentCards } from '../../core/use-cases/comment-on-task';
import { CARD_SCHEMA, CARD_VERSION, cardText } from './card-text';
import { CardVerb } from './card-verbs';

/** "Comments (2)", or "Comments" when there are none yet. */
export function commentsTitle(count: number): string {
  return count > 0 ? `Comments (${count})` : 'Comments';
}

/** The button that opens a task's comment thread in place; its data is only the task's id. */
export function commentsAction(taskId: string, count: number): Record<string, unknown> {
  return { type: 'Action.Execute', title: commentsTitle(count), verb: CardVerb.openComments, data: { taskId }, associatedInputs: 'none' };
}

/** A comment as the cards show it: at most `max` characters, saying when it was shortened. */
export function shownComment(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}… (shortened here: the plan tab shows it in full)` : text;
}

/** The author and London time of a comment, then its words. */
export function commentItem(comment: TaskComment, max: number, separator = true): Record<string, unknown> {
  return {
    type: 'Container',
    separator,
    items: [
      { type: 'TextBlock', text: `${cardText(comment.author.displayName)}, ${formatInstant(comment.postedAt)}`, weight: 'Bolder', size: 'Small', wrap: true },
      { type: 'TextBlock', text: cardText(shownComment(comment.text, max)), wrap: true, spacing: 'Small' },
    ],
  };
}

/** To a task's other owners: someone commented on it, what they said, and a way to answer. */
export function commentedCard(task: Pick<Task, 'id' | 'ref' | 'title'>, comment: TaskComment, comments: TaskComment[]): AdaptiveCardJson {
  return {
    type: 'AdaptiveCard',
    $schema: CARD_SCHEMA,
    version: CARD_VERSION,
    body: [
      { type: 'TextBlock', text: `${cardText(comment.author.displayName)} commented on ${cardText(task.ref)}`, weight: 'Bolder', size: 'Medium', wrap: true },
      { type: 'TextBlock', text: cardText(task.title), wrap: true, isSubtle: true },
      commentItem(comment, 1_500, false),
      { type: 'TextBlock', isSubtle: true, wrap: true, text: 'You are told because you own this task. You can reply here or in the plan tab.' },
    ],
    actions: [
      { type: 'Action.Execute', title: `Reply (${comments.length} ${comments.length === 1 ? 'comment' : 'comments'})`, verb: CardVerb.openComments, data: { taskId: task.id } },
      { type: 'Action.Execute', title: 'My tasks', verb: CardVerb.showMyTasks, data: {} },
    ],
  };
}

/** Plain text for notifications: "Sam Okafor commented on 2.3: "The survey closes…"" */
export function commentedSummary(task: Pick<Task, 'ref'>, comment: TaskComment): string {
  const words = comment.text.replace(/\s+/g, ' ').trim();
  return `${comment.author.displayName} commented on ${task.ref}: "${words.length > 80 ? `${words.slice(0, 79)}…` : words}"`;
}

/** The bot's cards for the comment use case (core/use-cases/comment-on-task.ts). */
export const commentCards: CommentCards = {
  commented: (task, comment, comments) => ({ card: commentedCard(task, comment, comments), summary: commentedSummary(task, comment) }),
};
