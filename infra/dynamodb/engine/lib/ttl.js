'use strict'

class TimeToLive {
  constructor (store, commit, tables) {
    this.store = store
    this.commit = commit
    this.tables = tables
  }

  async describe (data) {
    await this.tables.get(data.TableName)
    return { TimeToLiveDescription: { TimeToLiveStatus: 'DISABLED' } }
  }

  update () { throw new Error('not yet') }

  async sweep () {}
}

module.exports = { TimeToLive }
