// Vite's `?raw` imports (https://vite.dev/guide/assets#importing-asset-as-string): a file's text.
declare module "*?raw" {
  const text: string;
  export default text;
}
