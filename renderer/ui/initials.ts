/** Up to two capital letters for the avatar: "Ada Lovelace" → "AL", "admin@example.com" → "AD". */
export function initialsOf(displayName: string | null, email: string): string {
  const [first, second] = (displayName ?? '').trim().split(/\s+/).filter(Boolean);
  if (first && second) return (first.charAt(0) + second.charAt(0)).toUpperCase();
  const letters = (first ?? email).replace(/[^\p{L}\p{N}]/gu, '');
  return letters.slice(0, 2).toUpperCase() || '?';
}
