import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { ArrowClockwiseRegular } from '@fluentui/react-icons';

/** Why something is missing, and a way to try again. Announced as an alert when it appears. */
export function LoadError({ message, onRetry, title = 'The plan could not be loaded.' }: { message: string; onRetry: () => void; title?: string }) {
  return (
    <div role="alert">
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{title}</MessageBarTitle> {message}
        </MessageBarBody>
        <MessageBarActions>
          <Button appearance="primary" icon={<ArrowClockwiseRegular />} onClick={onRetry}>
            Retry
          </Button>
        </MessageBarActions>
      </MessageBar>
    </div>
  );
}
