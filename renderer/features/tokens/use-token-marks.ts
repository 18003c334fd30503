import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useTokenModel, useTokenModelActions } from '../../stores/stores-context.tsx';

/**
 * What the token model holds for one row (whether its value shows, busy mark, Test result, a rotation
 * under way), in one subscription — a search keystroke mounts every row in view. A revealed value is
 * masked again when its row leaves the screen (unmounted, or its slot shows another token). The value
 * itself is read only by `RevealedValue`, mounted while it shows: React keeps a component's previous
 * render (props and hook state), so a row that held the value would keep it after the mask.
 */
export function useTokenMarks(accountId: string | null, id: string) {
  const marks = useTokenModel(
    useShallow((s) => {
      const mine = accountId === null ? undefined : s.marks[accountId];
      return { shown: mine?.revealed[id] !== undefined, busy: mine?.busy[id], tested: mine?.tested[id], rotating: s.rotation !== null };
    }),
  );
  const { watch } = useTokenModelActions();
  useEffect(() => (accountId === null ? undefined : watch(accountId, id)), [accountId, id, watch]);
  return marks;
}
