'use strict'

class Transactions {
  constructor (store, commit) {
    this.store = store
    this.commit = commit
  }

  write () { throw new Error('not yet') }

  get () { throw new Error('not yet') }

  async forget () {}
}

module.exports = { Transactions }
