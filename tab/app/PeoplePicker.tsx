import {
  Field,
  Tag,
  TagPicker,
  TagPickerControl,
  TagPickerGroup,
  TagPickerInput,
  TagPickerList,
  TagPickerOption,
  type TagPickerProps,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { ApiError } from './api-client';
import type { DirectoryPerson } from './api-types';
import { searchPeople } from './task-edit-api';

/** Not a person: the list's message when there is nothing to pick. */
const NOTHING = '__nothing';
const SEARCH_DELAY_MS = 250;

type Search = { kind: 'idle' } | { kind: 'searching' } | { kind: 'found'; people: DirectoryPerson[] } | { kind: 'failed'; message: string };

/** Searches the directory as the officer types (after a pause; each new search cancels the last). */
function useDirectorySearch(query: string): Search {
  const [search, setSearch] = useState<Search>({ kind: 'idle' });
  useEffect(() => {
    const q = query.trim();
    if (!q) {
      setSearch({ kind: 'idle' });
      return;
    }
    setSearch({ kind: 'searching' });
    const controller = new AbortController();
    const timer = setTimeout(() => {
      searchPeople(q, controller.signal).then(
        (people) => setSearch({ kind: 'found', people }),
        (error: unknown) => {
          if (!controller.signal.aborted) setSearch({ kind: 'failed', message: error instanceof ApiError ? error.message : 'The directory could not be searched. Please try again.' });
        },
      );
    }, SEARCH_DELAY_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query]);
  return search;
}

function listMessage(search: Search, query: string): string {
  if (search.kind === 'searching') return 'Searching the directory…';
  if (search.kind === 'failed') return search.message;
  if (search.kind === 'found') return `No one else in the directory matches "${query.trim()}".`;
  return 'Type a name or email address to search the directory.';
}

export interface PeoplePickerProps {
  label: string;
  /** Owners: several people; the accountable officer: one (picking another replaces them). */
  multiple: boolean;
  value: DirectoryPerson[];
  onChange: (people: DirectoryPerson[]) => void;
  validationMessage?: string;
  hint?: string;
  inputRef?: (element: HTMLElement | null) => void;
}

/**
 * People chosen from the organisation's directory (`/api/people`): type to search, arrow keys and
 * Enter to pick; each person chosen is a tag, removed with Delete or Backspace.
 */
export function PeoplePicker({ label, multiple, value, onChange, validationMessage, hint, inputRef }: PeoplePickerProps) {
  const [query, setQuery] = useState('');
  const search = useDirectorySearch(query);
  const chosen = value.map((p) => p.aadObjectId);
  const options = search.kind === 'found' ? search.people.filter((p) => !chosen.includes(p.aadObjectId)) : [];

  const onOptionSelect: TagPickerProps['onOptionSelect'] = (_, data) => {
    if (data.value === NOTHING) return;
    const byId = new Map([...value, ...options].map((p) => [p.aadObjectId, p]));
    let next = data.selectedOptions.map((id) => byId.get(id)).filter((p): p is DirectoryPerson => p !== undefined);
    if (!multiple && next.length > 1) next = next.filter((p) => p.aadObjectId === data.value);
    onChange(next);
    setQuery('');
  };

  return (
    <Field label={label} validationMessage={validationMessage} hint={hint ?? (multiple ? 'Type a name to search the directory. Delete removes a person chosen.' : 'One person. Type a name to search the directory.')}>
      <TagPicker onOptionSelect={onOptionSelect} selectedOptions={chosen}>
        <TagPickerControl>
          <TagPickerGroup aria-label={`${label} chosen`}>
            {value.map((p) => (
              <Tag key={p.aadObjectId} value={p.aadObjectId} shape="rounded">
                {p.displayName}
              </Tag>
            ))}
          </TagPickerGroup>
          <TagPickerInput ref={inputRef} value={query} onChange={(e) => setQuery(e.target.value)} />
        </TagPickerControl>
        <TagPickerList>
          {options.length > 0 ? (
            options.map((p) => (
              <TagPickerOption key={p.aadObjectId} value={p.aadObjectId} text={p.displayName} secondaryContent={p.email}>
                {p.displayName}
              </TagPickerOption>
            ))
          ) : (
            <TagPickerOption value={NOTHING} text="">
              {listMessage(search, query)}
            </TagPickerOption>
          )}
        </TagPickerList>
      </TagPicker>
    </Field>
  );
}
