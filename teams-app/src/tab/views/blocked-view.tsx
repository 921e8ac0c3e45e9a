/** A page that says why the tab cannot show anything and who can fix it. */
export function BlockedView({ title, message, hint }: { title: string; message: string; hint?: string }) {
  return (
    <main class="center-page">
      <div class="blocked" role="alert" data-blocked>
        <h1>{title}</h1>
        <p>{message}</p>
        {hint && <p class="muted">{hint}</p>}
      </div>
    </main>
  );
}
