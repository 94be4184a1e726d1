/** The XLSX media type, for `accept` lists and uploads. */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** What an import accepts: CSV (UTF-8, Windows-874 or UTF-16) or XLSX, by extension and type. */
export const TABLE_FILES = `.csv,.xlsx,text/csv,${XLSX_TYPE}`;

/**
 * A table file as the raw request body, the way every import endpoint takes it (the server reads
 * the bytes and tells CSV from XLSX by the type): spread into an `api.POST` call's options, e.g.
 * `unwrap(api.POST('/api/registry/imports', { params: { query: { kind, fileName: file.name } }, ...tableUpload(file) }))`,
 * so the answer is typed and a refusal becomes an ApiProblem like any other call's.
 */
export function tableUpload(file: File) {
  return {
    // The OpenAPI document describes these endpoints' body in words only (it is a file, not JSON).
    body: file as never,
    bodySerializer: (body: unknown) => body as Blob,
    headers: { 'content-type': file.name.toLowerCase().endsWith('.xlsx') ? XLSX_TYPE : 'text/csv' },
  };
}
