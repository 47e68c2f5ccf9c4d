'use strict'

const db = require('dynalite/db')

/**
 * ConsumedCapacity of writes, secondary indexes included, as DynamoDB charges them.
 *
 * AWS, "Capacity unit consumption for write operations"
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/read-write-operations.html#write-operation-consumption):
 * a write costs 1 unit per started KB of the larger of the item before and after (at least 1, also for a delete of
 * nothing), and "the total provisioned throughput cost for a write consists of the sum of write capacity units
 * consumed by writing to the base table and those consumed by updating the global secondary indexes".
 * AWS, "Provisioned throughput considerations for global secondary indexes"
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GSI.html#GSI.ThroughputConsiderations.Writes),
 * which local secondary indexes follow too (LSI.html#LSI.ThroughputConsiderations.Writes): an index is charged for
 * its entry (index key, table key, projected attributes) — one write when the item enters or leaves the index or
 * its entry changes in place, two (a delete and a put) when the index key changes, nothing when the item is in
 * the index neither before nor after (sparse) or its entry is unchanged.
 * In a transaction only the table's part is doubled; index writes cost what they cost outside one, and a
 * ConditionCheck is charged as a (doubled) write of the item it read. Those two points are not in the guides; they
 * are DynamoDB's measured figures as recorded by nubo-db/dynoxide (tests/transact_index_capacity.rs).
 */

const WRITE_UNIT = 1024
const READ_UNIT = 4096
const INDEX_KINDS = [ 'GlobalSecondaryIndexes', 'LocalSecondaryIndexes' ]

function writeUnits (size) {
  return Math.max(1, Math.ceil(size / WRITE_UNIT))
}

function readUnits (size) {
  return Math.max(1, Math.ceil(size / READ_UNIT))
}

function sizeOf (item) {
  return item ? db.itemSize(item) : 0
}

/** The entry an item has in an index, or null when it lacks one of the index's key attributes (a sparse index). */
function entryOf (index, table, item) {
  if (!item || index.KeySchema.some(key => item[key.AttributeName] == null)) return null
  const projection = index.Projection || {}
  if (projection.ProjectionType === 'ALL') return item
  const names = index.KeySchema.concat(table.KeySchema).map(key => key.AttributeName)
    .concat(projection.ProjectionType === 'INCLUDE' ? projection.NonKeyAttributes || [] : [])
  const entry = {}
  for (const name of names) if (item[name] != null) entry[name] = item[name]
  return entry
}

/** A value in one spelling whatever the order of its map keys or set members (sets are unordered). */
function canonical (value) {
  if (Array.isArray(value)) return value.map(canonical)
  if (value == null || typeof value !== 'object') return value
  const result = {}
  for (const key of Object.keys(value).sort()) {
    const member = canonical(value[key])
    result[key] = [ 'SS', 'NS', 'BS' ].includes(key) ? [ ...member ].sort() : member
  }
  return result
}

function same (a, b) {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b))
}

/** Write units one index is charged for the change of one item from `oldItem` to `newItem`. */
function indexWriteUnits (index, table, oldItem, newItem) {
  const before = entryOf(index, table, oldItem)
  const after = entryOf(index, table, newItem)
  if (!before && !after) return 0
  if (!before) return writeUnits(sizeOf(after))
  if (!after) return writeUnits(sizeOf(before))
  const keyOf = entry => index.KeySchema.map(key => entry[key.AttributeName])
  if (!same(keyOf(before), keyOf(after))) return writeUnits(sizeOf(before)) + writeUnits(sizeOf(after))
  if (same(before, after)) return 0
  return writeUnits(Math.max(sizeOf(before), sizeOf(after)))
}

/**
 * The units one request consumed, per table: its table's read and write units and each index's write units.
 * `report` shapes them as DynamoDB answers: single operations give CapacityUnits only; transactions
 * (`transactional`) also split them into ReadCapacityUnits/WriteCapacityUnits at every level.
 */
class Capacity {
  constructor () {
    this.tables = new Map()
  }

  of (tableName) {
    let t = this.tables.get(tableName)
    if (!t) {
      t = { read: 0, write: 0, GlobalSecondaryIndexes: new Map(), LocalSecondaryIndexes: new Map() }
      this.tables.set(tableName, t)
    }
    return t
  }

  /** One item changed from `oldItem` to `newItem` (either absent): the table write, times `factor`, and its indexes. */
  write (table, oldItem, newItem, factor = 1) {
    const t = this.of(table.TableName)
    t.write += factor * writeUnits(Math.max(sizeOf(oldItem), sizeOf(newItem)))
    for (const kind of INDEX_KINDS) {
      for (const index of table[kind] || []) {
        const units = indexWriteUnits(index, table, oldItem, newItem)
        if (units) t[kind].set(index.IndexName, (t[kind].get(index.IndexName) || 0) + units)
      }
    }
  }

  /** Units charged to the table alone: `kind` 'read' or 'write'. */
  add (tableName, kind, units) {
    this.of(tableName)[kind] += units
  }

  /** ConsumedCapacity entries, one per table, for ReturnConsumedCapacity `mode`; undefined unless TOTAL/INDEXES. */
  report (mode, transactional) {
    if (mode !== 'TOTAL' && mode !== 'INDEXES') return undefined
    const shape = (read, write) => {
      const units = { CapacityUnits: read + write }
      if (transactional && read) units.ReadCapacityUnits = read
      if (transactional && (write || !read)) units.WriteCapacityUnits = write
      return units
    }
    return [ ...this.tables ].map(([ name, t ]) => {
      let indexUnits = 0
      for (const kind of INDEX_KINDS) for (const units of t[kind].values()) indexUnits += units
      const entry = Object.assign({ TableName: name }, shape(t.read, t.write + indexUnits))
      if (mode === 'INDEXES') {
        entry.Table = shape(t.read, t.write)
        for (const kind of INDEX_KINDS) {
          if (!t[kind].size) continue
          entry[kind] = {}
          for (const [ indexName, units ] of t[kind]) entry[kind][indexName] = shape(0, units)
        }
      }
      return entry
    })
  }
}

module.exports = { Capacity, readUnits, writeUnits, sizeOf }
