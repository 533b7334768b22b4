import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { ArrowClockwiseRegular } from '@fluentui/react-icons';
import type { ReactNode } from 'react';

/** Why something is missing, and a way to try again (`children`: other ways on, after the message). Announced as an alert when it appears. */
export function LoadError({ message, onRetry, title = 'The plan could not be loaded.', children }: { message: string; onRetry: () => void; title?: string; children?: ReactNode }) {
  return (
    <div role="alert">
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{title}</MessageBarTitle> {message}
          {children}
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
