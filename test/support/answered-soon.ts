// For tests that an answer does not wait for something that never comes (a hanging server): the answer,
// or 'still waiting' after 2 s.
export async function answeredSoon<T>(answer: T | Promise<T>): Promise<T | 'still waiting'> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'still waiting'>((resolve) => (timer = setTimeout(() => resolve('still waiting'), 2_000)));
  try {
    return await Promise.race([Promise.resolve(answer), late]);
  } finally {
    clearTimeout(timer);
  }
}
