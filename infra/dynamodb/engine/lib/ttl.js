'use strict'

const validations = require('dynalite/validations')
const deleteItem = require('dynalite/actions/deleteItem')
const { UnitOfWork } = require('./writes')
const { validationError } = require('./errors')

/**
 * Time to live: UpdateTimeToLive / DescribeTimeToLive, and a sweep that deletes expired items through the same
 * write path as DeleteItem, so their REMOVE stream records carry the service as the one who deleted them.
 */

const SETTINGS = 'rgttl~' // rgttl~<table> -> { AttributeName }
// The Streams API's Identity shape; Lambda's event format spells the same fields type/principalId.
const SERVICE = Object.freeze({ Type: 'Service', PrincipalId: 'dynamodb.amazonaws.com' })
// DynamoDB leaves alone items whose TTL value is more than five years in the past (likely not epoch seconds).
const FIVE_YEARS_S = 5 * 365 * 24 * 60 * 60

const updateTypes = {
  TableName: { type: 'String', required: true, tableName: true, regex: '[a-zA-Z0-9_.-]+' },
  TimeToLiveSpecification: {
    type: 'FieldStruct<TimeToLiveSpecification>',
    required: true,
    children: {
      AttributeName: { type: 'String', notNull: true, lengthGreaterThanOrEqual: 1, lengthLessThanOrEqual: 255 },
      Enabled: { type: 'Boolean', notNull: true },
    },
  },
}

class TimeToLive {
  constructor (store, commit, tables) {
    this.store = store
    this.commit = commit
    this.tables = tables
  }

  async describe (data) {
    await this.tables.get(data.TableName)
    const settings = await this.store.db.get(SETTINGS + data.TableName)
    return {
      TimeToLiveDescription: settings ?
        { TimeToLiveStatus: 'ENABLED', AttributeName: settings.AttributeName } :
        { TimeToLiveStatus: 'DISABLED' },
    }
  }

  async update (raw) {
    const data = validations.checkTypes(JSON.parse(JSON.stringify(raw)), updateTypes)
    validations.checkValidations(data, updateTypes, null, this.store)
    await this.tables.get(data.TableName)
    const spec = data.TimeToLiveSpecification
    const settings = await this.store.db.get(SETTINGS + data.TableName)
    if (spec.Enabled && settings) throw validationError('TimeToLive is already enabled')
    if (!spec.Enabled && !settings) throw validationError('TimeToLive is already disabled')
    if (!spec.Enabled && settings.AttributeName !== spec.AttributeName) {
      throw validationError('TimeToLive is active on a different AttributeName: current AttributeName is ' +
        settings.AttributeName)
    }
    await (spec.Enabled ?
      this.store.db.put(SETTINGS + data.TableName, { AttributeName: spec.AttributeName }) :
      this.store.db.del(SETTINGS + data.TableName))
    return { TimeToLiveSpecification: { Enabled: spec.Enabled, AttributeName: spec.AttributeName } }
  }

  /** Deletes every item whose TTL attribute (a number, epoch seconds) is in the past, one batch per table. */
  async sweep (nowMs) {
    const now = nowMs / 1000
    for await (const [ key, settings ] of this.store.db.iterator({ gt: SETTINGS, lt: SETTINGS + '\xff' })) {
      const tableName = key.slice(SETTINGS.length)
      const table = await this.tables.get(tableName).catch(() => null)
      if (!table || table.TableStatus !== 'ACTIVE') continue
      const expired = []
      for await (const item of this.store.db.values({ gt: 'item-' + tableName + '~', lt: 'item-' + tableName + '~\xff' })) {
        const value = item[settings.AttributeName]
        if (!value || value.N == null) continue
        const at = Number(value.N)
        if (at <= now && at >= now - FIVE_YEARS_S) expired.push(item)
      }
      if (!expired.length) continue
      const unit = new UnitOfWork(this.store)
      for (const item of expired) {
        const itemKey = {}
        for (const k of table.KeySchema) itemKey[k.AttributeName] = item[k.AttributeName]
        await unit.run(deleteItem, { TableName: tableName, Key: itemKey })
      }
      await this.commit(unit, SERVICE)
    }
  }
}

module.exports = { TimeToLive, SETTINGS }
