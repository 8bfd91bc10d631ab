/** Formats a validation issue path the way our problem responses show it: `data.items[0].unitPrice`. */
export function formatIssuePath (path: readonly PropertyKey[]): string {
  let out = ''
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`
    else if (typeof segment === 'symbol') out += `[${String(segment)}]`
    else if (/^[A-Za-z_$][\w$]*$/.test(segment)) out += out === '' ? segment : `.${segment}`
    else out += `[${JSON.stringify(segment)}]`
  }
  return out === '' ? '(body)' : out
}
