// Notes keep both renderings, like Attio: a markdown note gets a plaintext twin with the
// syntax stripped, and a plaintext note's markdown twin escapes characters markdown would eat.

export function markdownToPlain(md: string): string {
  return md
    .replace(/```[a-z]*\n?([\s\S]*?)```/g, "$1")
    .replace(/^#{1,6}\s+/gm, "")
    .replace(/^[ \t]*[-*+][ \t]+/gm, "")
    .replace(/^[ \t]*>[ \t]?/gm, "")
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/(\*\*|__)(.*?)\1/g, "$2")
    .replace(/(\*|_)(.*?)\1/g, "$2")
    .replace(/`([^`]*)`/g, "$1");
}

export function plainToMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]#])/g, "\\$1");
}
