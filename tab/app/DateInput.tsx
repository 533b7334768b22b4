import { Input, type InputProps } from '@fluentui/react-components';
import { forwardRef, useEffect, useState } from 'react';
import { formatUkDate, parseUkDate } from './uk-date';

/** Field hands its control an id and aria attributes (label, hint, problem): passed on to the input. */
export interface DateInputProps extends Omit<InputProps, 'value' | 'onChange' | 'type' | 'defaultValue'> {
  /** yyyy-mm-dd, "" for no date, or the text as typed while it is not a real date yet. */
  value: string;
  onChange: (value: string) => void;
}

/**
 * A date typed the UK way (31/03/2027, 31 Mar 2027; yyyy-mm-dd works too) and shown the UK way
 * in every browser. The value handed on is yyyy-mm-dd once the text is a real date, else the text
 * itself, so the form's own check ("Give a real date…") catches it and nothing typed is lost.
 */
export const DateInput = forwardRef<HTMLInputElement, DateInputProps>(function DateInput({ value, onChange, ...rest }, ref) {
  const [text, setText] = useState(() => formatUkDate(value));
  // A value set from outside (someone else's saved date, a form reset) replaces the text.
  useEffect(() => {
    setText((current) => (parseUkDate(current) === value || current === value ? current : formatUkDate(value)));
  }, [value]);
  return (
    <Input
      {...rest}
      ref={ref}
      type="text"
      autoComplete="off"
      value={text}
      onChange={(_, data) => {
        setText(data.value);
        onChange(parseUkDate(data.value) ?? data.value);
      }}
    />
  );
});
