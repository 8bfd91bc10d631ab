// What the connectors' store configurations share (read by each platform's config.ts, which
// src/config/config.ts calls; nothing here reads process.env itself):
//   - `storeSecret`: a secret given in a TENANTS_FILE entry, or named by its *Env field;
//   - `storeFromEnvironment`: a platform's single-tenant shortcut (BIGCOMMERCE_*, WOOCOMMERCE_*):
//     the variables read into one store entry, every problem named by its variable;
//   - `checkStoresAcrossTenants`: a store sends to one tenant, one tenant's stores have distinct
//     externalId prefixes, and the platform's own production requirements.
// The texts of the problems are what operators see (and tests check): change them with care.
import type { z } from 'zod'

/**
 * A store's secret reader: the entry's value, else the variable its *Env field names (a problem when
 * that is unset or empty); undefined for none or an empty value.
 */
export function storeSecret (environment: Record<string, string | undefined>, where: string, problems: string[]) {
  return (value: string | undefined, envName: string | undefined, key: string): string | undefined => {
    const found = value ?? (envName === undefined ? undefined : environment[envName])
    if (envName !== undefined && (found === undefined || found === '')) problems.push(`${where}: ${key} names ${envName}, which is not set`)
    return found === '' ? undefined : found
  }
}

/** How a shortcut's variables are read (trimmed; empty counts as unset). */
export interface ShortcutReader<Name extends string> {
  value(name: Name): string | undefined
  /** Comma-separated values, trimmed, empty ones dropped. */
  list(name: Name): string[] | undefined
  number(name: Name): number | undefined
  /** The JSON value; {} when unset, or when it is not JSON (a problem naming the variable and the example). */
  json(name: Name, example: string): unknown
}

export interface EnvironmentShortcut<Name extends string, Schema extends z.ZodType, Store> {
  /** Every variable of the shortcut and the entry field it sets (problems with a field name the variable). */
  names: Readonly<Record<Name, string>>
  /** The variable naming the store: unset, there is no store (and the others are a problem). */
  storeVariable: NoInfer<Name>
  /** How problems name the shortcut as a whole ("BIGCOMMERCE_*"). */
  wildcard: string
  /** The store entry's schema (the same as TENANTS_FILE's list). */
  schema: Schema
  /** The entry the variables give (problems it pushes come before the schema's). */
  entry(read: ShortcutReader<Name>): unknown
  /** The store from a valid entry (as from TENANTS_FILE, `where` being the wildcard). */
  store(entry: z.output<Schema>, where: string): Store
}

/** A platform's single-tenant shortcut: the one store its variables describe, or none when its store variable is unset. */
export function storeFromEnvironment<Name extends string, Schema extends z.ZodType, Store> (
  environment: Record<string, string | undefined>,
  problems: string[],
  shortcut: EnvironmentShortcut<Name, Schema, Store>
): Store[] {
  const value = (name: Name) => {
    const raw = environment[name]?.trim()
    return raw === undefined || raw === '' ? undefined : raw
  }
  const names = Object.keys(shortcut.names) as Name[]
  const given = names.filter((name) => value(name) !== undefined)
  if (value(shortcut.storeVariable) === undefined) {
    if (given.length > 0) problems.push(`${given.join(', ')}: need ${shortcut.storeVariable} (the store they configure)`)
    return []
  }
  const read: ShortcutReader<Name> = {
    value,
    list: (name) =>
      value(name)
        ?.split(',')
        .map((item) => item.trim())
        .filter(Boolean),
    number: (name) => {
      const text = value(name)
      return text === undefined ? undefined : Number(text)
    },
    json: (name, example) => {
      const text = value(name)
      if (text === undefined) return {}
      try {
        return JSON.parse(text)
      } catch {
        problems.push(`${name}: must be a JSON object like ${example}`)
        return {}
      }
    }
  }
  const parsed = shortcut.schema.safeParse(shortcut.entry(read))
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0])
      const name = names.find((variable) => shortcut.names[variable] === field) ?? shortcut.wildcard
      problems.push(`${name}: ${issue.message}`)
    }
    return []
  }
  return [shortcut.store(parsed.data, shortcut.wildcard)]
}

export interface StoresAcrossTenants<Store extends { externalIdPrefix: string }> {
  /** The platform in problems ("BigCommerce store abc123 …"). */
  title: string
  /** The store's id on its platform. */
  id(store: Store): string
  /** NODE_ENV=production: what this store lacks (`where` is "{title} store {id}"); undefined elsewhere. */
  production: ((store: Store, where: string) => string[]) | undefined
}

/** Checks across tenants: a store sends to one tenant; one tenant's stores need distinct externalId prefixes; production's own needs. */
export function checkStoresAcrossTenants<Store extends { externalIdPrefix: string }> (
  tenants: ReadonlyArray<{ name: string; stores: readonly Store[] }>,
  platform: StoresAcrossTenants<Store>,
  problems: string[]
): void {
  const owners = new Map<string, string>()
  for (const tenant of tenants) {
    const prefixes = new Set<string>()
    for (const store of tenant.stores) {
      const id = platform.id(store)
      const where = `${platform.title} store ${id}`
      const other = owners.get(id)
      if (other !== undefined) problems.push(`${where} is listed for tenants ${other} and ${tenant.name}; a store sends to one tenant`)
      owners.set(id, tenant.name)
      if (prefixes.has(store.externalIdPrefix)) {
        problems.push(
          `${where}: tenant ${tenant.name} has another store with externalIdPrefix "${store.externalIdPrefix}" (order ids would collide)`
        )
      }
      prefixes.add(store.externalIdPrefix)
      if (platform.production !== undefined) problems.push(...platform.production(store, where))
    }
  }
}
