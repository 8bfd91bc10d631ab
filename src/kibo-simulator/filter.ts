// The subset of Kibo's `filter` query syntax the simulator understands:
//   field eq 'text' [and field ne 123 ...]
// String literals are single-quoted; a quote inside is doubled (`'O''Brien'`), as in OData.
// Anything else is refused, so a client that builds a malformed filter finds out here.

export type FilterValue = string | number | boolean | null

export interface FilterClause {
  field: string
  op: 'eq' | 'ne'
  value: FilterValue
}

export class FilterSyntaxError extends Error {
  constructor (message: string) {
    super(message)
    this.name = 'FilterSyntaxError'
  }
}

type Token = { kind: 'word'; text: string } | { kind: 'string'; text: string }

function tokenize (input: string): Token[] {
  const tokens: Token[] = []
  let i = 0
  while (i < input.length) {
    const ch = input[i]
    if (ch === ' ' || ch === '\t') {
      i++
      continue
    }
    if (ch === "'") {
      let text = ''
      i++
      for (;;) {
        if (i >= input.length) throw new FilterSyntaxError('Unterminated string literal in filter')
        if (input[i] === "'") {
          if (input[i + 1] === "'") {
            text += "'"
            i += 2
            continue
          }
          i++
          break
        }
        text += input[i]
        i++
      }
      tokens.push({ kind: 'string', text })
      continue
    }
    let word = ''
    while (i < input.length && input[i] !== ' ' && input[i] !== '\t' && input[i] !== "'") {
      word += input[i]
      i++
    }
    tokens.push({ kind: 'word', text: word })
  }
  return tokens
}

/** Parses `a eq 'x' and b ne 2` into clauses; throws FilterSyntaxError on anything else. */
export function parseFilter (input: string): FilterClause[] {
  const tokens = tokenize(input)
  if (tokens.length === 0) throw new FilterSyntaxError('Empty filter')
  const clauses: FilterClause[] = []
  let i = 0
  for (;;) {
    const field = tokens[i]
    const op = tokens[i + 1]
    const value = tokens[i + 2]
    if (field?.kind !== 'word' || !/^[A-Za-z][A-Za-z0-9.]*$/.test(field.text)) {
      throw new FilterSyntaxError(`Expected a field name at position ${i + 1} of the filter`)
    }
    if (op?.kind !== 'word' || (op.text !== 'eq' && op.text !== 'ne')) {
      throw new FilterSyntaxError(`Unsupported operator after ${field.text}`)
    }
    if (value === undefined) throw new FilterSyntaxError(`Missing value after ${field.text} ${op.text}`)
    let parsed: FilterValue
    if (value.kind === 'string') parsed = value.text
    else if (value.text === 'true' || value.text === 'false') parsed = value.text === 'true'
    else if (value.text === 'null') parsed = null
    else if (/^-?[0-9]+(\.[0-9]+)?$/.test(value.text)) parsed = Number(value.text)
    else throw new FilterSyntaxError(`Invalid value "${value.text}" (strings must be single-quoted)`)
    clauses.push({ field: field.text, op: op.text, value: parsed })
    i += 3
    if (i === tokens.length) return clauses
    const joiner = tokens[i]
    if (joiner.kind !== 'word' || joiner.text !== 'and') {
      throw new FilterSyntaxError('Only "and" may join filter clauses')
    }
    i++
  }
}

function readPath (object: unknown, path: string): unknown {
  let current: unknown = object
  for (const part of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined
    current = (current as Record<string, unknown>)[part]
  }
  return current
}

export function matchesFilter (order: unknown, clauses: FilterClause[]): boolean {
  return clauses.every((clause) => {
    const actual = readPath(order, clause.field) ?? null
    const equal =
      actual === clause.value || (typeof actual === 'number' && typeof clause.value === 'string' && String(actual) === clause.value)
    return clause.op === 'eq' ? equal : !equal
  })
}
