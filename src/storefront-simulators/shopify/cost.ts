// The requested cost of a GraphQL Admin API query, computed before execution as Shopify computes
// it (shopify.dev/docs/apps/build/apis/graphql-admin/rate-limits, "Cost calculation"):
//   - a field returning a scalar or an enum costs 0, an object 1 (plus what is selected in it);
//   - an interface or union costs the most expensive of its possible selections;
//   - a connection costs 2 + first (or last) × the cost of one node's selection (the node object
//     itself 1); pageInfo and the edge wrapper are free; nested connections multiply;
//   - a list of objects sized by a `first` argument (Order.transactions, LineItem.taxLines) is
//     priced like a connection (2 + first × one element); a list without one like one object.
// "A single query to the API cannot exceed a cost of 1,000 points", checked on this requested cost
// before anything runs: over it Shopify answers MAX_COST_EXCEEDED (maxCostExceeded below).
// The connector's tests use the same function to keep every document it sends under the limit.
import {
  buildSchema,
  getNamedType,
  getNullableType,
  GraphQLInt,
  isAbstractType,
  isLeafType,
  isListType,
  isObjectType,
  Kind,
  parse,
  valueFromAST,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type OperationDefinitionNode,
  type SelectionSetNode
} from 'graphql'
import { getVariableValues } from 'graphql/execution/values.js'
import { ADMIN_SCHEMA_SDL } from './admin-schema.ts'

/** Shopify's ceiling on one query's requested cost. */
export const SINGLE_QUERY_MAX_COST = 1000

export const adminSchema = buildSchema(ADMIN_SCHEMA_SDL)

export class QueryCostError extends Error {}

interface Walk {
  fragments: Map<string, FragmentDefinitionNode>
  variables: Record<string, unknown>
}

/** The fields a selection set selects on the concrete type `type` (fragments that apply to it flattened). */
function fieldsOn (selectionSet: SelectionSetNode, type: GraphQLObjectType, walk: Walk): FieldNode[] {
  const fields: FieldNode[] = []
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      fields.push(selection)
      continue
    }
    const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? walk.fragments.get(selection.name.value) : selection
    if (fragment === undefined) {
      throw new QueryCostError(`Unknown fragment ${selection.kind === Kind.FRAGMENT_SPREAD ? selection.name.value : ''}`)
    }
    const condition = fragment.typeCondition?.name.value
    const conditionType = condition === undefined ? undefined : adminSchema.getType(condition)
    const applies = condition === undefined || condition === type.name ||
      (conditionType !== undefined && conditionType !== null && isAbstractType(conditionType) && adminSchema.isSubType(conditionType, type))
    if (applies) fields.push(...fieldsOn(fragment.selectionSet, type, walk))
  }
  return fields
}

/** The cost of what is selected inside an object of `type` (the object itself not counted). */
function selectionCost (selectionSet: SelectionSetNode | undefined, type: GraphQLNamedType, walk: Walk): number {
  if (selectionSet === undefined) return 0
  if (isAbstractType(type)) {
    // The most expensive of the possible selections.
    return Math.max(0, ...adminSchema.getPossibleTypes(type).map((possible) => selectionCost(selectionSet, possible, walk)))
  }
  if (!isObjectType(type)) return 0
  let cost = 0
  for (const field of fieldsOn(selectionSet, type, walk)) cost += fieldCost(field, type, walk)
  return cost
}

function sizeArgument (field: FieldNode, walk: Walk): number | undefined {
  for (const name of ['first', 'last']) {
    const argument = field.arguments?.find((candidate) => candidate.name.value === name)
    if (argument === undefined) continue
    const value = valueFromAST(argument.value, GraphQLInt, walk.variables)
    if (typeof value === 'number') return value
  }
  return undefined
}

/** The cost of one element of a connection: `nodes` and `edges { node }` (the node object 1 + its selection). */
function perNode (field: FieldNode, connection: GraphQLObjectType, walk: Walk): number {
  let cost = 0
  for (const inner of fieldsOn(field.selectionSet!, connection, walk)) {
    const name = inner.name.value
    if (name === 'nodes') {
      const nodeType = getNamedType(connection.getFields().nodes.type)
      cost = Math.max(cost, 1 + selectionCost(inner.selectionSet, nodeType, walk))
    } else if (name === 'edges') {
      const edgeType = getNamedType(connection.getFields().edges.type) as GraphQLObjectType
      for (const edgeField of inner.selectionSet === undefined ? [] : fieldsOn(inner.selectionSet, edgeType, walk)) {
        if (edgeField.name.value !== 'node') continue
        const nodeType = getNamedType(edgeType.getFields().node.type)
        cost = Math.max(cost, 1 + selectionCost(edgeField.selectionSet, nodeType, walk))
      }
    }
  }
  return cost
}

function fieldCost (field: FieldNode, parent: GraphQLObjectType, walk: Walk): number {
  const name = field.name.value
  if (name.startsWith('__')) return 0
  const definition = parent.getFields()[name]
  if (definition === undefined) throw new QueryCostError(`Field '${name}' doesn't exist on type '${parent.name}'`)
  const type = getNamedType(definition.type)
  if (isLeafType(type)) return 0
  if (isObjectType(type) && type.name.endsWith('Connection') && type.getFields().pageInfo !== undefined) {
    const size = sizeArgument(field, walk)
    if (size === undefined) throw new QueryCostError(`you must provide one of first or last (${parent.name}.${name})`)
    return 2 + size * perNode(field, type, walk)
  }
  const one = 1 + selectionCost(field.selectionSet, type, walk)
  if (isListType(getNullableType(definition.type))) {
    const size = sizeArgument(field, walk)
    if (size !== undefined) return 2 + size * one
  }
  return one
}

/**
 * The requested cost of `operationName` (or the only operation) in `document`, with `variables`
 * coerced as Shopify coerces them (defaults applied). Throws QueryCostError for a document this
 * schema cannot price (unknown field, connection without first/last, bad variables).
 */
export function requestedQueryCost (
  document: string | DocumentNode,
  variables: Record<string, unknown> = {},
  operationName?: string
): number {
  const parsed = typeof document === 'string' ? parse(document) : document
  const operations = parsed.definitions.filter(
    (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION
  )
  const operation = operationName === undefined ? operations[0] : operations.find((candidate) => candidate.name?.value === operationName)
  if (operation === undefined || (operationName === undefined && operations.length !== 1)) {
    throw new QueryCostError('The document must hold exactly one operation, or name the one to run')
  }
  const fragments = new Map(
    parsed.definitions
      .filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION)
      .map((fragment) => [fragment.name.value, fragment])
  )
  const coerced = getVariableValues(adminSchema, operation.variableDefinitions ?? [], variables)
  if (coerced.errors !== undefined) throw new QueryCostError(coerced.errors.map((error) => error.message).join('; '))
  const root = operation.operation === 'query' ? adminSchema.getQueryType() : null
  if (root === null || root === undefined) throw new QueryCostError(`This schema answers queries only, not ${operation.operation}`)
  return selectionCost(operation.selectionSet, root, { fragments, variables: coerced.coerced })
}

/** Shopify's answer to a query over the single-query limit (HTTP 200, nothing executed). */
export function maxCostExceeded (cost: number) {
  return {
    errors: [
      {
        message:
          `Query cost is ${cost}, which exceeds the single query max cost limit (${SINGLE_QUERY_MAX_COST}).\n\n` +
          'See https://shopify.dev/concepts/about-apis/rate-limits for more information on how the\n' +
          'cost of a query is calculated.\n\n' +
          'To query larger amounts of data with fewer limits, bulk operations should be used instead.\n' +
          'See https://shopify.dev/tutorials/perform-bulk-operations-with-admin-api for usage details.\n',
        extensions: {
          code: 'MAX_COST_EXCEEDED',
          cost,
          maxCost: SINGLE_QUERY_MAX_COST,
          documentation: 'https://shopify.dev/api/usage/limits#rate-limits'
        }
      }
    ]
  }
}
