import { useState } from 'preact/hooks';

/**
 * Outside Teams: sign in with a personal access token (`pnpm rapport token create --user you@company.com`,
 * or one the hub printed at its first start). The token stays in this browser until Sign out.
 */
export function SignInView({ message, onToken }: { message: string | null; onToken(token: string): void }) {
  const [token, setToken] = useState('');
  return (
    <main class="center-page">
      <form
        class="sign-in"
        onSubmit={(e) => {
          e.preventDefault();
          if (token.trim()) onToken(token.trim());
        }}
      >
        <h1>Rapport</h1>
        <p>Your team's pipeline, forecast and customers. In Microsoft Teams you are signed in with your Microsoft account; here, paste a personal access token.</p>
        <label>
          <span>Personal access token</span>
          <input name="token" type="password" autocomplete="off" placeholder="rpt_…" value={token} onInput={(e) => setToken((e.currentTarget as HTMLInputElement).value)} />
        </label>
        {message && (
          <p class="note error" role="alert">
            {message}
          </p>
        )}
        <button type="submit" class="primary">
          Sign in
        </button>
        <p class="muted small">
          Create one with <code>pnpm rapport token create --user you@company.com</code>.
        </p>
      </form>
    </main>
  );
}
