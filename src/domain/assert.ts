/** Exhaustiveness guard for `switch` over string unions. */
export function assertNever(value: never, what = 'värde'): never {
  throw new Error(`Okänt ${what}: ${JSON.stringify(value)}`);
}
