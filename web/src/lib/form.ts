import type { FormEvent } from 'react';

/** The fields of a submitted form as strings, for putting into the URL. */
export function formValues(event: FormEvent<HTMLFormElement>): Record<string, string> {
  event.preventDefault();
  const values: Record<string, string> = {};
  new FormData(event.currentTarget).forEach((value, key) => {
    if (typeof value === 'string') values[key] = value;
  });
  return values;
}
