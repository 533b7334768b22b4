import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useState } from 'react';
import { ApiError, apiDownload } from './api-client';

export interface DownloadOutcome {
  ok: boolean;
  text: string;
}

/**
 * A file from the tab API saved by the browser, saying what happened: the name it was saved as, or
 * why not in words. `busy`: the key of the download under way (its button says "Preparing…").
 */
export function useDownload() {
  const [busy, setBusy] = useState<string>();
  const [result, setResult] = useState<DownloadOutcome>();
  const download = async (file: { key: string; path: string; fallbackName: string; what: string }) => {
    setBusy(file.key);
    setResult(undefined);
    try {
      const name = await apiDownload(file.path, file.fallbackName);
      setResult({ ok: true, text: `Downloaded ${name}.` });
    } catch (error) {
      setResult({ ok: false, text: error instanceof ApiError ? `${file.what} could not be made: ${error.message}` : `${file.what} could not be downloaded. Please try again.` });
    } finally {
      setBusy(undefined);
    }
  };
  return { busy, result, download };
}

/** A download's outcome: success in a polite live region (always in the page, so it is announced), a failure as an alert. */
export function DownloadResult({ result, className }: { result: DownloadOutcome | undefined; className?: string }) {
  return (
    <>
      <div role="status" aria-live="polite" className={className}>
        {result?.ok && (
          <MessageBar intent="success">
            <MessageBarBody>{result.text}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      {result && !result.ok && (
        <div role="alert">
          <MessageBar intent="error">
            <MessageBarBody>{result.text}</MessageBarBody>
          </MessageBar>
        </div>
      )}
    </>
  );
}
