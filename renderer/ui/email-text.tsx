/**
 * An email (or other server word) in a narrow cell: it may wrap after its "@" rather than anywhere,
 * and sits in `<bdi>` so it never reorders a right-to-left row.
 */
export function EmailText({ email, className }: { email: string; className?: string }) {
  const at = email.lastIndexOf('@');
  if (at <= 0) return <bdi className={className}>{email}</bdi>;
  return (
    <bdi className={className}>
      {email.slice(0, at + 1)}
      <wbr />
      {email.slice(at + 1)}
    </bdi>
  );
}
