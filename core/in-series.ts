/**
 * A line of async tasks run one after another, each once the one before has settled. For the
 * read-change-write jobs that two overlapping calls would break (the content-script registration,
 * the resume alarm, a menu entry, the draft list). A task's failure is its caller's; the line goes on.
 */
export function inSeries(): <T>(task: () => Promise<T>) => Promise<T> {
  let last: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const run = last.then(task, task);
    last = run.catch(() => undefined);
    return run;
  };
}
