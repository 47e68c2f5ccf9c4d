'use strict'

/**
 * One queue for every request that touches table data: each runs alone, in arrival order, so a reader can never
 * observe half of a write or of a transaction. Throughput is not the point of a test engine; being serializable is.
 */
function createMutex () {
  let tail = Promise.resolve()
  return function exclusive (task) {
    const run = tail.then(task)
    tail = run.catch(() => {})
    return run
  }
}

module.exports = { createMutex }
