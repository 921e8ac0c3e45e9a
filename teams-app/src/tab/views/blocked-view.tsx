/** A page that says why the tab cannot show anything and who can fix it. */
export function BlockedView({ title, message, hint, command }: { title: string; message: string; hint?: string; command?: string }) {
  return (
    <main class="center-page">
      <div class="blocked" role="alert" data-blocked>
        <h1>{title}</h1>
        <p>{message}</p>
        {hint && <p class="muted">{hint}</p>}
        {command && (
          <pre class="command">
            <code>{command}</code>
          </pre>
        )}
      </div>
    </main>
  );
}
