'use strict'

/**
 * A unit of work over dynalite's store. dynalite's own actions (putItem, updateItem, deleteItem) run against a view
 * of the store whose item and index databases read through to LevelDB but keep every write in memory; commit() then
 * writes all of them — items, index entries, stream records, the sequence counter — as ONE LevelDB batch. So a
 * transaction is all or nothing on disk as well, and an item change never lands without its stream record.
 */
class UnitOfWork {
  constructor (store) {
    this.store = store
    this.ops = new Map() // full LevelDB key -> { type: 'put', value } | { type: 'del' }
    this.changes = new Map() // table + '\0' + item key -> { tableName, key, oldItem, newItem }
    this.extraOps = []
  }

  /** The store dynalite's actions see: same tables, buffered item and index databases, no per-key locks needed. */
  view () {
    const unit = this
    return Object.assign(Object.create(this.store), {
      getItemDb: tableName => unit.subDb('item-' + tableName + '~', tableName),
      getIndexDb: (indexType, tableName, indexName) =>
        unit.subDb('index-' + indexType.toLowerCase() + '~' + tableName + '~' + indexName + '~', null),
    })
  }

  subDb (prefix, tableName) {
    const unit = this
    const mainDb = this.store.db
    const read = key => {
      const op = unit.ops.get(prefix + key)
      if (op) return Promise.resolve(op.type === 'put' ? op.value : undefined)
      return mainDb.get(prefix + key)
    }
    const write = (key, op, cb) => {
      const changeKey = tableName + '\0' + key
      const record = () => {
        unit.ops.set(prefix + key, op)
        if (tableName != null) unit.changes.get(changeKey).newItem = op.type === 'put' ? op.value : undefined
      }
      if (tableName == null || unit.changes.has(changeKey)) {
        record()
        return setImmediate(cb, null)
      }
      mainDb.get(prefix + key).then(oldItem => {
        unit.changes.set(changeKey, { tableName, key, oldItem, newItem: undefined })
        record()
        cb(null)
      }, cb)
    }
    return {
      // The engine already runs one request at a time, so dynalite's per-key lock has nothing left to guard.
      lock: (key, fn) => fn(done => done),
      get: (key, cb) => read(key).then(value => cb(null, value), cb),
      put: (key, value, cb) => write(key, { type: 'put', value }, cb),
      del: (key, cb) => write(key, { type: 'del' }, cb),
    }
  }

  /** Runs one of dynalite's actions inside this unit. */
  run (action, data) {
    return new Promise((resolve, reject) => {
      action(this.view(), data, (err, result) => (err ? reject(err) : resolve(result)))
    })
  }

  /** Item changes in the order their items were first written. */
  itemChanges () {
    return [ ...this.changes.values() ]
  }

  add (op) {
    this.extraOps.push(op)
  }

  batchOps () {
    const ops = []
    for (const [ key, op ] of this.ops) ops.push(op.type === 'put' ? { type: 'put', key, value: op.value } : { type: 'del', key })
    return ops.concat(this.extraOps)
  }

  async commit () {
    const ops = this.batchOps()
    if (ops.length) await this.store.db.batch(ops)
  }
}

/** The stored item (or undefined) under dynalite's key for it, read straight from LevelDB. */
function readItem (store, tableName, key) {
  return store.db.get('item-' + tableName + '~' + key)
}

module.exports = { UnitOfWork, readItem }
