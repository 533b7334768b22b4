import { Badge, makeStyles, mergeClasses, tokens, type BadgeProps } from '@fluentui/react-components';
import {
  CheckmarkCircleFilled,
  CheckmarkStarburstFilled,
  CircleRegular,
  ErrorCircleFilled,
  WarningFilled,
  type FluentIcon,
} from '@fluentui/react-icons';
import type { Rag } from '../../core/model';

/**
 * Each RAG status has its own word, shape and colour, so it never depends on colour alone.
 * Fluent's tint badges use theme tokens that keep AA contrast in light, dark and high contrast.
 */
const RAG_LOOK: Record<Rag, { color: NonNullable<BadgeProps['color']>; Icon: FluentIcon }> = {
  'Not started': { color: 'informative', Icon: CircleRegular },
  Green: { color: 'success', Icon: CheckmarkCircleFilled },
  Amber: { color: 'warning', Icon: WarningFilled },
  Red: { color: 'danger', Icon: ErrorCircleFilled },
  Complete: { color: 'brand', Icon: CheckmarkStarburstFilled },
};

const useIconColours = makeStyles({
  'Not started': { color: tokens.colorNeutralForeground3 },
  Green: { color: tokens.colorStatusSuccessForeground1 },
  Amber: { color: tokens.colorStatusWarningForeground1 },
  Red: { color: tokens.colorStatusDangerForeground1 },
  Complete: { color: tokens.colorBrandForeground1 },
});

/** The status's shape on its own, for places where the word is printed next to it. */
export function RagIcon({ rag, className }: { rag: Rag; className?: string }) {
  const colours = useIconColours();
  const { Icon } = RAG_LOOK[rag];
  return <Icon aria-hidden className={mergeClasses(colours[rag], className)} />;
}

// Fluent's badge has a fixed height; in a narrow RAG column "Not started" wraps and must grow with it.
const useBadgeStyles = makeStyles({
  badge: { height: 'auto', minHeight: '24px', paddingTop: '2px', paddingBottom: '2px', textAlign: 'start' },
});

export function RagBadge({ rag }: { rag: Rag }) {
  const { color, Icon } = RAG_LOOK[rag];
  const styles = useBadgeStyles();
  return (
    <Badge className={styles.badge} appearance="tint" color={color} size="large" shape="rounded" icon={<Icon aria-hidden />} data-rag={rag}>
      {rag}
    </Badge>
  );
}
