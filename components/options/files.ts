/** Text files in and out of the options page, without any server or permission. */

/** Reads a file as UTF-8 text; null when it is larger than `maxBytes` or cannot be read. */
export async function readFileText(file: File, maxBytes: number): Promise<string | null> {
  if (file.size > maxBytes) return null;
  try {
    return await file.text();
  } catch {
    return null;
  }
}

/** Saves text as a download through a Blob URL (no `downloads` permission needed). */
export function downloadText(filename: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
