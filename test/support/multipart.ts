/** A multipart/form-data body as a browser would send it, for app.inject. Fields go first, then the file. */
export async function multipartBody(
  fields: [string, string][],
  file?: { name: string; type: string; body: Buffer },
): Promise<{ payload: Buffer; headers: Record<string, string> }> {
  const form = new FormData();
  for (const [name, value] of fields) form.append(name, value);
  if (file) form.append('file', new Blob([new Uint8Array(file.body)], { type: file.type }), file.name);
  const request = new Request('http://tillit.test/', { method: 'POST', body: form });
  return {
    payload: Buffer.from(await request.arrayBuffer()),
    headers: { 'content-type': request.headers.get('content-type') ?? '' },
  };
}
