/** Saves text or bytes (the evidence archive) as a file through the browser (nothing leaves the machine). */
export function downloadText(name: string, text: string | Uint8Array<ArrayBuffer>, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  URL.revokeObjectURL(url);
}
