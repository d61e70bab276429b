/**
 * For a page someone's roles do not allow, when the server offers nothing to ask first (the
 * permissions come from the server's session answer; every change would be refused by the API).
 */
export function NotAllowed({ text }: { text: string }) {
  return (
    <div className="notice notice-error" role="alert">
      <p>{text}</p>
    </div>
  );
}
