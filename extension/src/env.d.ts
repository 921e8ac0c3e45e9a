/** Vite imports a file's text with `?raw` (fixtures in tests, the sidebar's stylesheet). */
declare module '*?raw' {
  const text: string;
  export { text as default };
}
